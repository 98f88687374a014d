using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems;

/// <summary>
/// Who writes, comments on and reviews a self-inspection, and its creation with its approval document. A leader writes
/// their own ("均要自己动手撰写"); the team's is drafted by the principal (组长) or the office; the supervision group
/// reviews; those who may read it (DocumentAccess: the office, the leading group, the supervision group) may comment.
/// </summary>
public sealed class SelfInspectionService(AppDbContext db, CampaignAccess access, CampaignService campaigns)
{
    public sealed record Rights(Guid? PersonId, bool Office, bool Principal, ApprovalRules.Actor Actor)
    {
        public bool MayWrite(Guid? owner) => owner is null ? Office || Principal : PersonId == owner;

        public bool MayReview => Actor.IsSupervisor;

        public bool MayComment => PersonId is not null;
    }

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var personId = await access.PersonIdAsync(ct);
        var office = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var membership = await campaigns.MembershipAsync(campaign.Id, personId, ct);
        var actor = await access.ActorAsync(campaign.Id, ct);
        return new Rights(personId, office, membership.IsLeader, actor);
    }

    /// <summary>The team members a self-inspection is expected from: 班子成员 inside the campaign's units.</summary>
    public async Task<List<(Guid Id, string Name, string? Title)>> LeadersAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        return (await db.People.AsNoTracking().Where(p => p.PostRank == PostRank.TeamMember && !p.IsRetired && p.OrgUnit!.Path.StartsWith(path))
            .OrderBy(p => p.CreatedAt).Select(p => new { p.Id, p.Name, p.Title }).Take(200).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.Title)).ToList();
    }

    /// <summary>Finds or starts the self-inspection of <paramref name="personId"/> (null: the team) in the campaign.</summary>
    public async Task<SelfInspection> FindOrStartAsync(Campaign campaign, Guid? personId, string? personName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var existing = await db.SelfInspections.SingleOrDefaultAsync(s => s.CampaignId == campaign.Id && s.PersonId == personId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var document = new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.SelfInspection, Title = personName is null ? "领导班子对照检查材料" : $"{personName}同志对照检查材料" };
        db.ApprovalDocuments.Add(document);
        var inspection = new SelfInspection { CampaignId = campaign.Id, PersonId = personId, DocumentId = document.Id };
        db.SelfInspections.Add(inspection);
        return inspection;
    }
}
