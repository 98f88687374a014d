using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>Campaigns, their phases and milestones, and the caller's approval queue over <c>/api/v1</c>, scoped like the pages.</summary>
public static class CampaignsApi
{
    public sealed record CampaignDto(Guid Id, string Title, string? Theme, Guid ScopeUnitId, DateOnly StartsOn, DateOnly EndsOn, string Status, bool PhasesOverlap);

    public sealed record PhaseDto(Guid Id, int Order, string Name, DateOnly StartsOn, DateOnly EndsOn, string Status);

    public sealed record MilestoneDto(Guid Id, Guid PhaseId, string Title, DateOnly Deadline, Guid? OwnerPersonId, Guid? OwnerUnitId, int? RequiredCount, int DoneCount, string Status, bool Overdue);

    public sealed record ApprovalDto(Guid Id, Guid CampaignId, string Title, string Kind, string Status, DateTime? SubmittedAt);

    public sealed record CampaignDetailDto(CampaignDto Campaign, IReadOnlyList<PhaseDto> Phases);

    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var campaigns = api.MapGroup("/campaigns").WithTags("活动").RequirePermission(Permissions.CampaignsView);
        campaigns.MapGet("/", ListAsync).WithSummary("与我相关的活动（分页）");
        campaigns.MapGet("/{id:guid}", GetAsync).WithSummary("一个活动及其环节");
        campaigns.MapGet("/{id:guid}/milestones", MilestonesAsync).WithSummary("活动的节点任务（含是否逾期）");
        api.MapGroup("/approvals").WithTags("活动").RequirePermission(Permissions.CampaignsApprove)
            .MapGet("/", ApprovalsAsync).WithSummary("等待我（督导组成员）审核的材料");
        return api;
    }

    private static async Task<Ok<Paged<CampaignDto>>> ListAsync(AppDbContext db, ScopeGuard guard, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path)
            .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .Select(c => new CampaignDto(c.Id, c.Title, c.Theme, c.ScopeUnitId, c.StartsOn, c.EndsOn, c.Status.ToString(), c.PhasesOverlap))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<CampaignDetailDto>> GetAsync(Guid id, AppDbContext db, CampaignAccess access, CancellationToken ct)
    {
        var c = await access.FindAsync(id, Permissions.CampaignsView, ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Order)
            .Select(p => new PhaseDto(p.Id, p.Order, p.Name, p.StartsOn, p.EndsOn, p.Status.ToString())).ToListAsync(ct);
        return TypedResults.Ok(new CampaignDetailDto(new CampaignDto(c.Id, c.Title, c.Theme, c.ScopeUnitId, c.StartsOn, c.EndsOn, c.Status.ToString(), c.PhasesOverlap), phases));
    }

    private static async Task<Ok<List<MilestoneDto>>> MilestonesAsync(Guid id, AppDbContext db, CampaignAccess access, TimeProvider clock, CancellationToken ct)
    {
        await access.FindAsync(id, Permissions.CampaignsView, ct);
        var today = ChinaTime.Today(clock);
        var items = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == id).OrderBy(m => m.Deadline).ThenBy(m => m.Id)
            .Select(m => new MilestoneDto(m.Id, m.PhaseId, m.Title, m.Deadline, m.OwnerPersonId, m.OwnerUnitId, m.RequiredCount, m.DoneCount, m.Status.ToString(), m.Status == MilestoneStatus.Open && m.Deadline < today))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<List<ApprovalDto>>> ApprovalsAsync(AppDbContext db, CampaignAccess access, CancellationToken ct)
    {
        var person = await access.PersonIdAsync(ct);
        var items = await db.ApprovalDocuments.AsNoTracking()
            .Where(d => d.Status == DocumentStatus.Submitted && db.CampaignMembers.Any(m => m.CampaignId == d.CampaignId && m.PersonId == person && m.Group == CampaignGroup.Supervision))
            .OrderBy(d => d.SubmittedAt)
            .Select(d => new ApprovalDto(d.Id, d.CampaignId, d.Title, d.Kind.ToString(), d.Status.ToString(), d.SubmittedAt))
            .Take(200).ToListAsync(ct);
        return TypedResults.Ok(items);
    }
}
