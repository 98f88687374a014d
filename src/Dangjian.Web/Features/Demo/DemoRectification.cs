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

/// <summary>The demo campaign's 查摆问题 and 整改落实 (problems from the opinions, rectification items with progress, phase 3's plans), part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoRectification(AppDbContext db, CampaignService campaigns, TimeProvider clock)
{
    /// <summary>Three problems consolidated from the opinions (梳理汇总), each linked to the opinions behind it; the rest wait.</summary>
    public async Task AddProblemsAsync(Campaign campaign, CancellationToken ct)
    {
        var opinions = await db.Opinions.Where(o => o.CampaignId == campaign.Id && o.LetterRecipientId == null).ToListAsync(ct);
        (string Title, Opinions.Topic Topic, string Concerns, string[] Texts)[] problems =
        [
            ("会议文件多，检查评比多，基层负担重", Opinions.Topic.Formalism, "局领导班子", ["精简会议和文件", "检查评比太多", "网站专栏及时更新"]),
            ("项目审批环节多、周期长，服务企业不够主动", Opinions.Topic.Bureaucratism, "局领导班子", ["简化科技项目审批流程", "深入企业一线", "办事拖拉"]),
            ("公务接待标准执行不够严格", Opinions.Topic.Extravagance, "办公室", ["公务接待"]),
        ];
        foreach (var (title, topic, concerns, texts) in problems)
        {
            var problem = new Problems.Problem { CampaignId = campaign.Id, Title = title, Category = topic, Concerns = concerns, Source = Problems.ProblemSource.Opinions };
            db.Problems.Add(problem);
            db.ProblemOpinions.AddRange(opinions.Where(o => texts.Any(t => o.Text.Contains(t, StringComparison.Ordinal)))
                .Select(o => new Problems.ProblemOpinion { ProblemId = problem.Id, OpinionId = o.Id }));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The rectification plan from the consolidated problems: a 文山会海 item broken into two tasks (one closed), an item
    /// finished and waiting for verification, one closed on time, a 长期坚持 item with a rule to make, and one overdue;
    /// three published on the public page.
    /// </summary>
    public async Task AddRectificationAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var start = today.AddDays(-20) < campaign.StartsOn ? campaign.StartsOn : today.AddDays(-20);
        var problems = await db.Problems.Where(p => p.CampaignId == campaign.Id).ToDictionaryAsync(p => p.Category!.Value, p => p.Id, ct);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        Rectification.RectificationItem Item(string title, string leader, string unit, int dueInDays, Problems.ProblemHorizon horizon = Problems.ProblemHorizon.Deadline, Guid? parent = null) =>
            new()
            {
                CampaignId = campaign.Id, ParentId = parent, Title = title, LeaderPersonId = people[leader].Id, DepartmentId = units[unit], StartsOn = start,
                DueOn = today.AddDays(dueInDays) < start ? start : today.AddDays(dueInDays), Horizon = horizon,
            };
        void Report(Rectification.RectificationItem item, int daysAgo, int percent, string narrative, string reporter) =>
            db.ProgressReports.Add(new Rectification.ProgressReport { ItemId = item.Id, ReportedOn = today.AddDays(-daysAgo), Percent = percent, Narrative = narrative, ReporterId = people[reporter].Id });

        var meetings = Item("精简会议文件，清理规范检查评比", "李红梅", "办公室", 30);
        (meetings.ProblemId, meetings.Goal, meetings.Measures, meetings.Commitment, meetings.Special, meetings.IsPublic, meetings.SortOrder) =
            (problems[Opinions.Topic.Formalism], "全局会议数量、发文数量比上年减少三分之一，检查评比事项只减不增。", "一是制定会议计划管理办法，实行会议年度计划和审批；二是清理规范检查评比事项，能合并的合并，能取消的取消。",
             "局党组承诺：年底前全局会议、文件数量比上年减少三分之一。", "文山会海专项整治", true, 1);
        var plan = Item("制定会议计划管理办法", "李红梅", "办公室", 10, parent: meetings.Id);
        (plan.Weight, plan.RuleReference, plan.SortOrder) = (2, "市科技局会议计划管理办法", 1);
        var inspections = Item("清理规范检查评比事项", "李红梅", "政策法规科", 25, parent: meetings.Id);
        inspections.SortOrder = 2;
        var approval = Item("简化科技项目审批流程", "张志强", "计划财务科", 5);
        (approval.ProblemId, approval.Goal, approval.Measures, approval.Commitment, approval.IsPublic, approval.SortOrder) =
            (problems[Opinions.Topic.Bureaucratism], "项目审批环节由7个减少到4个，审批时限缩短一半。", "梳理审批流程，合并重复环节，推行网上申报和限时办结。", "承诺项目审批时限由60个工作日缩短到30个工作日。", true, 2);
        var reception = Item("严格执行公务接待标准", "陈立新", "办公室", -2, Problems.ProblemHorizon.Immediate);
        (reception.ProblemId, reception.Goal, reception.Measures, reception.SortOrder) = (problems[Opinions.Topic.Extravagance], "公务接待一律按标准执行，接待清单公开。", "修订公务接待管理规定，实行接待审批单和清单制度。", 3);
        var contact = Item("建立领导干部联系服务企业长效机制", "王建国", "高新技术科", 400, Problems.ProblemHorizon.LongTerm);
        (contact.Goal, contact.Measures, contact.RuleReference, contact.Commitment, contact.IsPublic, contact.SortOrder) =
            ("每位班子成员联系5家以上企业，每季度上门服务不少于1次。", "建立联系台账，实行季度走访和问题交办销号。", "科技局领导干部联系服务企业制度", "局领导班子承诺：企业反映的问题件件有回音、事事有着落。", true, 4);
        var window = Item("改进窗口服务作风", "张志强", "高新技术科", -3);
        (window.Goal, window.Measures, window.SortOrder) = ("企业办事“最多跑一次”。", "推行一次性告知和首问负责，公开办事指南。", 5);
        // The 科技情报研究所 keeps its own plan (its office account is `unit`): numbered from 1 again, led by its head.
        var institute = units["科技情报研究所"];
        var lookup = Item("提高科技查新和信息服务时效", "严华", "科技情报研究所", 20);
        (lookup.PlanUnitId, lookup.Goal, lookup.Measures, lookup.Commitment, lookup.SortOrder) =
            (institute, "科技查新报告出具时间由15个工作日缩短到7个工作日。", "一是推行查新委托网上受理；二是实行查新员首问负责和限时办结。", "承诺科技查新报告7个工作日内出具。", 1);
        var fees = Item("规范科技信息服务收费", "严华", "科技情报研究所", 40);
        (fees.PlanUnitId, fees.Goal, fees.Measures, fees.SortOrder) = (institute, "收费项目和标准全部公开，不在目录外收费。", "清理收费项目，在服务大厅和网站公示收费目录。", 2);
        db.RectificationItems.AddRange(meetings, plan, inspections, approval, reception, contact, window, lookup, fees);
        await db.SaveChangesAsync(ct);

        Report(plan, 12, 50, "起草会议计划管理办法征求意见稿。", "赵敏");
        Report(plan, 6, 100, "会议计划管理办法经局党组会议审议通过并印发。", "赵敏");
        Report(inspections, 8, 30, "梳理全局检查评比事项23项。", "吴国平");
        Report(inspections, 2, 60, "拟取消7项、合并5项，报局党组审定。", "吴国平");
        Report(approval, 9, 40, "完成审批流程梳理。", "卫红");
        Report(approval, 1, 100, "新流程上线运行，审批环节减少到4个。", "卫红");
        Report(reception, 6, 100, "修订公务接待管理规定，实行接待清单制度。", "赵敏");
        Report(contact, 4, 40, "建立班子成员联系企业台账，首轮走访完成。", "韩明");
        Report(window, 10, 30, "制定一次性告知清单。", "韩明");
        Report(lookup, 3, 50, "查新委托网上受理系统试运行。", "金鹏");
        await db.SaveChangesAsync(ct);

        var progress = new Rectification.RectificationProgress(db, clock);
        foreach (var item in new[] { plan, inspections, approval, reception, contact, window, lookup })
        {
            await progress.RecomputeAsync(item.Id, ct);
        }

        foreach (var (item, daysAgo) in new[] { (plan, 5), (reception, 5) })
        {
            (item.Status, item.ClosedAt, item.ClosedOn, item.ClosedById) = (Rectification.ItemStatus.Closed, clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo), today.AddDays(-daysAgo), people["周海涛"].Id);
            db.ItemEvents.Add(new Rectification.ItemEvent { ItemId = item.Id, Closed = true, Note = "审看佐证材料，整改到位，同意销号。", ById = people["周海涛"].Id, ByName = "周海涛" });
        }

        await db.SaveChangesAsync(ct);
        await progress.RecomputeAsync(meetings.Id, ct);
    }

    /// <summary>
    /// Phase 2 closes and phase 3 opens, as seed 003 runs them: the second phase's summary is approved (谈心谈话 still
    /// short of full coverage, carried on), the bureau's 整改方案 is written from its items and approved by the
    /// supervision group (the milestone 制定整改方案 is done), and the 科技情报研究所's own plan waits as a draft.
    /// </summary>
    public async Task AddPhaseThreeAsync(Campaign campaign, List<Phase> phases, List<Milestone> milestones, Dictionary<string, Person> people, ApprovalRules.Actor office, ApprovalRules.Actor supervisor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in milestones.Where(m => m.PhaseId == phases[1].Id && m.Title != "开展谈心谈话"))
        {
            (m.Status, m.DoneCount, m.CompletedAt) = (MilestoneStatus.Done, m.RequiredCount ?? 0, now.AddDays(-3));
        }

        var summary = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phases[1].Id, Kind = DocumentKind.PhaseSummary, Title = $"“{phases[1].Name}”环节小结" };
        db.ApprovalDocuments.Add(summary);
        await db.SaveChangesAsync(ct);
        await campaigns.SaveDraftAsync(summary, DemoTexts.PhaseTwoSummary, office, "赵敏", ct);
        await campaigns.SubmitAsync(summary, office, ct);
        await campaigns.DecideAsync(summary, summary.Version, true, "同意转入第三环节。谈心谈话要在整改落实环节补齐，做到全覆盖。", supervisor, "周海涛", ct);

        var institute = await db.OrgUnits.Where(u => u.Code == "KJJ-QBS").Select(u => u.Id).SingleAsync(ct);
        var unitWriter = new ApprovalRules.Actor(await db.Users.Where(u => u.PersonId == people["华素芬"].Id).Select(u => u.Id).SingleAsync(ct), true, false);
        async Task<ApprovalDocument> PlanDocumentAsync(Guid? unit, string title, ApprovalRules.Actor writer, string writerName)
        {
            var document = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phases[2].Id, Kind = DocumentKind.RectificationPlan, UnitId = unit, Title = title };
            db.ApprovalDocuments.Add(document);
            await db.SaveChangesAsync(ct);
            var lines = await Rectification.RectificationPlanText.Lines(db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.PlanUnitId == unit)).ToListAsync(ct);
            await campaigns.SaveDraftAsync(document, Rectification.RectificationPlanText.Compose(title, lines), writer, writerName, ct);
            return document;
        }

        var plan = await PlanDocumentAsync(null, $"{campaign.Title}整改方案", office, "赵敏");
        await campaigns.SubmitAsync(plan, office, ct);
        await campaigns.DecideAsync(plan, plan.Version, true, "同意。整改事项要逐项明确责任、按期销号，每周报告进展。", supervisor, "周海涛", ct);
        var milestone = milestones.Single(m => m.PhaseId == phases[2].Id && m.Title == "制定整改方案");
        (milestone.Status, milestone.CompletedAt, milestone.Evidence) = (MilestoneStatus.Done, now.AddDays(-1), "整改方案经督导组审阅通过。");
        await db.SaveChangesAsync(ct);
        await PlanDocumentAsync(institute, $"科技情报研究所整改方案（{campaign.Title}）", unitWriter, "华素芬");
    }
}
