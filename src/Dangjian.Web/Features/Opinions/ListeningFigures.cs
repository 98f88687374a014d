using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.Talks;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// How a campaign listened, in the numbers reports quote — "共收集各类问题、意见和建议18条（其中肯定意见10条，建议性意见8条）",
/// "发放征求意见函50份，收到回复39份", "评议共发出80份，收回80份，综合评价较好以上达到100%", "开展谈心活动25人(次)" — all from
/// the records, in a fixed number of queries (appraisals are counted up to <see cref="MaxAppraisals"/> per campaign).
/// </summary>
public sealed class ListeningFigures(AppDbContext db, AppraisalService appraisals, TalkList talks)
{
    public const int MaxAppraisals = 20;

    public sealed record AppraisalFigures(Guid Id, string Title, bool Closed, int Issued, int Returned, int? Valid, double? GoodShare);

    public sealed record Figures(
        int Opinions,
        IReadOnlyDictionary<string, int> ByNature,
        IReadOnlyDictionary<string, int> ByChannel,
        IReadOnlyDictionary<string, int> ByTopic,
        int Replied,
        int LettersSent,
        int LettersReturned,
        int Forums,
        int ForumAttendees,
        int Problems,
        int OpinionsConsolidated,
        IReadOnlyList<AppraisalFigures> Appraisals,
        TalkList.Figures Talks);

    public async Task<Figures> ForCampaignAsync(Guid campaignId, CancellationToken ct = default)
    {
        var opinions = db.Opinions.Where(o => o.CampaignId == campaignId);
        var groups = await opinions.GroupBy(o => new { o.Channel, o.Nature, o.Topic })
            .Select(g => new { g.Key.Channel, g.Key.Nature, g.Key.Topic, Count = g.Count(), Replied = g.Count(o => o.Reply != null) }).ToListAsync(ct);
        var letters = await db.LetterRecipients.Where(r => db.SolicitationLetters.Any(l => l.Id == r.LetterId && l.CampaignId == campaignId))
            .GroupBy(r => 1).Select(g => new { Sent = g.Count(), Returned = g.Count(r => r.ReturnedAt != null) }).SingleOrDefaultAsync(ct);
        var forums = await db.Forums.Where(f => f.CampaignId == campaignId)
            .GroupBy(f => 1).Select(g => new { Count = g.Count(), Attendees = g.Sum(f => f.Attendees) }).SingleOrDefaultAsync(ct);
        var problems = db.Problems.Where(p => p.CampaignId == campaignId);
        var problemCount = await problems.CountAsync(ct);
        var consolidated = await opinions.CountAsync(o => db.ProblemOpinions.Any(l => l.OpinionId == o.Id && problems.Any(p => p.Id == l.ProblemId)), ct);
        var list = await db.Appraisals.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.OpensAt).Take(MaxAppraisals).ToListAsync(ct);
        var appraisalFigures = new List<AppraisalFigures>();
        foreach (var a in list)
        {
            if (await appraisals.TallyAsync(a, ct) is { } tally)
            {
                var rated = tally.Targets.Sum(t => t.Rated);
                var good = tally.Targets.Sum(t => t.Counts.GetValueOrDefault(Grade.Good) + t.Counts.GetValueOrDefault(Grade.FairlyGood));
                appraisalFigures.Add(new AppraisalFigures(a.Id, a.Title, true, tally.Issued, tally.Returned, tally.Valid, rated == 0 ? null : Math.Round(100.0 * good / rated, 1)));
            }
            else
            {
                var (issued, returned) = await appraisals.TurnoutAsync(a, ct);
                appraisalFigures.Add(new AppraisalFigures(a.Id, a.Title, false, issued, returned, null, null));
            }
        }

        return new Figures(
            groups.Sum(g => g.Count),
            groups.OrderBy(g => g.Nature ?? (Nature)99).GroupBy(g => g.Nature is { } n ? OpinionLabels.Of(n) : "待分类").ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            groups.OrderBy(g => g.Channel).GroupBy(g => OpinionLabels.Of(g.Channel)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            groups.OrderBy(g => g.Topic ?? (Topic)99).GroupBy(g => g.Topic is { } t ? OpinionLabels.Of(t) : "待分类").ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            groups.Sum(g => g.Replied),
            letters?.Sent ?? 0,
            letters?.Returned ?? 0,
            forums?.Count ?? 0,
            forums?.Attendees ?? 0,
            problemCount,
            consolidated,
            appraisalFigures,
            await talks.FiguresAsync(campaignId, ct));
    }
}
