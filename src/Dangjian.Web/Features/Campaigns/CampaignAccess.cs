using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Finds a campaign the caller may see — run inside their scope, or by a unit above them that they take part in
/// (else 404) — and checks the permission (403). Editing still needs the edit permission, which members lack.
/// </summary>
public sealed class CampaignAccess(AppDbContext db, ScopeGuard guard, CurrentUser me, CampaignService service)
{
    public async Task<Campaign> FindAsync(Guid id, string permission, CancellationToken ct = default)
    {
        var found = await db.Campaigns.Where(c => c.Id == id).Select(c => new { Campaign = c, c.ScopeUnit!.Path }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        if (!(await guard.ScopeAsync(ct)).Concerns(found.Path) || !me.Principal.Can(Permissions.CampaignsView))
        {
            throw new NotFoundException();
        }

        // Editing needs the permission over the organization that runs the campaign; a unit below only reads it
        // (its own share, such as a 直属单位's rectification plan, is checked by the feature).
        if (!me.Principal.Can(permission) || (permission == Permissions.CampaignsEdit && !await guard.CoversAsync(found.Path, ct)))
        {
            throw new ForbiddenException();
        }

        return found.Campaign;
    }

    /// <summary>
    /// What the caller may do in this campaign's approvals: write and submit when they run the campaign (the edit
    /// permission over its organization — a unit below only reads) or sit in its office; decide when they hold the
    /// approve permission and sit in its supervision group.
    /// </summary>
    public async Task<ApprovalRules.Actor> ActorAsync(Guid campaignId, CancellationToken ct = default)
    {
        var profile = await me.GetProfileAsync(ct);
        var personId = profile?.PersonId;
        var membership = await service.MembershipAsync(campaignId, personId, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        return new ApprovalRules.Actor(
            me.Id!.Value,
            await RunsAsync(campaign, Permissions.CampaignsEdit, ct) || membership.IsOffice,
            me.Principal.Can(Permissions.CampaignsApprove) && membership.IsSupervisor);
    }

    /// <summary>
    /// Whether the caller runs this campaign's work needing <paramref name="permission"/>: they hold the permission and
    /// their scope covers the organization that runs the campaign (a unit below only reads).
    /// </summary>
    public async Task<bool> RunsAsync(Campaign campaign, string permission, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!me.Principal.Can(permission))
        {
            return false;
        }

        var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        return await guard.CoversAsync(path, ct);
    }

    /// <summary>
    /// Whether the caller is a 群众观察员 appointed to the campaign: they follow it from outside the roster, so no scope
    /// reaches it; what they may read is decided by <see cref="DocumentAccess"/> and the observer page, never by
    /// <see cref="FindAsync"/>, which stays closed to them (nothing personal).
    /// </summary>
    public async Task<bool> ObservesAsync(Guid campaignId, CancellationToken ct = default) =>
        me.Principal.Can(Permissions.CampaignsView) && await me.GetPersonIdAsync(ct) is { } person
        && await db.CampaignMembers.AnyAsync(m => m.CampaignId == campaignId && m.PersonId == person && m.Group == CampaignGroup.Observer, ct);

    public Task<Guid?> PersonIdAsync(CancellationToken ct = default) => me.GetPersonIdAsync(ct);
}
