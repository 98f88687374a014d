using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// Who reads a campaign's listening material — opinions verbatim, letters and their addressees, forums and the opinions
/// raised there, the listening figures, the problems consolidated from opinions and the 梳理汇总表 — decided here once for
/// every page, export and API. The material is read by those whose scope covers the unit that runs the campaign: its
/// office and leaders (the whole organization) and the supervision group (the units it supervises). A department's member
/// or a subsidiary's office sees the bureau's campaign (it concerns them) but not what was said in it: people spoke
/// to the bureau, not to their colleagues. Outside the rule the material does not exist for the caller (404).
/// </summary>
public sealed class ListeningAccess(AppDbContext db, ScopeGuard guard, CurrentUser me, CampaignPicker picker)
{
    /// <summary>The rule itself, without a database: the campaign's unit lies within the caller's scope.</summary>
    public static bool Reads(DataScope scope, string campaignUnitPath)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Covers(campaignUnitPath);
    }

    /// <summary>The campaigns whose listening material the caller reads, as a query to filter rows by.</summary>
    public async Task<IQueryable<Campaign>> CampaignsAsync(CancellationToken ct = default) =>
        Readable(db, me.Principal.Can(Permissions.CampaignsView) ? await guard.ScopeAsync(ct) : DataScope.Nothing);

    /// <summary>The ids of <see cref="CampaignsAsync"/>, optionally only <paramref name="campaignId"/>.</summary>
    public async Task<IQueryable<Guid>> CampaignIdsAsync(Guid? campaignId, CancellationToken ct = default) =>
        (await CampaignsAsync(ct)).WhereIf(campaignId is not null, c => c.Id == campaignId).Select(c => c.Id);

    /// <summary>Throws <see cref="NotFoundException"/> unless the caller reads the listening material of the campaign.</summary>
    public async Task RequireAsync(Guid campaignId, CancellationToken ct = default)
    {
        if (!await ReadsAsync(campaignId, ct))
        {
            throw new NotFoundException();
        }
    }

    public async Task<bool> ReadsAsync(Guid campaignId, CancellationToken ct = default) =>
        await (await CampaignsAsync(ct)).AnyAsync(c => c.Id == campaignId, ct);

    /// <summary>The campaign selector of the listening pages: only the campaigns whose material the caller reads.</summary>
    public Task<CampaignPicker.Pick> PickAsync(Guid? requested, CancellationToken ct = default) =>
        picker.PickAsync(requested, "listening", Readable, ct);

    /// <summary>The campaigns whose material a scope reads, for queries built without a request (cached counts).</summary>
    public static IQueryable<Campaign> Readable(AppDbContext db, DataScope scope) =>
        (db ?? throw new ArgumentNullException(nameof(db))).Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path);
}
