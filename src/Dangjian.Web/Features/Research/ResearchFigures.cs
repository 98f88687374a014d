using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>
/// What a campaign's 调研 and 载体 add up to, from the records: groups, topics, the 县区 reached, the units visited by
/// kind (50家企业, 4所高校), the people met, the reports and the 成果交流; per kind of 载体 how many activities, outings,
/// units and people. A phase's figures count visits, reports and activities dated inside it.
/// </summary>
public sealed class ResearchFigures(AppDbContext db, CampaignAccess access)
{
    /// <summary>One activity's outings, the enterprises and households it reached (what a summary counts of them), and the people taking part.</summary>
    public sealed record ActivityCount(string Title, int Outings, int Units, int People);

    /// <summary>One kind of 载体: how many activities, their outings, units and people, and the first activities by name.</summary>
    public sealed record KindCount(OutreachKind Kind, int Activities, int Outings, int Units, int People, IReadOnlyList<ActivityCount> Items);

    public sealed record Figures(
        int Topics,
        int Groups,
        IReadOnlyList<string> TopicTitles,
        IReadOnlyList<string> Reports,
        int ReportCount,
        int Shared,
        DateOnly? SharedOn,
        int Outings,
        int Districts,
        IReadOnlyList<(VisitTarget Target, int Units)> UnitsByTarget,
        int PeopleMet,
        IReadOnlyList<KindCount> Outreach)
    {
        public static Figures Empty { get; } = new(0, 0, [], [], 0, 0, null, 0, 0, [], 0, []);

        public bool Any => Topics > 0 || Outings > 0 || Outreach.Count > 0;
    }

    /// <summary>Who may record: those who run the campaign. Everyone who sees the campaign sees the records.</summary>
    public Task<bool> ManagesAsync(Campaign campaign, CancellationToken ct = default) => access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);

    public async Task<Figures> ForCampaignAsync(Guid campaignId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        const int named = 10;
        var inPhase = from is not null && to is not null;
        var topics = db.ResearchTopics.AsNoTracking().Where(t => t.CampaignId == campaignId);
        var visits = db.Visits.AsNoTracking().Where(v => v.CampaignId == campaignId && (!inPhase || (v.VisitedOn >= from && v.VisitedOn <= to)));
        var researchVisits = visits.Where(v => v.TopicId != null);

        // A phase counts the topics it worked on (a visit or a report inside it); the campaign counts them all.
        var phaseTopics = inPhase ? topics.Where(t => researchVisits.Any(v => v.TopicId == t.Id) || (t.ReportOn >= from && t.ReportOn <= to)) : topics;
        var topicRows = await phaseTopics.OrderBy(t => t.CreatedAt).ThenBy(t => t.Title)
            .Select(t => new { t.Title, t.GroupName, t.ReportTitle, t.ReportOn, t.SharedOn }).Take(500).ToListAsync(ct);
        var reports = topicRows.Where(t => t.ReportTitle != null && (!inPhase || (t.ReportOn >= from && t.ReportOn <= to))).Select(t => t.ReportTitle!).ToList();
        var shared = topicRows.Where(t => t.SharedOn != null && (!inPhase || (t.SharedOn >= from && t.SharedOn <= to))).ToList();
        var groups = topicRows.Select(t => t.GroupName).Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal).Count();

        var byTarget = await researchVisits.GroupBy(v => v.Target).Select(g => new { g.Key, Units = g.Sum(v => v.Units), Outings = g.Count(), People = g.Sum(v => v.People) }).ToListAsync(ct);
        var districts = await researchVisits.Where(v => v.District != null).Select(v => v.District!)
            .Union(researchVisits.Where(v => v.Target == VisitTarget.District && v.District == null).Select(v => v.Place)).Distinct().CountAsync(ct);

        var activities = db.OutreachActivities.AsNoTracking().Where(a => a.CampaignId == campaignId);
        var outreachVisits = await visits.Where(v => v.ActivityId != null).GroupBy(v => v.ActivityId)
            .Select(g => new { Id = g.Key!.Value, Outings = g.Count(), Units = g.Sum(v => v.Target == VisitTarget.Enterprise || v.Target == VisitTarget.Household ? v.Units : 0), People = g.Sum(v => v.People) }).ToListAsync(ct);
        var activityRows = await activities.OrderBy(a => a.StartsOn).ThenBy(a => a.CreatedAt).Select(a => new { a.Id, a.Kind, a.Title, a.StartsOn, a.EndsOn }).Take(2000).ToListAsync(ct);
        var counted = activityRows.Where(a => !inPhase || outreachVisits.Any(v => v.Id == a.Id) || (a.StartsOn <= to && (a.EndsOn ?? a.StartsOn) >= from)).ToList();
        var outreach = counted.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var items = g.Select(a => outreachVisits.FirstOrDefault(v => v.Id == a.Id) is { } v ? new ActivityCount(a.Title, v.Outings, v.Units, v.People) : new ActivityCount(a.Title, 0, 0, 0)).ToList();
            return new KindCount(g.Key, items.Count, items.Sum(i => i.Outings), items.Sum(i => i.Units), items.Sum(i => i.People), items.Take(named).ToList());
        }).ToList();

        return new Figures(
            topicRows.Count, groups, topicRows.Select(t => t.Title).Take(named).ToList(), reports.Take(named).ToList(), reports.Count, shared.Count, shared.Select(t => t.SharedOn).Min(),
            byTarget.Sum(t => t.Outings), districts,
            byTarget.Where(t => t.Key != VisitTarget.District && t.Units > 0).OrderBy(t => t.Key).Select(t => (t.Key, t.Units)).ToList(),
            byTarget.Sum(t => t.People), outreach);
    }
}
