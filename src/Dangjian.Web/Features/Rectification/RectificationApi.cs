using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>Rectification items and their figures over <c>/api/v1</c>, for campaigns the caller may see.</summary>
public static class RectificationApi
{
    public sealed record ItemDto(Guid Id, Guid? ParentId, Guid? PlanUnitId, Guid? ProblemId, string Title, string? Goal, string? Measures, DateOnly StartsOn, DateOnly DueOn, string Horizon, Guid LeaderPersonId, Guid DepartmentId, string? Commitment, string? Special, int Weight, int Progress, string Status, bool Overdue, bool IsPublic, DateOnly? ClosedOn);

    public static RouteGroupBuilder MapRectificationApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/rectification").WithTags("整改落实").RequirePermission(Permissions.CampaignsView);
        group.MapGet("/items", ItemsAsync).WithSummary("整改事项和分解任务（四明确一承诺、进度、状态），分页");
        group.MapGet("/figures", FiguresAsync).WithSummary("问题按类别和时限、事项按状态、销号率、按期销号率");
        group.MapGet("/plans", PlansAsync).WithSummary("各整改方案（本级 planUnitId 为空，直属单位各一份）的事项数、销号、按期销号、逾期");
        return api;
    }

    private static async Task<bool> VisibleAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, CancellationToken ct) =>
        await db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).AnyAsync(c => c.Id == campaignId, ct);

    private static async Task<Results<Ok<Paged<ItemDto>>, NotFound>> ItemsAsync(AppDbContext db, ScopeGuard guard, TimeProvider clock, Guid campaignId, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await VisibleAsync(db, guard, campaignId, ct))
        {
            return TypedResults.NotFound();
        }

        var today = ChinaTime.Today(clock);
        var result = await db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaignId).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        var items = result.Items.Select(i => new ItemDto(i.Id, i.ParentId, i.PlanUnitId, i.ProblemId, i.Title, i.Goal, i.Measures, i.StartsOn, i.DueOn, i.Horizon.ToString(), i.LeaderPersonId, i.DepartmentId,
            i.Commitment, i.Special, i.Weight, i.Progress, i.Status.ToString(), i.IsOverdue(today), i.IsPublic, i.ClosedOn)).ToList();
        return TypedResults.Ok(new Paged<ItemDto>(items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Results<Ok<RectificationProgress.Figures>, NotFound>> FiguresAsync(AppDbContext db, ScopeGuard guard, RectificationProgress progress, Guid campaignId, CancellationToken ct) =>
        await VisibleAsync(db, guard, campaignId, ct) ? TypedResults.Ok(await progress.FiguresAsync(campaignId, ct)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<RectificationProgress.PlanFigures>>, NotFound>> PlansAsync(AppDbContext db, ScopeGuard guard, RectificationProgress progress, Guid campaignId, CancellationToken ct) =>
        await VisibleAsync(db, guard, campaignId, ct) ? TypedResults.Ok(await progress.PlanFiguresAsync(campaignId, ct)) : TypedResults.NotFound();
}
