using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// Talks over <c>/api/v1</c>: who talked with whom and when, the required list with its coverage, and the figures.
/// What was said stays on the talk's page, where reading it is restricted and audited.
/// </summary>
public static class TalksApi
{
    public sealed record TalkDto(Guid Id, Guid CampaignId, string Kind, DateOnly HeldOn, Guid InitiatorId, string Initiator, Guid? PartnerId, string Partner, string Admonition);

    public sealed record RequirementDto(Guid Id, string Kind, Guid? PersonAId, string PersonA, Guid PersonBId, string PersonB, string? Reason, int Held);

    public static RouteGroupBuilder MapTalksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/talks").WithTags("谈心谈话").RequirePermission(Permissions.CampaignsView);
        group.MapGet("", ListAsync).WithSummary("谈话记录（不含谈话内容），分页");
        group.MapGet("/requirements", RequirementsAsync).WithSummary("必谈名单及每项已谈次数；open=true 只列未谈");
        group.MapGet("/figures", FiguresAsync).WithSummary("谈心谈话人(次)、涉及人数、必谈覆盖率");
        return api;
    }

    private static async Task<IQueryable<Guid>> CampaignsAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, CancellationToken ct) =>
        db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Where(c => c.Id == campaignId).Select(c => c.Id);

    private static async Task<Results<Ok<Paged<TalkDto>>, NotFound>> ListAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, int? page, int? pageSize, CancellationToken ct)
    {
        var campaigns = await CampaignsAsync(db, guard, campaignId, ct);
        if (!await campaigns.AnyAsync(ct))
        {
            return TypedResults.NotFound();
        }

        var result = await db.Talks.AsNoTracking().Where(t => t.CampaignId == campaignId).OrderByDescending(t => t.HeldOn).ThenBy(t => t.Id)
            .Select(t => new TalkDto(t.Id, t.CampaignId, t.Kind.ToString(), t.HeldOn, t.InitiatorId, t.Initiator!.Name, t.PartnerId, t.PartnerId == null ? (t.GuestAffiliation == null ? t.GuestName! : t.GuestName + "（" + t.GuestAffiliation + "）") : t.Partner!.Name, t.Admonition.ToString()))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<Paged<RequirementDto>>, NotFound>> RequirementsAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, bool? open, int? page, int? pageSize, CancellationToken ct)
    {
        var campaigns = await CampaignsAsync(db, guard, campaignId, ct);
        if (!await campaigns.AnyAsync(ct))
        {
            return TypedResults.NotFound();
        }

        var held = db.Talks.Where(t => t.CampaignId == campaignId);
        var result = await db.TalkRequirements.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .WhereIf(open == true, r => !held.Any(t => t.PairKey == r.PairKey))
            .OrderBy(r => r.Kind).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new RequirementDto(r.Id, r.Kind.ToString(), r.PersonAId, r.PersonAId == null ? "督导组" : r.PersonA!.Name, r.PersonBId, r.PersonB!.Name, r.Reason, held.Count(t => t.PairKey == r.PairKey)))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<TalkList.Figures>, NotFound>> FiguresAsync(AppDbContext db, ScopeGuard guard, TalkList talks, Guid campaignId, CancellationToken ct)
    {
        var campaigns = await CampaignsAsync(db, guard, campaignId, ct);
        return await campaigns.AnyAsync(ct) ? TypedResults.Ok(await talks.FiguresAsync(campaignId, ct)) : TypedResults.NotFound();
    }
}
