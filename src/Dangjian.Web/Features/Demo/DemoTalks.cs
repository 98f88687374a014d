using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Demo;

/// <summary>The demo campaign's 谈心谈话 (the "四个必谈" list and the talks held), part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoTalks(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The "四个必谈" list generated from the organization, with 22 of its pairs talked and three of the supervision
    /// group's individual talks: 25 人(次), as in seed 004 "开展谈心活动25人(次)"; a few pairs are left open.
    /// </summary>
    public async Task AddTalksAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        await new Talks.TalkList(db).GenerateAsync(campaign, ct);
        var required = await db.TalkRequirements.Where(r => r.CampaignId == campaign.Id).OrderBy(r => r.Kind).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var today = Platform.Web.ChinaTime.Today(clock);
        var first = phases[1].StartsOn < today ? phases[1].StartsOn : today.AddDays(-10);
        var span = Math.Max(1, today.DayNumber - first.DayNumber);
        var fourMust = required.Where(r => r.Kind != Talks.TalkKind.Supervision).ToList();
        var chosen = fourMust.Where((_, i) => i % 9 != 4).Take(22)
            .Concat(required.Where(r => r.Kind == Talks.TalkKind.Supervision).Take(3)).ToList();
        string[] topics = ["对照“四风”交换意见，征求对本人的意见", "围绕分管工作查找作风方面的差距", "谈心交心，互相提醒"];
        for (var i = 0; i < chosen.Count; i++)
        {
            var r = chosen[i];
            var initiator = r.PersonAId ?? (i % 2 == 0 ? people["周海涛"].Id : people["喻晓军"].Id);
            db.Talks.Add(new Talks.Talk
            {
                CampaignId = campaign.Id, Kind = r.Kind, HeldOn = first.AddDays(i * span / chosen.Count), InitiatorId = initiator, PartnerId = r.PersonBId,
                PairKey = r.PairKey, Topics = topics[i % topics.Length], Place = "局党组会议室",
                Raised = i % 4 == 0 ? "希望多深入企业一线，减少会议和文件。" : "工作上支持配合，作风上要继续改进。",
                Admonition = i % 7 == 3 ? Talks.Admonition.Reminder : i == 11 ? Talks.Admonition.Criticism : Talks.Admonition.None,
                AdmonitionText = i % 7 == 3 ? "提醒注意工作方法，多听基层意见。" : i == 11 ? "批评个别时候办事拖拉，要求限期改进。" : null,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
