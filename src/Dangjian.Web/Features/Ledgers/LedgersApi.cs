using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>Ledgers, their items with pace, and a month's dispatch over <c>/api/v1</c>, for the ledgers the caller sees.</summary>
public static class LedgersApi
{
    public sealed record LedgerDto(Guid Id, string Title, string Kind, Guid OwnerUnitId, int ReportDay, int Items, int Open);

    public sealed record ItemDto(Guid Id, string Source, string Content, Guid LeadLeaderId, Guid DepartmentId, DateOnly StartsOn, DateOnly DueOn, int Progress, int Elapsed, string Pace, DateOnly? DoneOn);

    public sealed record DispatchDto(DateOnly Month, int Open, int Reported, IReadOnlyList<Guid> Missing);

    public sealed record PeriodDto(Guid Id, Guid SchemeId, string Scheme, string Label, DateOnly StartsOn, DateOnly EndsOn, DateTime? PublishedAt, string? FlagHolders);

    public sealed record RankDto(int Rank, Guid UnitId, string Unit, decimal Total, IReadOnlyList<decimal> TopLevel);

    public sealed record ResultDto(Guid PeriodId, string Label, bool Published, string TieRule, IReadOnlyList<string> TopLevel, IReadOnlyList<RankDto> Ranking, int Missing);

    public static RouteGroupBuilder MapLedgersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/ledgers").WithTags("督查督办").RequirePermission(Permissions.LedgersView);
        group.MapGet("", LedgersAsync).WithSummary("可见的督办台账及事项数");
        group.MapGet("/{id:guid}/items", ItemsAsync).WithSummary("台账事项：进度、时间进度和“时间过半、任务过半”状态");
        group.MapGet("/assessments", PeriodsAsync).WithSummary("考核期（方案、起止、发布时间、流动红旗获得者）");
        group.MapGet("/assessments/{id:guid}", ResultAsync).WithSummary("某考核期的名次：各一级指标得分、总分，及排名规则");
        group.MapGet("/{id:guid}/dispatch", DispatchAsync).WithSummary("某月调度：在办事项、已报送数和未报送事项（month=2026-10-01，默认应报月份）");
        return api;
    }

    private static async Task<Ok<List<LedgerDto>>> LedgersAsync(AppDbContext db, LedgerAccess access, CancellationToken ct) =>
        TypedResults.Ok(await (await access.VisibleAsync(ct)).OrderBy(l => l.CreatedAt).Take(200)
            .Select(l => new LedgerDto(l.Id, l.Title, l.Kind.ToString(), l.OwnerUnitId, l.ReportDay, db.LedgerItems.Count(i => i.LedgerId == l.Id), db.LedgerItems.Count(i => i.LedgerId == l.Id && i.DoneOn == null)))
            .ToListAsync(ct));

    private static async Task<Results<Ok<List<ItemDto>>, NotFound>> ItemsAsync(AppDbContext db, LedgerAccess access, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (!await (await access.VisibleAsync(ct)).AnyAsync(l => l.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var today = ChinaTime.Today(clock);
        var items = await db.LedgerItems.AsNoTracking().Where(i => i.LedgerId == id).OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(2000).ToListAsync(ct);
        return TypedResults.Ok(items.Select(i => new ItemDto(i.Id, i.Source, i.Content, i.LeadLeaderId, i.DepartmentId, i.StartsOn, i.DueOn, i.Progress,
            LedgerRules.Elapsed(i.StartsOn, i.DueOn, today), LedgerRules.PaceOf(i.Progress, i.StartsOn, i.DueOn, today, i.DoneOn is not null).ToString(), i.DoneOn)).ToList());
    }

    private static async Task<Results<Ok<DispatchDto>, NotFound>> DispatchAsync(AppDbContext db, LedgerAccess access, TimeProvider clock, Guid id, DateOnly? month, CancellationToken ct)
    {
        if (!await (await access.VisibleAsync(ct)).AnyAsync(l => l.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var m = month is { } given ? new DateOnly(given.Year, given.Month, 1) : LedgerRules.MonthDue(ChinaTime.Today(clock));
        var end = m.AddMonths(1).AddDays(-1);
        var open = await db.LedgerItems.AsNoTracking().Where(i => i.LedgerId == id && i.StartsOn <= end && (i.DoneOn == null || i.DoneOn >= m))
            .Select(i => new { i.Id, Reported = db.MonthlyReports.Any(r => r.ItemId == i.Id && r.Month == m) }).ToListAsync(ct);
        return TypedResults.Ok(new DispatchDto(m, open.Count, open.Count(o => o.Reported), open.Where(o => !o.Reported).Select(o => o.Id).ToList()));
    }

    private static async Task<Ok<List<PeriodDto>>> PeriodsAsync(AppDbContext db, AssessmentService service, CancellationToken ct)
    {
        var schemes = await service.VisibleAsync(ct);
        return TypedResults.Ok(await (from p in db.AssessmentPeriods.AsNoTracking()
                                      join s in schemes on p.SchemeId equals s.Id
                                      orderby p.EndsOn descending, p.Id
                                      select new PeriodDto(p.Id, s.Id, s.Name, p.Label, p.StartsOn, p.EndsOn, p.PublishedAt, p.FlagHolders)).Take(200).ToListAsync(ct));
    }

    private static async Task<Results<Ok<ResultDto>, NotFound>> ResultAsync(AppDbContext db, AssessmentService service, Guid id, CancellationToken ct)
    {
        var schemes = await service.VisibleAsync(ct);
        if (await db.AssessmentPeriods.AsNoTracking().Where(p => p.Id == id && schemes.Any(s => s.Id == p.SchemeId)).SingleOrDefaultAsync(ct) is not { } period)
        {
            return TypedResults.NotFound();
        }

        var result = await service.ResultAsync(period, ct);
        var names = result.Units.ToDictionary(u => u.Id, u => u.Name);
        return TypedResults.Ok(new ResultDto(period.Id, period.Label, period.PublishedAt is not null, AssessmentRules.TieRule, result.TopLevel.Select(t => t.Name).ToList(),
            result.Ranking.Select(r => new RankDto(r.Rank, r.UnitId, names[r.UnitId], r.Total, r.TopLevel)).ToList(), result.Missing));
    }
}
