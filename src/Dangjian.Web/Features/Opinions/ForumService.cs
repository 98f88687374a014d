using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// The seed rule "主要负责同志至少召开2次座谈会，其他每位班子成员至少主持召开1次", checked per member of the leading group from
/// the forums recorded, and the campaign's forum count milestone kept in step.
/// </summary>
public sealed class ForumService(AppDbContext db, TimeProvider clock)
{
    public sealed record LeaderRow(Guid PersonId, string Name, string Title, int Required, int Held)
    {
        public bool Met => Held >= Required;
    }

    public async Task<List<LeaderRow>> LeadersAsync(Guid campaignId, CancellationToken ct = default)
    {
        var leaders = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == campaignId && m.Group == CampaignGroup.LeadingGroup)
            .OrderBy(m => m.Title == "组长" ? 0 : 1).ThenBy(m => m.CreatedAt)
            .Select(m => new { m.PersonId, m.Person!.Name, m.Title }).ToListAsync(ct);
        var held = await db.Forums.AsNoTracking().Where(f => f.CampaignId == campaignId).GroupBy(f => f.HostPersonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return leaders.DistinctBy(l => l.PersonId).Select(l => new LeaderRow(l.PersonId, l.Name, l.Title, l.Title == "组长" ? 2 : 1, held.GetValueOrDefault(l.PersonId))).ToList();
    }

    /// <summary>A count milestone about 座谈会 counts the forums the 组长 (the principal) hosted.</summary>
    public async Task RecountAsync(Guid campaignId, CancellationToken ct = default)
    {
        var principal = await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Group == CampaignGroup.LeadingGroup && m.Title == "组长").Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(ct);
        var milestones = await db.Milestones.Where(m => m.CampaignId == campaignId && m.RequiredCount != null && m.Title.Contains("座谈会")).ToListAsync(ct);
        if (principal is null || milestones.Count == 0)
        {
            return;
        }

        var held = await db.Forums.CountAsync(f => f.CampaignId == campaignId && f.HostPersonId == principal, ct);
        foreach (var m in milestones)
        {
            m.DoneCount = held;
            m.Status = held >= m.RequiredCount ? MilestoneStatus.Done : MilestoneStatus.Open;
            m.CompletedAt = held >= m.RequiredCount ? m.CompletedAt ?? clock.GetUtcNow().UtcDateTime : null;
        }

        await db.SaveChangesAsync(ct);
    }
}
