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

/// <summary>The demo campaign's 听取意见 (forums, opinions from every channel, the solicitation letter and its replies), part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoOpinions(AppDbContext db, Opinions.LetterKey letterKey, TimeProvider clock)
{
    /// <summary>Opinions from several channels, classified like seed 004's "18条(其中肯定意见10条,建议性意见8条)", plus a few criticisms awaiting a reply.</summary>
    public async Task AddOpinionsAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        var forums = new List<Opinions.Forum>
        {
            new() { CampaignId = campaign.Id, Title = "服务对象代表座谈会", HeldOn = phases[0].StartsOn.AddDays(26), HostPersonId = people["王建国"].Id, Groups = "服务对象、企业代表", Attendees = 18, Place = "局三楼会议室", Notes = "邀请高新技术企业、科研院所代表座谈，听取对局机关作风和服务的意见。" },
            new() { CampaignId = campaign.Id, Title = "党外人士和“两代表一委员”座谈会", HeldOn = phases[0].StartsOn.AddDays(29), HostPersonId = people["王建国"].Id, Groups = "党外人士、两代表一委员", Attendees = 12, Place = "局三楼会议室" },
            new() { CampaignId = campaign.Id, Title = "老同志座谈会", HeldOn = phases[0].StartsOn.AddDays(31), HostPersonId = people["李红梅"].Id, Groups = "老同志", Attendees = 9, Place = "局一楼会议室" },
        };
        db.Forums.AddRange(forums);
        (Opinions.Channel Channel, string Text, string? Concerns, Opinions.Nature Nature, Opinions.Topic? Topic)[] items =
        [
            (Opinions.Channel.Forum, "局领导班子团结务实，科技服务企业的力度明显加大。", "局领导班子", Opinions.Nature.Positive, null),
            (Opinions.Channel.Forum, "科技特派员制度很好，解决了企业的实际困难。", null, Opinions.Nature.Positive, null),
            (Opinions.Channel.SolicitationLetter, "科技局在项目申报辅导方面做得扎实。", "政策法规科", Opinions.Nature.Positive, null),
            (Opinions.Channel.SolicitationLetter, "高新技术企业认定服务热情周到。", "高新技术科", Opinions.Nature.Positive, null),
            (Opinions.Channel.Letter, "知识产权宣传周活动效果好。", null, Opinions.Nature.Positive, null),
            (Opinions.Channel.Visit, "农村科技服务下乡及时，群众欢迎。", "农村科技科", Opinions.Nature.Positive, null),
            (Opinions.Channel.Forum, "领导干部下基层调研次数多了。", "局领导班子", Opinions.Nature.Positive, null),
            (Opinions.Channel.Hotline, "专线电话接听及时，答复清楚。", "办公室", Opinions.Nature.Positive, null),
            (Opinions.Channel.FieldVisit, "生产力促进中心服务企业有实效。", "生产力促进中心", Opinions.Nature.Positive, null),
            (Opinions.Channel.Box, "机关作风有了明显转变。", null, Opinions.Nature.Positive, null),
            (Opinions.Channel.Forum, "建议进一步精简会议和文件，减少基层负担。", "局领导班子", Opinions.Nature.Suggestion, Opinions.Topic.Formalism),
            (Opinions.Channel.SolicitationLetter, "建议简化科技项目审批流程，缩短审批周期。", "计划财务科", Opinions.Nature.Suggestion, Opinions.Topic.Bureaucratism),
            (Opinions.Channel.Letter, "建议定期公开科技经费使用情况。", "计划财务科", Opinions.Nature.Suggestion, null),
            (Opinions.Channel.Forum, "建议多深入企业一线了解需求，少在办公室听汇报。", "局领导班子", Opinions.Nature.Suggestion, Opinions.Topic.Bureaucratism),
            (Opinions.Channel.WeChat, "建议网站专栏及时更新政策解读。", "办公室", Opinions.Nature.Suggestion, Opinions.Topic.Formalism),
            (Opinions.Channel.Call, "建议加强对科技型中小企业的融资服务。", null, Opinions.Nature.Suggestion, null),
            (Opinions.Channel.Talk, "建议中层干部轮岗交流，增强活力。", null, Opinions.Nature.Suggestion, null),
            (Opinions.Channel.Forum, "建议公务接待严格执行标准，杜绝铺张。", null, Opinions.Nature.Suggestion, Opinions.Topic.Extravagance),
            (Opinions.Channel.PublicBox, "个别科室办事拖拉，材料要跑好几趟。", "高新技术科", Opinions.Nature.Criticism, Opinions.Topic.Bureaucratism),
            (Opinions.Channel.PublicBox, "检查评比太多，基层疲于应付。", null, Opinions.Nature.Criticism, Opinions.Topic.Formalism),
        ];
        var day = phases[0].StartsOn.AddDays(26);
        db.Opinions.AddRange(items.Select((x, i) => new Opinions.Opinion
        {
            CampaignId = campaign.Id, Channel = x.Channel, ReceivedOn = day.AddDays(i % 10), Text = x.Text, Concerns = x.Concerns, Nature = x.Nature, Topic = x.Topic,
            TrackingHash = x.Channel == Opinions.Channel.PublicBox ? Opinions.Opinion.HashCode(Opinions.Opinion.NewTrackingCode()) : null,
            ForumId = x.Channel == Opinions.Channel.Forum ? forums[i % 2].Id : null,
        }));
        await db.SaveChangesAsync(ct);
        await new Opinions.ForumService(db, clock).RecountAsync(campaign.Id, ct);

        // Seed 000: "发放征求意见函50份,收到回复39份".
        var letter = new Opinions.SolicitationLetter
        {
            CampaignId = campaign.Id, Title = "关于征求对局领导班子和领导干部“四风”方面意见建议的函", SentOn = phases[0].StartsOn.AddDays(25), DueOn = phases[0].StartsOn.AddDays(35),
            Body = "为深入开展党的群众路线教育实践活动，广泛听取各方面对我局领导班子和领导干部在“四风”方面存在问题的意见建议，特致函征求贵单位意见。", Questions = "总体评价\n存在的突出问题\n意见建议",
            TokenSecret = Opinions.SolicitationLetter.NewSecret(),
        };
        // Entered on the day it went out, as in use (a later entry would be marked 补录).
        letter.CreatedAt = Platform.Web.ChinaTime.StartOfDayUtc(letter.SentOn).AddHours(2);
        db.SolicitationLetters.Add(letter);
        string[] kinds = ["单位", "企业", "高校", "科研院所", "代表委员"];
        var letterService = new Opinions.LetterService(db, clock, letterKey);
        await letterService.AddRecipientsAsync(letter, Enumerable.Range(1, 50).Select(i => new Opinions.LetterService.Recipient($"{kinds[i % kinds.Length]}{i:00}", kinds[i % kinds.Length])), ct);
        await db.SaveChangesAsync(ct);
        var addressees = db.LetterRecipients.Local.Where(r => r.LetterId == letter.Id).OrderBy(r => r.Name).Take(39).ToList();
        var received = TimeZoneInfo.ConvertTimeToUtc(letter.DueOn.AddDays(-2).ToDateTime(new TimeOnly(10, 0)), Platform.Web.ChinaTime.Zone);
        foreach (var (r, i) in addressees.Select((r, i) => (r, i)))
        {
            (r.ReturnedAt, r.ReturnedVia) = (received, i % 3 == 0 ? "纸质" : "网上");
            if (i < 6)
            {
                db.Opinions.Add(new Opinions.Opinion { CampaignId = campaign.Id, Channel = Opinions.Channel.SolicitationLetter, ReceivedOn = letter.DueOn.AddDays(-2), Text = i % 2 == 0 ? "总体评价较好，希望继续加强对企业的服务。" : "科技项目评审要更加公开透明。", LetterRecipientId = r.Id, SubmitterName = r.Name, Note = "针对：意见建议" });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
