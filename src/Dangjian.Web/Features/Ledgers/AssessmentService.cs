using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// Schemes are seen by everyone whose scope reaches their organization, kept by those holding
/// <see cref="Permissions.LedgersEdit"/> over it; scored indicators are scored only by their assessor. Computes the
/// data-driven indicators from the period's records and gives the ranking.
/// </summary>
public sealed class AssessmentService(AppDbContext db, ScopeGuard guard, CurrentUser me)
{
    public sealed record Unit(Guid Id, string Name);

    public sealed record Result(
        IReadOnlyList<Indicator> Indicators,
        IReadOnlyList<Unit> Units,
        IReadOnlyDictionary<(Guid Indicator, Guid Unit), IndicatorScore> Scores,
        IReadOnlyList<AssessmentRules.Ranked> Ranking,
        string? WeightProblem,
        int Missing)
    {
        public IEnumerable<Indicator> Leaves => Indicators.Where(i => Indicators.All(c => c.ParentId != i.Id));

        public IEnumerable<Indicator> TopLevel => Indicators.Where(i => i.ParentId is null);

        public IEnumerable<Unit> FlagHolders => AssessmentRules.FlagHolders(Ranking).Select(id => Units.Single(u => u.Id == id));
    }

    public async Task<IQueryable<AssessmentScheme>> VisibleAsync(CancellationToken ct = default) =>
        db.AssessmentSchemes.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), s => s.OwnerUnit!.Path);

    public async Task<(AssessmentScheme Scheme, bool Manage)> FindAsync(Guid schemeId, CancellationToken ct = default)
    {
        var scheme = await (await VisibleAsync(ct)).SingleOrDefaultAsync(s => s.Id == schemeId, ct) ?? throw new NotFoundException();
        var path = await db.OrgUnits.Where(u => u.Id == scheme.OwnerUnitId).Select(u => u.Path).SingleAsync(ct);
        return (scheme, me.Principal.Can(Permissions.LedgersEdit) && await guard.CoversAsync(path, ct));
    }

    public Task<Guid?> PersonIdAsync(CancellationToken ct = default) => me.GetPersonIdAsync(ct);

    /// <summary>The departments assessed: the active 科室 directly under the scheme's organization, in the tree's order.</summary>
    public Task<List<Unit>> UnitsAsync(AssessmentScheme scheme, CancellationToken ct = default) =>
        db.OrgUnits.AsNoTracking().Where(u => u.ParentId == scheme.OwnerUnitId && u.IsActive && u.Kind == OrgUnitKind.Department)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Take(500).Select(u => new Unit(u.Id, u.Name)).ToListAsync(ct);

    public Task<List<Indicator>> IndicatorsAsync(Guid schemeId, CancellationToken ct = default) =>
        db.Indicators.AsNoTracking().Include(i => i.AssessorPerson).Where(i => i.SchemeId == schemeId).OrderBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).Take(500).ToListAsync(ct);

    /// <summary>
    /// Recomputes every computed leaf for every department from the period's records, in one grouped query per kind:
    /// ledger items due in the period done by their deadline, study attendance (present or made up) at sessions held in
    /// the period, rectification items due in the period closed.
    /// </summary>
    public async Task ComputeAsync(AssessmentPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var scheme = await db.AssessmentSchemes.SingleAsync(s => s.Id == period.SchemeId, ct);
        var units = await UnitsAsync(scheme, ct);
        var ids = units.Select(u => u.Id).ToList();
        var indicators = await IndicatorsAsync(scheme.Id, ct);
        var leaves = indicators.Where(i => i.Kind != IndicatorKind.Scored && indicators.All(c => c.ParentId != i.Id)).ToList();
        var (from, to) = (period.StartsOn, period.EndsOn);
        var ownerPath = await db.OrgUnits.Where(u => u.Id == scheme.OwnerUnitId).Select(u => u.Path).SingleAsync(ct);
        var ledger = await db.LedgerItems.Where(i => ids.Contains(i.DepartmentId) && i.DueOn >= from && i.DueOn <= to && db.Ledgers.Any(l => l.Id == i.LedgerId && l.OwnerUnitId == scheme.OwnerUnitId))
            .GroupBy(i => i.DepartmentId).Select(g => new { Unit = g.Key, Due = g.Count(), Done = g.Count(i => i.DoneOn != null && i.DoneOn <= i.DueOn) }).ToListAsync(ct);
        var (start, end) = (ChinaTime.StartOfDayUtc(from), ChinaTime.StartOfDayUtc(to.AddDays(1)));
        var attendance = await db.SessionAttendees.Where(a => ids.Contains(a.Person!.OrgUnitId) && db.StudySessions.Any(s => s.Id == a.SessionId && s.StartsAt >= start && s.StartsAt < end))
            .GroupBy(a => a.Person!.OrgUnitId).Select(g => new { Unit = g.Key, Due = g.Count(), Done = g.Count(a => a.Status == AttendanceStatus.Present || a.MakeUpDoneAt != null) }).ToListAsync(ct);
        var rectification = await db.RectificationItems.Where(i => ids.Contains(i.DepartmentId) && i.DueOn >= from && i.DueOn <= to && i.Horizon != Problems.ProblemHorizon.LongTerm
                && db.Campaigns.Any(c => c.Id == i.CampaignId && c.ScopeUnit!.Path.StartsWith(ownerPath)))
            .GroupBy(i => i.DepartmentId).Select(g => new { Unit = g.Key, Due = g.Count(), Done = g.Count(i => i.Status == ItemStatus.Closed) }).ToListAsync(ct);
        var existing = await db.IndicatorScores.Where(s => s.PeriodId == period.Id && leaves.Select(l => l.Id).Contains(s.IndicatorId)).ToListAsync(ct);
        foreach (var leaf in leaves)
        {
            foreach (var unit in units)
            {
                var (done, due) = leaf.Kind switch
                {
                    IndicatorKind.LedgerOnTime => ledger.Where(x => x.Unit == unit.Id).Select(x => (x.Done, x.Due)).FirstOrDefault(),
                    IndicatorKind.Attendance => attendance.Where(x => x.Unit == unit.Id).Select(x => (x.Done, x.Due)).FirstOrDefault(),
                    _ => rectification.Where(x => x.Unit == unit.Id).Select(x => (x.Done, x.Due)).FirstOrDefault(),
                };
                var (none, what) = leaf.Kind switch
                {
                    IndicatorKind.LedgerOnTime => ("本期没有到期的督办事项", "督办事项按期办结"),
                    IndicatorKind.Attendance => ("本期没有应参加的学习", "学习出勤（含补学）"),
                    _ => ("本期没有到期的整改事项", "整改事项销号"),
                };
                var score = existing.FirstOrDefault(s => s.IndicatorId == leaf.Id && s.UnitId == unit.Id);
                if (score is null)
                {
                    score = new IndicatorScore { PeriodId = period.Id, IndicatorId = leaf.Id, UnitId = unit.Id };
                    db.IndicatorScores.Add(score);
                }

                score.Score = AssessmentRules.Computed(leaf.Points, done, due);
                score.Explanation = due == 0 ? $"{none}，得满分" : $"{what}{done}/{due}（{100.0 * done / due:0.#}%）";
                score.ScoredBy = "系统计算";
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The period's scores, each department's top-level subtotals and total, and the ranking under the stated tie rule.</summary>
    public async Task<Result> ResultAsync(AssessmentPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var scheme = await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == period.SchemeId, ct);
        var indicators = await IndicatorsAsync(scheme.Id, ct);
        var units = await UnitsAsync(scheme, ct);
        var scores = (await db.IndicatorScores.AsNoTracking().Where(s => s.PeriodId == period.Id).OrderBy(s => s.IndicatorId).ThenBy(s => s.UnitId).Take(50_000).ToListAsync(ct))
            .GroupBy(s => (s.IndicatorId, s.UnitId)).ToDictionary(g => g.Key, g => g.First());
        var children = indicators.ToLookup(i => i.ParentId);
        decimal Sum(Indicator node, Guid unit) => children[node.Id].Any()
            ? children[node.Id].Sum(c => Sum(c, unit))
            : scores.TryGetValue((node.Id, unit), out var s) ? s.Score : 0;
        var top = children[null].ToList();
        var ranking = AssessmentRules.Rank(units.ToDictionary(u => u.Id, u => (IReadOnlyList<decimal>)top.Select(t => Sum(t, u.Id)).ToList()));
        var leaves = indicators.Where(i => !children[i.Id].Any()).ToList();
        var missing = leaves.Sum(l => units.Count(u => !scores.ContainsKey((l.Id, u.Id))));
        var problem = AssessmentRules.CheckWeights(indicators.Select(i => new AssessmentRules.Node(i.Id, i.ParentId, i.Name, i.Points)).ToList());
        return new Result(indicators, units, scores, ranking, problem, missing);
    }
}
