using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// The campaigns a caller may study in (run in or above their scope) and may run study work for (in their scope, with
/// the study edit permission), and lookups of study records that 404 outside them.
/// </summary>
public sealed class StudyAccess(AppDbContext db, ScopeGuard guard, CampaignAccess campaigns, CurrentUser me)
{
    public sealed record Option(Guid Id, string Name);

    public bool CanEdit => me.Principal.Can(Permissions.StudyEdit);

    /// <summary>Campaigns the caller takes part in, newest first; <paramref name="forEditing"/> keeps those they run.</summary>
    public async Task<List<Option>> CampaignsAsync(bool forEditing = false, bool includeEnded = true, CancellationToken ct = default)
    {
        var scope = await guard.ScopeAsync(ct);
        var query = forEditing
            ? db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path)
            : db.Campaigns.AsNoTracking().InScopeOrAbove(scope, c => c.ScopeUnit!.Path);
        if (!includeEnded)
        {
            query = query.Where(c => c.Status != CampaignStatus.Ended);
        }

        return await query.OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).Take(200).ToListAsync(ct);
    }

    /// <summary>The campaign for reading (404 outside, 403 without study view).</summary>
    public Task<Campaign> ReadAsync(Guid campaignId, CancellationToken ct = default) => campaigns.FindAsync(campaignId, Permissions.StudyView, ct);

    /// <summary>The campaign for running study work: it must lie in the caller's own scope and they need study edit.</summary>
    public async Task<Campaign> EditAsync(Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await campaigns.FindAsync(campaignId, Permissions.StudyEdit, ct);
        return await campaigns.RunsAsync(campaign, Permissions.StudyEdit, ct) ? campaign : throw new ForbiddenException();
    }

    /// <summary>The campaign for reading, and whether the caller also runs its study work.</summary>
    public async Task<(Campaign Campaign, bool CanEdit)> ReadWithRightsAsync(Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await ReadAsync(campaignId, ct);
        return (campaign, await CanEditCampaignAsync(campaign, ct));
    }

    public Task<bool> CanEditCampaignAsync(Campaign campaign, CancellationToken ct = default) => campaigns.RunsAsync(campaign, Permissions.StudyEdit, ct);

    public Task<Guid?> PersonIdAsync(CancellationToken ct = default) => campaigns.PersonIdAsync(ct);

    public async Task<string> ScopePathAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
    }
}

/// <summary>Attachments of a note are readable by whoever may read the note.</summary>
public sealed class NoteFileRule(Notes.NoteAccess notes) : IFileAccessRule
{
    public const string Owner = "StudyNote";

    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct)
    {
        await notes.FindAsync(ownerId, ct);
        return true;
    }
}

/// <summary>Photos and minutes files of a session are readable by whoever may see the session's campaign.</summary>
public sealed class SessionFileRule(AppDbContext db, StudyAccess access) : IFileAccessRule
{
    public const string Owner = "StudySession";

    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct)
    {
        var campaignId = await db.StudySessions.Where(s => s.Id == ownerId).Select(s => (Guid?)s.CampaignId).SingleOrDefaultAsync(ct);
        if (campaignId is null)
        {
            return false;
        }

        await access.ReadAsync(campaignId.Value, ct);
        return true;
    }
}

/// <summary>Material files are readable by whoever may see the material's campaign.</summary>
public sealed class MaterialFileRule(AppDbContext db, StudyAccess access) : IFileAccessRule
{
    public const string Owner = "StudyMaterial";

    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct)
    {
        var campaignId = await db.StudyMaterials.Where(s => s.Id == ownerId).Select(s => (Guid?)s.CampaignId).SingleOrDefaultAsync(ct);
        if (campaignId is null)
        {
            return false;
        }

        await access.ReadAsync(campaignId.Value, ct);
        return true;
    }
}
