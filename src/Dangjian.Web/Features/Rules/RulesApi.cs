using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>The rules registry over <c>/api/v1</c>: rules the caller may read, with status and history links.</summary>
public static class RulesApi
{
    public sealed record RuleDto(Guid Id, Guid OrgUnitId, string? Number, string Title, string Category, string Issuer, DateOnly IssuedOn, DateOnly? EffectiveOn, string Status, DateOnly? AbolishedOn, Guid? ReplacesId, Guid? RectificationItemId, Guid? ReviewId);

    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/rules").WithTags("制度建设").RequirePermission(Permissions.RulesView);
        group.MapGet("", ListAsync).WithSummary("制度库（status=Current|Revising|Abolished 过滤），分页");
        group.MapGet("/{id:guid}", OneAsync).WithSummary("一项制度（含正文）");
        return api;
    }

    private static async Task<Ok<Paged<RuleDto>>> ListAsync(RuleAccess access, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var filter = Enum.TryParse<RuleStatus>(status, out var s) && Enum.IsDefined(s) ? s : (RuleStatus?)null;
        var result = await (await access.VisibleAsync(ct)).WhereIf(filter is not null, r => r.Status == filter).OrderBy(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new RuleDto(r.Id, r.OrgUnitId, r.Number, r.Title, r.Category, r.Issuer, r.IssuedOn, r.EffectiveOn, r.Status.ToString(), r.AbolishedOn, r.ReplacesId, r.RectificationItemId, r.ReviewId))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<Rule>, NotFound>> OneAsync(RuleAccess access, Guid id, CancellationToken ct) =>
        await (await access.VisibleAsync(ct)).SingleOrDefaultAsync(r => r.Id == id, ct) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();
}
