using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Research;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;

namespace Dangjian.Web.Features.Demo;

/// <summary>
/// The demo campaign's 调研 and 载体 (three topics with their visits, two reports and a 成果交流; leaders' 联系点, a
/// 结对子, a 扶贫 visit, 送政策上门), three 恳谈 with people outside the roster, and two documents put on the public site
/// for comment (one still open) with the comments received — part of <see cref="DemoSeeder"/>.
/// </summary>
internal sealed class DemoResearch(AppDbContext db, TimeProvider clock)
{
    public async Task AddAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var start = campaign.StartsOn;
        ResearchTopic Topic(string title, string group, string leader, string? report, int? reportDaysAgo, int? sharedDaysAgo)
        {
            var topic = new ResearchTopic
            {
                CampaignId = campaign.Id, Title = title, GroupName = group, LeaderId = people[leader].Id, Members = "各相关科室负责同志",
                ReportTitle = report, ReportOn = reportDaysAgo is { } r ? today.AddDays(-r) : null, SharedOn = sharedDaysAgo is { } s ? today.AddDays(-s) : null,
            };
            db.ResearchTopics.Add(topic);
            return topic;
        }

        void Visit(Guid? topic, Guid? activity, int daysAgo, VisitTarget target, string place, string? district, int units, int peopleMet, string summary) =>
            db.Visits.Add(new Visit
            {
                CampaignId = campaign.Id, TopicId = topic, ActivityId = activity, VisitedOn = today.AddDays(-daysAgo), Target = target, Place = place,
                District = district, Units = units, People = peopleMet, Summary = summary,
            });

        var smes = Topic("科技型中小企业创新能力提升路径研究", "第一调研组", "王建国", "关于提升我市科技型中小企业创新能力的调研报告", 20, 15);
        Visit(smes.Id, null, 50, VisitTarget.Enterprise, "海港区科技型中小企业", "海港区", 5, 18, "了解企业研发投入和项目申报中的难题，现场解答加计扣除政策。");
        Visit(smes.Id, null, 46, VisitTarget.Enterprise, "昌黎县葡萄酒、食品加工企业", "昌黎县", 6, 15, "企业反映项目申报材料多、周期长。");
        Visit(smes.Id, null, 42, VisitTarget.University, "燕山大学科技处", "海港区", 1, 12, "与专家座谈产学研合作和成果转化。");
        var rural = Topic("农业科技园区和科技特派员工作现状调查", "第二调研组", "李红梅", "关于我市农业科技园区和科技特派员工作的调研报告", 18, 15);
        Visit(rural.Id, null, 48, VisitTarget.Village, "卢龙县双旺镇下寨村", "卢龙县", 1, 20, "摸清农业科技园区、科技特派员、科技人才等工作底数。");
        Visit(rural.Id, null, 44, VisitTarget.District, "抚宁县科技局", "抚宁县", 1, 9, "召开县区与院所对接会，帮助解决项目包装问题。");
        var approval = Topic("简化科技项目审批流程调研", "第三调研组", "张志强", null, null, null);
        Visit(approval.Id, null, 30, VisitTarget.Agency, "市行政审批局", null, 1, 6, "对照审批事项清单，梳理可以取消和合并的环节。");

        OutreachActivity Activity(OutreachKind kind, string title, string? person, string counterpart, int startDays)
        {
            var activity = new OutreachActivity { CampaignId = campaign.Id, Kind = kind, Title = title, PersonId = person is null ? null : people[person].Id, Counterpart = counterpart, StartsOn = start.AddDays(startDays) };
            db.OutreachActivities.Add(activity);
            return activity;
        }

        var wang = Activity(OutreachKind.ContactPoint, "王建国联系卢龙县科技局", "王建国", "卢龙县科技局", 3);
        Visit(null, wang.Id, 52, VisitTarget.District, "卢龙县科技局", "卢龙县", 1, 8, "指导推进县域技术创新工作。");
        Visit(null, wang.Id, 21, VisitTarget.District, "卢龙县科技局", "卢龙县", 1, 6, "回访上次反映的问题落实情况。");
        var li = Activity(OutreachKind.ContactPoint, "李红梅联系昌黎县科技局", "李红梅", "昌黎县科技局", 3);
        Visit(null, li.Id, 35, VisitTarget.District, "昌黎县科技局", "昌黎县", 1, 7, "帮助梳理葡萄产业创业链建设中的困难。");
        Activity(OutreachKind.Pairing, "韩明与康泰医学电子结对子", "韩明", "康泰医学电子有限公司", 5);
        var relief = Activity(OutreachKind.PovertyRelief, "走访慰问扶贫联系村困难户", "王建国", "卢龙县下寨村困难户", 29);
        Visit(null, relief.Id, 31, VisitTarget.Household, "卢龙县下寨村", "卢龙县", 12, 23, "全体党员干部送去大米、食用油和学习用品。");
        var policy = Activity(OutreachKind.EnterpriseService, "“送政策上门”服务企业", "韩明", "高新技术企业", 20);
        Visit(null, policy.Id, 38, VisitTarget.Enterprise, "开发区高新技术企业", "经济技术开发区", 30, 8, "宣讲高新技术企业认定和研发费用加计扣除政策。");

        string[] guests = ["马志远|燕山大学教授", "林海|康泰医学电子有限公司总经理", "郭晓梅|市人大代表"];
        for (var i = 0; i < guests.Length; i++)
        {
            var (name, affiliation) = (guests[i].Split('|')[0], guests[i].Split('|')[1]);
            db.Talks.Add(new Talks.Talk
            {
                CampaignId = campaign.Id, Kind = Talks.TalkKind.Outreach, HeldOn = today.AddDays(-40 + (i * 6)), InitiatorId = people["王建国"].Id, GuestName = name, GuestAffiliation = affiliation,
                PairKey = Talks.Talk.GuestKeyOf(name, affiliation), Topics = "恳谈日：听取对全市科技工作的意见和建议", Place = "局党组会议室",
                Raised = i == 0 ? "建议简化科技项目申报材料，推行网上申报。" : "希望科技局多到企业一线，帮助对接高校院所。",
            });
        }

        var plan = new Consultation
        {
            CampaignId = campaign.Id, Title = "市科技局党的群众路线教育实践活动实施方案（征求意见稿）", OpensOn = start.AddDays(1), ClosesOn = start.AddDays(15),
            PublishedAt = clock.GetUtcNow().UtcDateTime.AddDays(-58), Body = DemoTexts.PlanFinal,
        };
        var report = new Consultation
        {
            CampaignId = campaign.Id, Title = "市科技局领导班子对照检查材料（征求意见稿）", OpensOn = today.AddDays(-12), ClosesOn = today.AddDays(10) > campaign.EndsOn ? campaign.EndsOn : today.AddDays(10),
            PublishedAt = clock.GetUtcNow().UtcDateTime.AddDays(-12),
            Body = "一、基本情况\n局领导班子按照活动的部署，深入学习，广泛听取意见，对照“四风”查摆问题。\n二、存在的主要问题\n（一）形式主义方面：会议多、文件多，深入基层调研不够。\n（二）官僚主义方面：项目审批环节多，服务企业不够主动。\n三、整改措施\n精简会议文件，简化项目审批，建立领导干部基层联系点制度。",
        };
        db.Consultations.AddRange(plan, report);

        // The public's comments, not yet classified by the office (the demo keeps seed 004's mix of 10 肯定 and 8 建议).
        db.Opinions.AddRange(
            new Opinion { CampaignId = campaign.Id, Channel = Channel.OnlineConsultation, ConsultationId = plan.Id, ReceivedOn = start.AddDays(6), Text = "建议在实施方案中明确征求服务对象意见的具体方式和时间。", Concerns = plan.Title[..Math.Min(plan.Title.Length, Opinion.ConcernsMax)], TrackingHash = Opinion.HashCode(Opinion.NewTrackingCode()) },
            new Opinion { CampaignId = campaign.Id, Channel = Channel.OnlineConsultation, ConsultationId = report.Id, ReceivedOn = today.AddDays(-5), Text = "查摆的问题比较实在，建议把企业反映的项目资金拨付慢也列进去。", Concerns = report.Title[..Math.Min(report.Title.Length, Opinion.ConcernsMax)], TrackingHash = Opinion.HashCode(Opinion.NewTrackingCode()) });
        await db.SaveChangesAsync(ct);
    }
}
