using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>Who may record talks in a campaign and who may read what was said.</summary>
public sealed class TalkService(CampaignAccess access, CampaignService campaigns)
{
    /// <summary>What the caller may record: every kind (office of the running unit), only the supervision group's talks (its members), or nothing.</summary>
    public sealed record Rights(bool All, bool Supervision, Guid? PersonId)
    {
        public bool Any => All || Supervision;

        public bool MayRecord(TalkKind kind) => All || (Supervision && kind == TalkKind.Supervision);
    }

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        var personId = await access.PersonIdAsync(ct);
        var all = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var membership = await campaigns.MembershipAsync(campaign.Id, personId, ct);
        return new Rights(all, membership.IsSupervisor, personId);
    }

    /// <summary>
    /// Who may read what was said: those who run the campaign, its supervision group, and the two people who talked.
    /// Everyone else who sees the campaign sees only that a talk took place.
    /// </summary>
    public static bool MayRead(Rights rights, Talk talk) =>
        rights.Any || (rights.PersonId is { } me && (talk.InitiatorId == me || talk.PartnerId == me));
}
