using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Reports;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>
/// One campaign at a glance: the summary's own figures (<see cref="SummaryFigures"/>, so the dashboard and the reports
/// quote the same numbers), the phases and their milestones, attendance per held session, and what is overdue — in a
/// fixed number of queries whatever the campaign's size.
/// </summary>
public sealed class CampaignBoard(AppDbContext db, SummaryFigures summary, TimeProvider clock, FigureCache figures)
{
    /// <summary>How many held sessions the attendance trend shows (the latest).</summary>
    public const int TrendSessions = 24;

    /// <summary>How many overdue milestones or items each list shows (the most overdue first).</summary>
    public const int OverdueShown = 20;

    public sealed record PhaseRow(Guid Id, int Order, string Name, DateOnly StartsOn, DateOnly EndsOn, PhaseStatus Status, int Milestones, int Done, int Overdue);

    public sealed record SessionPoint(Guid Id, string Title, DateTime StartsAt, int Expected, int Present)
    {
        public double Rate => Expected == 0 ? 0 : Math.Round(100.0 * Present / Expected, 1);
    }

    public sealed record OverdueMilestone(Guid Id, string Title, string Phase, DateOnly Deadline, string? Owner);

    public sealed record OverdueItem(Guid Id, string Title, DateOnly DueOn, int Progress, string Leader, string Department);

    public sealed record Board(
        SummaryFigures.Report Report,
        IReadOnlyList<PhaseRow> Phases,
        IReadOnlyList<SessionPoint> Trend,
        IReadOnlyList<OverdueMilestone> OverdueMilestones,
        IReadOnlyList<OverdueItem> OverdueItems,
        DateOnly Today,
        DateTime ComputedAt,
        int DocumentsWaiting)
    {
        /// <summary>The phase under way (the first begun and not completed), if any.</summary>
        public PhaseRow? CurrentPhase => Phases.FirstOrDefault(p => p.Status is PhaseStatus.InProgress or PhaseStatus.AwaitingReview);

        /// <summary>Open milestones past their deadline, over all phases.</summary>
        public int MilestonesOverdue => Phases.Sum(p => p.Overdue);
    }

    /// <summary>The campaign's board, counted at most once a minute per campaign (<see cref="FigureCache"/>).</summary>
    public Task<Board> ForCampaignAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return figures.GetAsync("board:" + campaign.Id, (services, token) => services.GetRequiredService<CampaignBoard>().ComputeAsync(campaign, token), ct);
    }

    private async Task<Board> ComputeAsync(Campaign campaign, CancellationToken ct)
    {
        var c = campaign.Id;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var report = await summary.ReportAsync(campaign, null, ct: ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == c).OrderBy(p => p.Order)
            .Select(p => new PhaseRow(p.Id, p.Order, p.Name, p.StartsOn, p.EndsOn, p.Status,
                db.Milestones.Count(m => m.PhaseId == p.Id),
                db.Milestones.Count(m => m.PhaseId == p.Id && m.Status == MilestoneStatus.Done),
                db.Milestones.Count(m => m.PhaseId == p.Id && m.Status == MilestoneStatus.Open && m.Deadline < today)))
            .ToListAsync(ct);
        // The latest held sessions, then their attendance in one grouped query (two correlated counts per session took
        // 0.7 s at the province scale).
        var held = await db.StudySessions.AsNoTracking().Where(s => s.CampaignId == c && s.EndsAt <= now)
            .OrderByDescending(s => s.StartsAt).Take(TrendSessions)
            .Select(s => new { s.Id, s.Title, s.StartsAt })
            .ToListAsync(ct);
        var heldIds = held.Select(s => s.Id).ToList();
        var counts = await db.SessionAttendees.Where(a => heldIds.Contains(a.SessionId)).GroupBy(a => a.SessionId)
            .Select(g => new { g.Key, Expected = g.Count(), Present = g.Count(a => a.Status == Study.AttendanceStatus.Present) })
            .ToDictionaryAsync(x => x.Key, ct);
        var trend = held.Select(s => new SessionPoint(s.Id, s.Title, s.StartsAt,
            counts.TryGetValue(s.Id, out var n) ? n.Expected : 0, counts.TryGetValue(s.Id, out var m) ? m.Present : 0)).ToList();
        trend.Reverse();
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.CampaignId == c && m.Status == MilestoneStatus.Open && m.Deadline < today)
            .OrderBy(m => m.Deadline).ThenBy(m => m.Title).Take(OverdueShown)
            .Select(m => new OverdueMilestone(m.Id, m.Title, db.Phases.Where(p => p.Id == m.PhaseId).Select(p => p.Name).Single(),
                m.Deadline, m.OwnerPerson != null ? m.OwnerPerson.Name : m.OwnerUnit != null ? m.OwnerUnit.Name : null))
            .ToListAsync(ct);
        var items = await db.RectificationItems.AsNoTracking()
            .Where(i => i.CampaignId == c && i.ParentId == null && (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress)
                && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today)
            .OrderBy(i => i.DueOn).ThenBy(i => i.SortOrder).Take(OverdueShown)
            .Select(i => new OverdueItem(i.Id, i.Title, i.DueOn, i.Progress, i.LeaderPerson!.Name, i.Department!.Name))
            .ToListAsync(ct);
        var waiting = await db.ApprovalDocuments.CountAsync(d => d.CampaignId == c && d.Status == DocumentStatus.Submitted, ct);
        return new Board(report, phases, trend, milestones, items, today, now, waiting);
    }
}
