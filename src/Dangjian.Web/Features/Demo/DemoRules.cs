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

/// <summary>The demo bureau's 制度 registry after one review round, part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoRules(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The bureau's rules registry after one review round (seed 003: 适用的坚持，不适用的废止，需要完善的尽快完善): five kept,
    /// the car rule abolished, the reception rule revised and replaced by its 2026 revision from the rectification item,
    /// and two new rules from 建章立制 (会议计划管理办法, 领导干部联系服务企业制度).
    /// </summary>
    public async Task AddRulesAsync(CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var bureau = await db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync(ct);
        var items = await db.RectificationItems.Where(i => i.RuleReference != null || i.Title == "严格执行公务接待标准").ToDictionaryAsync(i => i.Title, i => (Guid?)i.Id, ct);
        Rules.Rule Rule(string number, string title, string category, string issuer, DateOnly issued, string text) =>
            new() { OrgUnitId = bureau, Number = number, Title = title, Category = category, Issuer = issuer, IssuedOn = issued, EffectiveOn = issued, Text = text };
        var reception = Rule("科办〔2019〕12号", "市科技局机关公务接待管理规定", "公务接待", "市科技局办公室", new DateOnly(2019, 3, 1),
            "第一条 为规范机关公务接待工作，制定本规定。\n第二条 公务接待实行审批制度，无公函的公务活动一律不予接待。");
        var kept = new[]
        {
            Rule("科党组〔2016〕3号", "局党组理论学习中心组学习制度", "党建工作", "中共市科技局党组", new DateOnly(2016, 2, 20), "第一条 中心组每月集中学习不少于1次。\n第二条 学习实行考勤登记和学习笔记检查制度。"),
            Rule("科办〔2015〕8号", "市科技局机关公文审核办法", "会议文件", "市科技局办公室", new DateOnly(2015, 6, 10), "第一条 机关公文实行起草、审核、签发三级把关。"),
            Rule("科办〔2018〕5号", "市科技局机关考勤管理办法", "干部管理", "市科技局办公室", new DateOnly(2018, 1, 15), "第一条 机关工作人员实行上下班签到制度。\n第二条 请假须按规定履行审批手续。"),
            Rule("科财〔2020〕2号", "市科技局财务报销管理办法", "财务管理", "市科技局计划财务科", new DateOnly(2020, 4, 1), "第一条 各项支出凭合法票据报销，实行“一支笔”审批。"),
            Rule("科党组〔2017〕9号", "局领导班子民主生活会制度", "党建工作", "中共市科技局党组", new DateOnly(2017, 9, 1), "第一条 领导班子每年召开一次民主生活会，开展批评和自我批评。"),
        };
        var cars = Rule("科办〔2017〕4号", "市科技局公务用车管理规定", "财务管理", "市科技局办公室", new DateOnly(2017, 5, 1), "第一条 公务用车实行统一管理、统一调度。");
        db.Rules.Add(reception);
        db.Rules.AddRange(kept);
        db.Rules.Add(cars);
        var review = new Rules.RuleReview { OrgUnitId = bureau, Title = $"{today.Year}年制度清理", StartedOn = today.AddDays(-15), ClosedOn = today.AddDays(-10) };
        db.RuleReviews.Add(review);
        db.RuleReviewDecisions.AddRange(kept.Select(r => new Rules.RuleReviewDecision { ReviewId = review.Id, RuleId = r.Id, Decision = Rules.RuleDecision.Keep, Reason = "仍然适用，继续执行。" }));
        db.RuleReviewDecisions.Add(new Rules.RuleReviewDecision { ReviewId = review.Id, RuleId = cars.Id, Decision = Rules.RuleDecision.Abolish, Reason = "公务用车制度改革后已执行市级统一规定，本规定不再适用。" });
        db.RuleReviewDecisions.Add(new Rules.RuleReviewDecision { ReviewId = review.Id, RuleId = reception.Id, Decision = Rules.RuleDecision.Revise, Reason = "接待标准、清单制度需按中央八项规定精神修订完善。" });
        (cars.Status, cars.AbolishedOn, cars.AbolishReason) = (Rules.RuleStatus.Abolished, review.ClosedOn, $"{review.Title}：公务用车制度改革后已执行市级统一规定，本规定不再适用。");
        (reception.Status, reception.AbolishedOn, reception.AbolishReason) = (Rules.RuleStatus.Abolished, today.AddDays(-5), "被《市科技局公务接待管理办法（2026年修订）》替代");
        var revised = Rule($"科办〔{today.Year}〕21号", "市科技局公务接待管理办法（2026年修订）", "公务接待", "市科技局办公室", today.AddDays(-5),
            "第一条 公务接待坚持有利公务、务实节俭、严格标准、简化礼仪。\n第二条 实行接待审批单和接待清单制度，接待清单如实反映接待对象、公务活动、费用等内容。\n第三条 接待清单每季度在机关内部公开。");
        (revised.ReplacesId, revised.ReviewId, revised.RectificationItemId) = (reception.Id, review.Id, items.GetValueOrDefault("严格执行公务接待标准"));
        var meetings = Rule($"科党组〔{today.Year}〕6号", "市科技局会议计划管理办法", "会议文件", "中共市科技局党组", today.AddDays(-6),
            "第一条 全局会议实行年度计划管理，计划外会议须经分管领导审批。\n第二条 能合并召开的会议合并召开，能以文件部署的不再开会。");
        meetings.RectificationItemId = items.GetValueOrDefault("制定会议计划管理办法");
        var contact = Rule($"科党组〔{today.Year}〕7号", "科技局领导干部联系服务企业制度", "服务群众", "中共市科技局党组", today.AddDays(-4),
            "第一条 每位班子成员联系5家以上企业，每季度上门服务不少于1次。\n第二条 企业反映的问题实行交办、督办、销号管理。");
        contact.RectificationItemId = items.GetValueOrDefault("建立领导干部联系服务企业长效机制");
        db.Rules.AddRange(revised, meetings, contact);
        await db.SaveChangesAsync(ct);
    }
}
