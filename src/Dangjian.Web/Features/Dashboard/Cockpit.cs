using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>
/// 领导驾驶舱 and the supervision group's dashboard: every running campaign in a set of org subtrees with its progress,
/// each unit's rectification plan, the 督办台账 items coloured time against task per department, the latest 流动红旗
/// ranking and what needs attention — a fixed number of queries however many units there are.
/// </summary>
public sealed class Cockpit(AppDbContext db, AssessmentService assessments, TimeProvider clock, FigureCache figures)
{
    /// <summary>How many campaigns, units or departments a cockpit lists (the rest are counted, not shown).</summary>
    public const int MaxRows = 200;

    /// <summary>How many open 督办 items are coloured; beyond this the departments show what was read.</summary>
    public const int MaxLedgerItems = 5000;

    public const int AlertsShown = 10;

    public sealed record CampaignRow(Guid Id, string Title, string Unit, DateOnly StartsOn, DateOnly EndsOn, CampaignStatus Status, string? Phase,
        int Milestones, int MilestonesDone, int MilestonesOverdue, int Items, int Closed, int Overdue, int Expected, int Present)
    {
        public int MilestoneShare => Milestones == 0 ? 0 : 100 * MilestonesDone / Milestones;

        public double ClosedRate => Items == 0 ? 0 : Math.Round(100.0 * Closed / Items, 1);

        public double AttendanceRate => Expected == 0 ? 0 : Math.Round(100.0 * Present / Expected, 1);
    }

    /// <summary>One unit's rectification plan: the campaign's own (本级) or a 直属单位's.</summary>
    public sealed record PlanRow(Guid CampaignId, string Campaign, string Unit, int Items, int Closed, int Overdue)
    {
        public double ClosedRate => Items == 0 ? 0 : Math.Round(100.0 * Closed / Items, 1);
    }

    public sealed record DepartmentPace(string Department, int Green, int Amber, int Red, int Done);

    public sealed record Alert(string Kind, string Title, string Detail, string Link, DateOnly Due);

    public sealed record FlagRanking(string Scheme, string Period, Guid PeriodId, IReadOnlyList<(string Unit, decimal Total, int Rank)> Rows);

    public sealed record View(
        IReadOnlyList<CampaignRow> Campaigns,
        int CampaignCount,
        IReadOnlyList<PlanRow> Plans,
        IReadOnlyList<DepartmentPace> Ledgers,
        FlagRanking? RedFlag,
        IReadOnlyList<Alert> Alerts,
        int AwaitingReview,
        DateOnly Today,
        DateTime ComputedAt)
    {
        public int MilestonesOverdue => Campaigns.Sum(c => c.MilestonesOverdue);

        public int ItemsOverdue => Plans.Sum(p => p.Overdue);

        public int LedgerRed => Ledgers.Sum(l => l.Red);
    }

    /// <summary>The cockpit over <paramref name="scope"/>, counted at most once a minute per scope (<see cref="FigureCache"/>).</summary>
    public Task<View> ForAsync(DataScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return figures.GetAsync("cockpit:" + scope.Key, (services, token) => services.GetRequiredService<Cockpit>().ComputeAsync(scope, token), ct);
    }

    private async Task<View> ComputeAsync(DataScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.Status != CampaignStatus.Ended).InScope(scope, c => c.ScopeUnit!.Path);
        var count = await campaigns.CountAsync(ct);
        var rows = await campaigns.OrderBy(c => c.ScopeUnit!.Path).ThenBy(c => c.StartsOn).Take(MaxRows)
            .Select(c => new CampaignRow(c.Id, c.Title, c.ScopeUnit!.Name, c.StartsOn, c.EndsOn, c.Status,
                db.Phases.Where(p => p.CampaignId == c.Id && p.Status == PhaseStatus.InProgress).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
                db.Milestones.Count(m => m.CampaignId == c.Id),
                db.Milestones.Count(m => m.CampaignId == c.Id && m.Status == MilestoneStatus.Done),
                db.Milestones.Count(m => m.CampaignId == c.Id && m.Status == MilestoneStatus.Open && m.Deadline < today),
                db.RectificationItems.Count(i => i.CampaignId == c.Id && i.ParentId == null),
                db.RectificationItems.Count(i => i.CampaignId == c.Id && i.ParentId == null && i.Status == ItemStatus.Closed),
                db.RectificationItems.Count(i => i.CampaignId == c.Id && i.ParentId == null && (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today),
                0,
                0))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();

        // Attendance of the held sessions, per campaign, in one grouped join (the attendee table is the largest there is).
        var attendance = await (from a in db.SessionAttendees
                                join s in db.StudySessions on a.SessionId equals s.Id
                                where ids.Contains(s.CampaignId) && s.EndsAt <= now
                                group a by s.CampaignId into g
                                select new { CampaignId = g.Key, Expected = g.Count(), Present = g.Count(a => a.Status == Study.AttendanceStatus.Present) })
            .ToDictionaryAsync(x => x.CampaignId, ct);
        rows = rows.Select(r => attendance.TryGetValue(r.Id, out var a) ? r with { Expected = a.Expected, Present = a.Present } : r).ToList();

        // Each unit's plan: the campaign's own items (本级, no plan unit) under the campaign's unit, a 直属单位's under its name.
        var plans = await db.RectificationItems.AsNoTracking().Where(i => ids.Contains(i.CampaignId) && i.ParentId == null)
            .GroupBy(i => new { i.CampaignId, i.PlanUnitId })
            .Select(g => new
            {
                g.Key.CampaignId,
                g.Key.PlanUnitId,
                Items = g.Count(),
                Closed = g.Count(i => i.Status == ItemStatus.Closed),
                Overdue = g.Count(i => (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today),
            }).ToListAsync(ct);
        var planUnitIds = plans.Where(p => p.PlanUnitId != null).Select(p => p.PlanUnitId!.Value).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().Where(u => planUnitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var planRows = plans
            .Select(p => (Row: new PlanRow(p.CampaignId, rows.First(r => r.Id == p.CampaignId).Title,
                p.PlanUnitId is { } u ? unitNames.FirstOrDefault(n => n.Id == u)?.Name ?? "—" : rows.First(r => r.Id == p.CampaignId).Unit + "（本级）",
                p.Items, p.Closed, p.Overdue), Order: p.PlanUnitId is { } v ? unitNames.FirstOrDefault(n => n.Id == v)?.Path ?? "~" : ""))
            .OrderBy(p => rows.FindIndex(r => r.Id == p.Row.CampaignId)).ThenBy(p => p.Order, StringComparer.Ordinal)
            .Select(p => p.Row).Take(MaxRows).ToList();

        // 督办台账: each open item coloured time against task (时间过半、任务过半), counted per department.
        var ledgers = db.Ledgers.InScope(scope, l => l.OwnerUnit!.Path);
        var ledgerItems = db.LedgerItems.AsNoTracking().Where(i => ledgers.Any(l => l.Id == i.LedgerId));
        var open = await ledgerItems.Where(i => i.DoneOn == null).OrderBy(i => i.DueOn).Take(MaxLedgerItems)
            .Select(i => new { i.Id, i.Content, Department = i.Department!.Name, Leader = i.LeadLeader!.Name, i.Progress, i.StartsOn, i.DueOn }).ToListAsync(ct);
        var done = await ledgerItems.Where(i => i.DoneOn != null).GroupBy(i => i.Department!.Name)
            .Select(g => new { Department = g.Key, Count = g.Count() }).ToListAsync(ct);
        var paced = open.Select(i => (Item: i, Pace: LedgerRules.PaceOf(i.Progress, i.StartsOn, i.DueOn, today, false))).ToList();
        var departments = paced.Select(p => p.Item.Department).Concat(done.Select(d => d.Department)).Distinct(StringComparer.Ordinal)
            .Select(d => new DepartmentPace(d,
                paced.Count(p => p.Item.Department == d && p.Pace == Pace.Green),
                paced.Count(p => p.Item.Department == d && p.Pace == Pace.Amber),
                paced.Count(p => p.Item.Department == d && p.Pace == Pace.Red),
                done.FirstOrDefault(x => x.Department == d)?.Count ?? 0))
            .OrderByDescending(d => d.Red).ThenByDescending(d => d.Amber).ThenBy(d => d.Department, StringComparer.Ordinal).Take(MaxRows).ToList();

        // 流动红旗: the latest published period of any scheme kept in these subtrees.
        FlagRanking? flag = null;
        var schemes = db.AssessmentSchemes.InScope(scope, s => s.OwnerUnit!.Path);
        var latest = await db.AssessmentPeriods.AsNoTracking()
            .Where(p => p.PublishedAt != null && schemes.Any(s => s.Id == p.SchemeId))
            .OrderByDescending(p => p.EndsOn).ThenByDescending(p => p.PublishedAt).FirstOrDefaultAsync(ct);
        if (latest is not null)
        {
            var scheme = await db.AssessmentSchemes.AsNoTracking().Where(s => s.Id == latest.SchemeId).Select(s => s.Name).SingleAsync(ct);
            var result = await assessments.ResultAsync(latest, ct);
            flag = new FlagRanking(scheme, latest.Label, latest.Id,
                result.Ranking.Select(r => (result.Units.Single(u => u.Id == r.UnitId).Name, r.Total, r.Rank)).ToList());
        }

        // What needs attention: overdue milestones and rectification items, 督办 items far behind.
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.CampaignId) && m.Status == MilestoneStatus.Open && m.Deadline < today)
            .OrderBy(m => m.Deadline).Take(AlertsShown)
            .Select(m => new Alert("节点逾期", m.Title, db.Campaigns.Where(c => c.Id == m.CampaignId).Select(c => c.ScopeUnit!.Name).Single(), $"/Campaigns/Details?id={m.CampaignId}#milestones-title", m.Deadline))
            .ToListAsync(ct);
        var items = await db.RectificationItems.AsNoTracking()
            .Where(i => ids.Contains(i.CampaignId) && i.ParentId == null && (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today)
            .OrderBy(i => i.DueOn).Take(AlertsShown)
            .Select(i => new Alert("整改逾期", i.Title, i.Department!.Name + " · " + i.LeaderPerson!.Name, "/Rectification/Item?id=" + i.Id, i.DueOn))
            .ToListAsync(ct);
        var ledgerAlerts = paced.Where(p => p.Pace == Pace.Red).Take(AlertsShown)
            .Select(p => new Alert("督办滞后", p.Item.Content, $"{p.Item.Department} · {p.Item.Leader} · 进度{p.Item.Progress}%", "/Ledgers/Item?id=" + p.Item.Id, p.Item.DueOn));
        var alerts = milestones.Concat(items).Concat(ledgerAlerts).OrderBy(a => a.Due).ToList();
        var awaiting = await db.ApprovalDocuments.CountAsync(d => ids.Contains(d.CampaignId) && d.Status == DocumentStatus.Submitted, ct);

        return new View(rows, count, planRows, departments, flag, alerts, awaiting, today, now);
    }
}
