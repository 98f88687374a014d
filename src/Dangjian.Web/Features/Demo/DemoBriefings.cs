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

/// <summary>The demo campaign's 简报, part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoBriefings(AppDbContext db, CampaignService campaigns, TimeProvider clock)
{
    /// <summary>Five issues of the campaign's 简报: four approved, sent upward and published in the column; the fifth waiting for the supervision group.</summary>
    public async Task AddBriefingsAsync(Campaign campaign, ApprovalRules.Actor office, ApprovalRules.Actor supervisor, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var issues = new (string Title, string Body, int DaysAgo)[]
        {
            ("我局召开党的群众路线教育实践活动动员大会", "局党组召开动员大会，对全局教育实践活动作出部署。会后开展民主评议，发出评议表80份，收回80份。", 58),
            ("局党组中心组开展专题学习", "局党组中心组围绕为民务实清廉开展专题学习，主要负责同志讲专题党课，局机关党支部举办党员学习交流会。", 40),
            ("广泛征求意见 查找“四风”问题", "我局发放征求意见函50份，收到回复39份；召开服务对象、党外人士和老同志座谈会3次，梳理意见建议形成问题清单。", 25),
            ("局领导班子召开专题民主生活会", "局领导班子召开专题民主生活会，班子成员逐一对照检查，开展批评和自我批评，对群众意见逐条作出回应。", 9),
            ("边查边改 整改落实见实效", "我局制定整改方案，逐项明确责任领导、责任部门和完成时限，精简会议文件、简化项目审批等整改事项已取得阶段性成效。", 1),
        };
        var number = 0;
        foreach (var (title, body, daysAgo) in issues)
        {
            var document = new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.Briefing, Title = $"简报第{++number}期：{title}" };
            var briefing = new Briefings.Briefing { CampaignId = campaign.Id, Number = number, Title = title, DocumentId = document.Id };
            db.ApprovalDocuments.Add(document);
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync(ct);
            await campaigns.SaveDraftAsync(document, body, office, "钱宇", ct);
            await campaigns.SubmitAsync(document, office, ct);
            if (number < issues.Length)
            {
                await campaigns.DecideAsync(document, document.Version, true, "同意报送。", supervisor, "周海涛", ct);
                (briefing.SentOn, briefing.SentTo, briefing.PublishedAt) = (today.AddDays(-daysAgo), "市委教育实践活动领导小组办公室", clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo));
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
