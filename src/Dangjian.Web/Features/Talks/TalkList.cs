using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// The "四个必谈" list drawn from the organization, its coverage by the talks recorded, and the figures reports quote
/// ("开展谈心活动25人(次)"). The principal is the leading group's 组长; 班子成员 are the team members (post rank) inside the
/// campaign's scope; a 分管领导 is a person holding the unit role <see cref="OverseerTitle"/> on a department.
/// </summary>
public sealed class TalkList(AppDbContext db)
{
    public const string OverseerTitle = "分管领导";

    /// <summary>Of one kind of required talk: how many pairs must talk, and how many have.</summary>
    public sealed record KindCoverage(int Required, int Covered);

    public sealed record Pair(TalkKind Kind, Guid? A, Guid B, string Reason);

    /// <param name="Guests">People outside the roster talked with (恳谈 with 科技工作者, 企业负责人), counted in <paramref name="People"/> too.</param>
    public sealed record Figures(int Talks, int People, int Required, int Covered, int Reminders, int Criticisms, IReadOnlyDictionary<TalkKind, KindCoverage> ByKind, int Guests = 0)
    {
        /// <summary>Share of the required list covered, in percent.</summary>
        public double Coverage => Required == 0 ? 0 : Math.Round(100.0 * Covered / Required, 1);
    }

    /// <summary>The pairs the "四个必谈" and the supervision group's 个别谈话 require today, from the organization.</summary>
    public async Task<List<Pair>> RequiredPairsAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        var people = await db.People.AsNoTracking()
            .Where(p => !p.IsRetired && p.OrgUnit!.Path.StartsWith(path) && p.PostRank != PostRank.Staff)
            .OrderBy(p => p.OrgUnit!.SortOrder).ThenBy(p => p.PostRank).ThenBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.OrgUnitId, p.PostRank }).ToListAsync(ct);
        var principal = await PrincipalAsync(campaign.Id, ct);
        var team = people.Where(p => p.PostRank == PostRank.TeamMember).Select(p => p.Id).ToList();
        var pairs = new List<Pair>();
        if (principal is { } boss)
        {
            pairs.AddRange(team.Where(t => t != boss).Select(t => new Pair(TalkKind.PrincipalTeam, boss, t, "班子成员")));
        }

        var others = team.Where(t => t != principal).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            pairs.AddRange(others.Skip(i + 1).Select(o => new Pair(TalkKind.TeamTeam, others[i], o, "班子成员之间")));
        }

        var units = people.Select(p => p.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var oversight = await db.PersonUnitRoles.AsNoTracking().Where(r => r.Title == OverseerTitle && units.Contains(r.OrgUnitId))
            .Select(r => new { r.PersonId, r.OrgUnitId }).ToListAsync(ct);
        foreach (var unit in people.Where(p => p.PostRank != PostRank.TeamMember).GroupBy(p => p.OrgUnitId))
        {
            var heads = unit.Where(p => p.PostRank == PostRank.MiddleChief).Select(p => p.Id).ToList();
            var deputies = unit.Where(p => p.PostRank == PostRank.MiddleDeputy).Select(p => p.Id).ToList();
            var name = unitNames.GetValueOrDefault(unit.Key, "");
            foreach (var leader in oversight.Where(o => o.OrgUnitId == unit.Key).Select(o => o.PersonId).Distinct())
            {
                pairs.AddRange(heads.Where(h => h != leader).Select(h => new Pair(TalkKind.LeaderHead, leader, h, $"分管{name}")));
            }

            foreach (var head in heads)
            {
                pairs.AddRange(deputies.Select(d => new Pair(TalkKind.HeadDeputy, head, d, name)));
            }
        }

        if (await db.CampaignMembers.AnyAsync(m => m.CampaignId == campaign.Id && m.Group == CampaignGroup.Supervision, ct))
        {
            pairs.AddRange(team.Select(t => new Pair(TalkKind.Supervision, null, t, "领导班子成员")));
            pairs.AddRange(people.Where(p => p.PostRank == PostRank.MiddleChief).Select(p => new Pair(TalkKind.Supervision, null, p.Id, "中层正职")));
        }

        // The first reason wins when two rules ask for the same pair (the principal is also a team member).
        return pairs.DistinctBy(p => Talk.KeyOf(p.Kind, p.A, p.B)).ToList();
    }

    /// <summary>
    /// Brings the stored list in line with the organization: adds missing pairs, drops pairs the organization no longer
    /// implies unless a talk already covers them. Returns how many were added and removed.
    /// </summary>
    public async Task<(int Added, int Removed)> GenerateAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var pairs = await RequiredPairsAsync(campaign, ct);
        var wanted = pairs.ToDictionary(p => Talk.KeyOf(p.Kind, p.A, p.B));
        var existing = await db.TalkRequirements.Where(r => r.CampaignId == campaign.Id).ToListAsync(ct);
        var held = (await db.Talks.Where(t => t.CampaignId == campaign.Id).Select(t => t.PairKey).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var r in existing.Where(r => !wanted.ContainsKey(r.PairKey) && !held.Contains(r.PairKey)))
        {
            db.TalkRequirements.Remove(r);
            removed++;
        }

        var have = existing.Select(r => r.PairKey).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (key, p) in wanted.Where(w => !have.Contains(w.Key)))
        {
            db.TalkRequirements.Add(new TalkRequirement { CampaignId = campaign.Id, Kind = p.Kind, PersonAId = p.A, PersonBId = p.B, PairKey = key, Reason = p.Reason });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return (added, removed);
    }

    public Task<Guid?> PrincipalAsync(Guid campaignId, CancellationToken ct = default) =>
        db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Group == CampaignGroup.LeadingGroup && m.Title == "组长")
            .Select(m => (Guid?)m.PersonId).FirstOrDefaultAsync(ct);

    /// <summary>The figures of one campaign: talks held (人次), people talked with, the required list and its coverage.</summary>
    public async Task<Figures> FiguresAsync(Guid campaignId, CancellationToken ct = default)
    {
        var talks = db.Talks.Where(t => t.CampaignId == campaignId);
        var held = await talks.GroupBy(t => 1).Select(g => new
        {
            Count = g.Count(),
            Reminders = g.Count(t => t.Admonition == Admonition.Reminder),
            Criticisms = g.Count(t => t.Admonition == Admonition.Criticism),
        }).SingleOrDefaultAsync(ct);
        var initiators = talks.Select(t => (Guid?)t.InitiatorId);
        var partners = talks.Where(t => t.PartnerId != null).Select(t => t.PartnerId);
        var onRoster = await initiators.Union(partners).CountAsync(ct);
        var guests = await talks.Where(t => t.PartnerId == null).Select(t => t.PairKey).Distinct().CountAsync(ct);
        var people = onRoster + guests;
        var byKind = await db.TalkRequirements.Where(r => r.CampaignId == campaignId).GroupBy(r => r.Kind)
            .Select(g => new { g.Key, Required = g.Count(), Covered = g.Count(r => talks.Any(t => t.PairKey == r.PairKey)) }).ToListAsync(ct);
        return new Figures(
            held?.Count ?? 0, people, byKind.Sum(k => k.Required), byKind.Sum(k => k.Covered), held?.Reminders ?? 0, held?.Criticisms ?? 0,
            byKind.ToDictionary(k => k.Key, k => new KindCoverage(k.Required, k.Covered)), guests);
    }
}
