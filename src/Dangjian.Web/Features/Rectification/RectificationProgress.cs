using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>
/// Keeps progress and status in step up the task tree, and gives the figures reports quote (problems by category and
/// horizon, items by status, on-time and closed rates) in a fixed number of queries.
/// </summary>
public sealed class RectificationProgress(AppDbContext db, TimeProvider clock)
{
    public sealed record Figures(
        int Problems,
        IReadOnlyDictionary<string, int> ProblemsByCategory,
        IReadOnlyDictionary<string, int> ProblemsByHorizon,
        int Items,
        int Tasks,
        IReadOnlyDictionary<string, int> ItemsByStatus,
        int Overdue,
        int Closed,
        int ClosedOnTime,
        int Public,
        int Reports)
    {
        /// <summary>已销号 ÷ 整改事项, in percent.</summary>
        public double ClosedRate => Items == 0 ? 0 : Math.Round(100.0 * Closed / Items, 1);

        /// <summary>按期销号 ÷ 已销号, in percent.</summary>
        public double OnTimeRate => Closed == 0 ? 0 : Math.Round(100.0 * ClosedOnTime / Closed, 1);
    }

    /// <summary>One plan's items (top level), closed, on time and overdue; <see cref="UnitId"/> null for the campaign's own.</summary>
    public sealed record PlanFigures(Guid? UnitId, int Items, int Closed, int ClosedOnTime, int Overdue)
    {
        public double ClosedRate => Items == 0 ? 0 : Math.Round(100.0 * Closed / Items, 1);
    }

    /// <summary>Recomputes the item's progress and status from its tasks or reports, then its parents', and saves.</summary>
    public async Task RecomputeAsync(Guid itemId, CancellationToken ct = default)
    {
        Guid? current = itemId;
        var guard = 0;
        while (current is { } id && guard++ < 50)
        {
            var item = await db.RectificationItems.SingleAsync(i => i.Id == id, ct);
            var children = await db.RectificationItems.Where(i => i.ParentId == id).Select(i => new { i.Progress, i.Weight, i.Status }).ToListAsync(ct);
            bool reported;
            if (children.Count > 0)
            {
                item.Progress = RectificationRules.RollUp(children.Select(c => (c.Progress, c.Weight)).ToList());
                reported = children.Any(c => c.Status != ItemStatus.NotStarted);
                if (children.All(c => c.Status == ItemStatus.Closed) && item.Status != ItemStatus.Closed)
                {
                    item.Progress = 100;
                }
            }
            else
            {
                var last = await db.ProgressReports.Where(r => r.ItemId == id).OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.CreatedAt)
                    .Select(r => (int?)r.Percent).FirstOrDefaultAsync(ct);
                item.Progress = last ?? 0;
                reported = last is not null;
            }

            if (item.Status != ItemStatus.Closed)
            {
                item.Status = RectificationRules.StatusFor(item.Progress, reported, item.Horizon);
            }

            await db.SaveChangesAsync(ct);
            current = item.ParentId;
        }
    }

    public async Task<Figures> FiguresAsync(Guid campaignId, CancellationToken ct = default)
    {
        var problems = await db.Problems.Where(p => p.CampaignId == campaignId).GroupBy(p => new { p.Category, p.Horizon })
            .Select(g => new { g.Key.Category, g.Key.Horizon, Count = g.Count() }).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var items = db.RectificationItems.Where(i => i.CampaignId == campaignId);
        var top = await items.Where(i => i.ParentId == null).GroupBy(i => i.Status).Select(g => new
        {
            Status = g.Key,
            Count = g.Count(),
            Overdue = g.Count(i => i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today),
            OnTime = g.Count(i => i.ClosedOn != null && i.ClosedOn <= i.DueOn),
            Public = g.Count(i => i.IsPublic),
        }).ToListAsync(ct);
        var tasks = await items.CountAsync(i => i.ParentId != null, ct);
        var reports = await db.ProgressReports.CountAsync(r => items.Any(i => i.Id == r.ItemId), ct);
        return new Figures(
            problems.Sum(p => p.Count),
            problems.OrderBy(p => p.Category ?? (Topic)99).GroupBy(p => p.Category is { } c ? OpinionLabels.Of(c) : "待分类").ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            problems.OrderBy(p => p.Horizon ?? (ProblemHorizon)99).GroupBy(p => p.Horizon is { } h ? ProblemLabels.Of(h) : "待定").ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            top.Sum(t => t.Count),
            tasks,
            top.OrderBy(t => t.Status).ToDictionary(t => RectificationLabels.Of(t.Status), t => t.Count),
            top.Where(t => t.Status is ItemStatus.NotStarted or ItemStatus.InProgress).Sum(t => t.Overdue),
            top.Where(t => t.Status == ItemStatus.Closed).Sum(t => t.Count),
            top.Where(t => t.Status == ItemStatus.Closed).Sum(t => t.OnTime),
            top.Sum(t => t.Public),
            reports);
    }

    /// <summary>Per plan (本级 and each 直属单位 that has items), in one grouped query.</summary>
    public async Task<List<PlanFigures>> PlanFiguresAsync(Guid campaignId, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        return await db.RectificationItems.Where(i => i.CampaignId == campaignId && i.ParentId == null).GroupBy(i => i.PlanUnitId).Select(g => new PlanFigures(
            g.Key,
            g.Count(),
            g.Count(i => i.Status == ItemStatus.Closed),
            g.Count(i => i.Status == ItemStatus.Closed && i.ClosedOn != null && i.ClosedOn <= i.DueOn),
            g.Count(i => (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today))).ToListAsync(ct);
    }
}
