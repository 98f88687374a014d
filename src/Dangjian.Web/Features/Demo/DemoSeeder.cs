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

/// <summary>
/// A city Science and Technology Bureau as in the seeds (市科技局, its 党组 and 机关党支部, departments and
/// subsidiaries, about forty people) plus the city supervision group, and one account per role. Runs only
/// against a database with no accounts and no units, so it can never mix into real data.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, AccountProvisioning accounts, PersonEditor editor, SensitiveData sensitive, CampaignService campaigns, Ledgers.AssessmentService assessments, Appraisals.BallotKey ballotKey, Opinions.LetterKey letterKey, TimeProvider clock, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
{
    /// <summary>The demo accounts: user name, display name, role, and the roster name they link to (if any).</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Role, string? Person)> Accounts { get; } =
    [
        ("office", "赵敏", Roles.CampaignOffice, "赵敏"),
        ("leader", "王建国", Roles.Leader, "王建国"),
        ("member", "孙磊", Roles.Member, "孙磊"),
        ("unit", "华素芬", Roles.UnitOffice, "华素芬"),
        ("supervisor", "周海涛", Roles.Supervisor, "周海涛"),
        ("observer", "行风监督员 郑秀兰", Roles.Observer, "郑秀兰"),
        ("sysadmin", "系统管理员", Roles.SystemAdmin, null),
        ("secadmin", "安全管理员", Roles.SecurityAdmin, null),
        ("auditor", "审计管理员", Roles.AuditAdmin, null),
    ];

    private static readonly string[] TeamNames = ["王建国", "李红梅", "张志强", "陈立新", "刘文华"];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct) || await db.OrgUnits.AnyAsync(ct))
        {
            return false;
        }

        await sensitive.EnsureKeyAsync(ct);
        await ballotKey.GetAsync(ct);
        await letterKey.GetAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var people = AddOrganization();
            await AddPersonalDataAsync(people.Values, ct);
            await db.SaveChangesAsync(ct);
            foreach (var (userName, displayName, role, person) in Accounts)
            {
                var result = await accounts.CreateAsync(
                    userName, displayName, options.Value.Password, [role], mustChangePassword: false,
                    personId: person is null ? null : (people.GetValueOrDefault(person) ?? db.People.Local.Single(p => p.Name == person)).Id);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
                }
            }

            await AddCampaignAsync(people, ct);
            await AddLedgersAsync(people, ct);
            await AddRulesAsync(ct);
            await AddAssessmentAsync(people, ct);
            await tx.CommitAsync(ct);
        });
        logger.LogInformation("Seeded the demo bureau");
        return true;
    }

    /// <summary>
    /// The seed-003 campaign (群众路线教育实践活动) in its second phase, dated so that it is running today: the
    /// implementation plan was returned once and then approved, the first phase's summary was approved (which
    /// opened phase 2), a speech draft waits for revision, and some milestones are overdue. Every step goes
    /// through the same services the pages use.
    /// </summary>
    private async Task AddCampaignAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var bureau = db.OrgUnits.Local.Single(u => u.Code == "KJJ");
        var today = Platform.Web.ChinaTime.Today(clock);
        var template = CampaignTemplates.Find("mass-line")!;
        var campaign = await campaigns.CreateFromTemplateAsync(template, "市科技局党的群众路线教育实践活动", "为民务实清廉", bureau.Id, today.AddDays(-60), people["赵敏"].Id, asPlanned: true, ct: ct);
        db.CampaignMembers.AddRange(
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["王建国"].Id, Group = CampaignGroup.LeadingGroup, Title = "组长" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["李红梅"].Id, Group = CampaignGroup.LeadingGroup, Title = "副组长" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["张志强"].Id, Group = CampaignGroup.LeadingGroup, Title = "成员" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["钱宇"].Id, Group = CampaignGroup.Office, Title = "工作人员" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["周海涛"].Id, Group = CampaignGroup.Supervision, Title = "组长" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = people["喻晓军"].Id, Group = CampaignGroup.Supervision, Title = "副组长" },
            new CampaignMember { CampaignId = campaign.Id, PersonId = db.People.Local.Single(p => p.Name == "郑秀兰").Id, Group = CampaignGroup.Observer, Title = "群众观察员（全程参与）" });
        await db.SaveChangesAsync(ct);
        await campaigns.StartAsync(campaign, ct);

        var officeUser = await db.Users.Where(u => u.PersonId == people["赵敏"].Id).Select(u => u.Id).SingleAsync(ct);
        var supervisorUser = await db.Users.Where(u => u.PersonId == people["周海涛"].Id).Select(u => u.Id).SingleAsync(ct);
        var office = new ApprovalRules.Actor(officeUser, true, false);
        var supervisor = new ApprovalRules.Actor(supervisorUser, false, true);

        var plan = await db.ApprovalDocuments.SingleAsync(d => d.CampaignId == campaign.Id && d.Kind == DocumentKind.ImplementationPlan, ct);
        await campaigns.SaveDraftAsync(plan, DemoTexts.PlanDraft, office, "赵敏", ct);
        await campaigns.SubmitAsync(plan, office, ct);
        await campaigns.DecideAsync(plan, plan.Version, false, "请补充“四个必谈”的具体安排和征求意见的渠道，明确各环节时间节点。", supervisor, "周海涛", ct);
        await campaigns.SaveDraftAsync(plan, DemoTexts.PlanFinal, office, "赵敏", ct);
        await campaigns.SubmitAsync(plan, office, ct);
        await campaigns.DecideAsync(plan, plan.Version, true, "同意。", supervisor, "周海涛", ct);

        var phases = await db.Phases.Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var milestones = await db.Milestones.Where(m => m.CampaignId == campaign.Id).ToListAsync(ct);
        foreach (var m in milestones.Where(m => m.PhaseId == phases[0].Id && m.Title != "开展个别谈话"))
        {
            m.Status = MilestoneStatus.Done;
            m.DoneCount = m.RequiredCount ?? 0;
            m.CompletedAt = clock.GetUtcNow().UtcDateTime.AddDays(-(60 - (m.Deadline.DayNumber - phases[0].StartsOn.DayNumber)));
        }

        milestones.Single(m => m.Title == "开展谈心谈话").OwnerPersonId = people["王建国"].Id;
        milestones.Single(m => m.Title == "撰写对照检查材料").OwnerPersonId = people["王建国"].Id;
        await db.SaveChangesAsync(ct);

        var summary = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = DocumentKind.PhaseSummary, Title = $"“{phases[0].Name}”环节小结" };
        db.ApprovalDocuments.Add(summary);
        await db.SaveChangesAsync(ct);
        await campaigns.SaveDraftAsync(summary, DemoTexts.PhaseOneSummary, office, "赵敏", ct);
        await campaigns.SubmitAsync(summary, office, ct);
        await campaigns.DecideAsync(summary, summary.Version, true, "第一环节工作扎实，同意转入第二环节。", supervisor, "周海涛", ct);

        var speech = new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.Speech, Title = "专题民主生活会主持讲话稿" };
        db.ApprovalDocuments.Add(speech);
        await db.SaveChangesAsync(ct);
        await campaigns.SaveDraftAsync(speech, "同志们：今天召开专题民主生活会……", office, "钱宇", ct);
        await campaigns.SubmitAsync(speech, office, ct);
        await campaigns.DecideAsync(speech, speech.Version, false, "讲话稿要点明会议主题，对照四风逐项提出要求，篇幅压缩到两页。", supervisor, "周海涛", ct);
        var readings = AddReadings(campaign);
        var studyPlan = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = DocumentKind.StudyPlan, Title = "局党组中心组学习计划" };
        var planRecord = new StudyPlan
        {
            CampaignId = campaign.Id, DocumentId = studyPlan.Id, Title = studyPlan.Title, StartsOn = phases[0].StartsOn, EndsOn = phases[0].EndsOn,
            Audience = "局党组中心组成员；局机关各处室、直属单位全体党员干部；退休党员采取送学上门方式。",
            Topics = "树立宗旨意识、群众观点\n党的十八大报告和十八届三中全会文件\n省市委关于教育实践活动的部署要求\n学习先进典型、参观革命教育基地",
            ReadingIds = string.Join(',', readings.Select(r => r.Id)),
            Outcome = "局党组召开2次中心组学习会，局机关党支部举办1次党员学习交流会；人手一套规定读本；每名党员撰写心得体会1篇以上，办公室检查学习笔记2次。",
            Responsible = "李红梅（副组长）",
        };
        db.ApprovalDocuments.Add(studyPlan);
        db.StudyPlans.Add(planRecord);
        await db.SaveChangesAsync(ct);
        await campaigns.SaveDraftAsync(studyPlan, Study.Plans.StudyPlanText.Compose(planRecord, readings), office, "赵敏", ct);
        await campaigns.SubmitAsync(studyPlan, office, ct);
        await AddStudyAsync(campaign, phases, people, ct);
        await AddStudyWorkAsync(campaign, phases, people, readings, ct);
        await AddAppraisalsAsync(campaign, phases, people, ct);
        await AddOpinionsAsync(campaign, phases, people, ct);
        await AddTalksAsync(campaign, phases, people, ct);
        await AddProblemsAsync(campaign, ct);
        await AddRectificationAsync(campaign, people, ct);
        await AddSelfInspectionsAsync(campaign, people, ct);
        await AddLifeMeetingsAsync(campaign, people, ct);
        await AddPhaseThreeAsync(campaign, phases, milestones, people, office, supervisor, ct);
        await AddBriefingsAsync(campaign, office, supervisor, ct);
    }

    /// <summary>Five issues of the campaign's 简报: four approved, sent upward and published in the column; the fifth waiting for the supervision group.</summary>
    private async Task AddBriefingsAsync(Campaign campaign, ApprovalRules.Actor office, ApprovalRules.Actor supervisor, CancellationToken ct)
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

    /// <summary>
    /// Phase 2 closes and phase 3 opens, as seed 003 runs them: the second phase's summary is approved (谈心谈话 still
    /// short of full coverage, carried on), the bureau's 整改方案 is written from its items and approved by the
    /// supervision group (the milestone 制定整改方案 is done), and the 科技情报研究所's own plan waits as a draft.
    /// </summary>
    private async Task AddPhaseThreeAsync(Campaign campaign, List<Phase> phases, List<Milestone> milestones, Dictionary<string, Person> people, ApprovalRules.Actor office, ApprovalRules.Actor supervisor, CancellationToken ct)
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

    /// <summary>
    /// The bureau's quarterly assessment of its departments (seed 001: 月调度、季考核、流动红旗): 重点工作 computed from the
    /// ledgers and rectification, 学习教育 from attendance, 机关作风 scored by two assessors; the last two quarters
    /// published, so the red flag has a holder and a history.
    /// </summary>
    private async Task AddAssessmentAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var bureau = await db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync(ct);
        var scheme = new Ledgers.AssessmentScheme { Name = "机关科室季度考核", OwnerUnitId = bureau, PeriodMonths = 3 };
        db.AssessmentSchemes.Add(scheme);
        Ledgers.Indicator Add(string name, decimal points, Ledgers.IndicatorKind kind, int order, Ledgers.Indicator? parent = null, string? assessor = null)
        {
            var indicator = new Ledgers.Indicator { SchemeId = scheme.Id, ParentId = parent?.Id, Name = name, Points = points, Kind = kind, SortOrder = order, AssessorPersonId = assessor is null ? null : people[assessor].Id };
            db.Indicators.Add(indicator);
            return indicator;
        }

        var work = Add("重点工作", 40, Ledgers.IndicatorKind.Scored, 1);
        Add("督办事项按期办结", 25, Ledgers.IndicatorKind.LedgerOnTime, 1, work);
        Add("整改事项销号", 15, Ledgers.IndicatorKind.RectificationClosure, 2, work);
        Add("学习教育", 20, Ledgers.IndicatorKind.Attendance, 2);
        var conduct = Add("机关作风", 40, Ledgers.IndicatorKind.Scored, 3);
        var hygiene = Add("卫生检查", 20, Ledgers.IndicatorKind.Scored, 1, conduct, "钱宇");
        var discipline = Add("考勤纪律", 20, Ledgers.IndicatorKind.Scored, 2, conduct, "张春燕");
        await db.SaveChangesAsync(ct);

        var units = await assessments.UnitsAsync(scheme, ct);
        var (q3Start, q3End, q3Label) = Ledgers.AssessmentModel.DefaultPeriod(3, today);
        var quarters = new (DateOnly Start, DateOnly End, string Label, decimal[] Hygiene, decimal[] Discipline)[]
        {
            (q3Start.AddMonths(-3), q3Start.AddDays(-1), Ledgers.AssessmentModel.DefaultPeriod(3, q3Start).Label, [18, 19.5m, 17, 18, 16.5m, 17, 18], [18.5m, 19.5m, 18, 18, 17, 17.5m, 18]),
            (q3Start, q3End, q3Label, [18, 17, 18.5m, 19.5m, 16, 17.5m, 18], [19, 18, 18, 19.5m, 17, 18, 18.5m]),
        };
        foreach (var (start, end, label, hygieneScores, disciplineScores) in quarters)
        {
            var period = new Ledgers.AssessmentPeriod { SchemeId = scheme.Id, Label = label, StartsOn = start, EndsOn = end };
            db.AssessmentPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            await assessments.ComputeAsync(period, ct);
            for (var k = 0; k < units.Count; k++)
            {
                db.IndicatorScores.Add(new Ledgers.IndicatorScore { PeriodId = period.Id, IndicatorId = hygiene.Id, UnitId = units[k].Id, Score = hygieneScores[k % hygieneScores.Length], ScoredBy = "钱宇", Explanation = "季度卫生检查平均得分" });
                db.IndicatorScores.Add(new Ledgers.IndicatorScore { PeriodId = period.Id, IndicatorId = discipline.Id, UnitId = units[k].Id, Score = disciplineScores[k % disciplineScores.Length], ScoredBy = "张春燕" });
            }

            await db.SaveChangesAsync(ct);
            var result = await assessments.ResultAsync(period, ct);
            (period.PublishedAt, period.FlagHolders, period.TopScore) = (Platform.Web.ChinaTime.StartOfDayUtc(end.AddDays(10)), string.Join("、", result.FlagHolders.Select(u => u.Name)), result.Ranking[0].Total);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The bureau's rules registry after one review round (seed 003: 适用的坚持，不适用的废止，需要完善的尽快完善): five kept,
    /// the car rule abolished, the reception rule revised and replaced by its 2026 revision from the rectification item,
    /// and two new rules from 建章立制 (会议计划管理办法, 领导干部联系服务企业制度).
    /// </summary>
    private async Task AddRulesAsync(CancellationToken ct)
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

    /// <summary>Phase 1's study (a 中心组学习会 and a 专题党课 with their attendance), and a session coming up in phase 2.</summary>
    private async Task AddStudyAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        var bureau = db.OrgUnits.Local.Single(u => u.Code == "KJJ");
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var leaders = TeamNames.Select(n => people[n]).ToList();
        var everyone = people.Values.Where(p => p.OrgUnitId != db.OrgUnits.Local.Single(u => u.Code == "SW-DDZ3").Id).ToList();
        var central = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = SessionKind.CentralGroup, Title = "局党组中心组学习会：学习群众路线重要论述",
            StartsAt = At(phases[0].StartsOn.AddDays(5), 9), EndsAt = At(phases[0].StartsOn.AddDays(5), 11), Place = "局三楼会议室", Speaker = "王建国",
            SignInSecret = StudyService.NewSecret(),
        };
        var lecture = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = SessionKind.PartyLecture, Title = "主要负责同志讲专题党课",
            StartsAt = At(phases[0].StartsOn.AddDays(20), 14), EndsAt = At(phases[0].StartsOn.AddDays(20), 16), Place = "局一楼报告厅", Speaker = "王建国",
            SignInSecret = StudyService.NewSecret(),
        };
        var upcoming = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[1].Id, Kind = SessionKind.Discussion, Title = "学习交流讨论会：对照四风查摆问题",
            StartsAt = At(Platform.Web.ChinaTime.Today(clock).AddDays(2), 9), EndsAt = At(Platform.Web.ChinaTime.Today(clock).AddDays(2), 11), Place = "局三楼会议室", Speaker = "李红梅",
            SignInSecret = StudyService.NewSecret(),
        };
        db.StudySessions.AddRange(central, lecture, upcoming);
        foreach (var p in leaders)
        {
            db.SessionAttendees.Add(new SessionAttendee { SessionId = central.Id, PersonId = p.Id, Status = AttendanceStatus.Present, SignedInAt = central.StartsAt.AddMinutes(-5), SignInMethod = "扫码" });
        }

        foreach (var p in everyone)
        {
            var attendee = new SessionAttendee { SessionId = lecture.Id, PersonId = p.Id };
            if (p.IsRetired)
            {
                attendee.DeliveredAt = lecture.EndsAt.AddDays(1);
            }
            else if (p.Name is "何俊")
            {
                (attendee.Status, attendee.LeaveReason) = (AttendanceStatus.Leave, "出差");
                (attendee.MakeUpAssignedAt, attendee.MakeUpDoneAt, attendee.MakeUpNote) = (lecture.EndsAt, lecture.EndsAt.AddDays(3), "观看党课录像并提交心得");
            }
            else if (p.Name is "曹琳")
            {
                attendee.MakeUpAssignedAt = lecture.EndsAt;
            }
            else
            {
                (attendee.Status, attendee.SignedInAt, attendee.SignInMethod) = (AttendanceStatus.Present, lecture.StartsAt.AddMinutes(-3), "扫码");
            }

            db.SessionAttendees.Add(attendee);
            db.SessionAttendees.Add(new SessionAttendee { SessionId = upcoming.Id, PersonId = p.Id });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The three 规定读本 the seed names.</summary>
    private List<StudyMaterial> AddReadings(Campaign campaign)
    {
        var readings = new List<StudyMaterial>
        {
            new() { CampaignId = campaign.Id, Kind = MaterialKind.RequiredReading, Title = "论群众路线——重要论述摘编", Publisher = "中央文献出版社、党建读物出版社" },
            new() { CampaignId = campaign.Id, Kind = MaterialKind.RequiredReading, Title = "党的群众路线教育实践活动学习文件选编", Publisher = "党建读物出版社" },
            new() { CampaignId = campaign.Id, Kind = MaterialKind.RequiredReading, Title = "厉行节约、反对浪费——重要论述摘编", Publisher = "中央文献出版社" },
        };
        db.StudyMaterials.AddRange(readings);
        return readings;
    }

    /// <summary>
    /// The rest of the seed's study phase: the second 中心组学习会, the 党员学习交流会, a visit to an education base, the readings
    /// handed out to everyone, the four discussion topics, notes and reflections (some checked and exhibited), a question
    /// bank and a quiz that is open now.
    /// </summary>
    private async Task AddStudyWorkAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, List<StudyMaterial> readings, CancellationToken ct)
    {
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var now = clock.GetUtcNow().UtcDateTime;
        var supervisionUnit = db.OrgUnits.Local.Single(u => u.Code == "SW-DDZ3").Id;
        var everyone = people.Values.Where(p => p.OrgUnitId != supervisionUnit).ToList();
        var leaders = TeamNames.Select(n => people[n]).ToList();
        var centralMilestone = await db.Milestones.Where(m => m.CampaignId == campaign.Id && m.PhaseId == phases[0].Id && m.Title.Contains("中心组")).FirstOrDefaultAsync(ct);
        var first = db.StudySessions.Local.First(s => s.Kind == SessionKind.CentralGroup);
        first.MilestoneId = centralMilestone?.Id;
        var second = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[0].Id, MilestoneId = centralMilestone?.Id, Kind = SessionKind.CentralGroup, Title = "局党组中心组学习会：学习《厉行节约、反对浪费》重要论述",
            StartsAt = At(phases[0].StartsOn.AddDays(15), 9), EndsAt = At(phases[0].StartsOn.AddDays(15), 11), Place = "局三楼会议室", Speaker = "王建国",
            Minutes = "王建国同志主持。李红梅、张志强同志结合分管工作交流了学习体会，会议要求把厉行节约落实到会议、接待和公务用车管理中。",
            SignInSecret = StudyService.NewSecret(),
        };
        var exchange = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = SessionKind.Discussion, Title = "局机关党支部党员学习交流会",
            StartsAt = At(phases[0].StartsOn.AddDays(25), 14), EndsAt = At(phases[0].StartsOn.AddDays(25), 16), Place = "局一楼报告厅", Speaker = "李红梅",
            SignInSecret = StudyService.NewSecret(),
        };
        var visit = new StudySession
        {
            CampaignId = campaign.Id, PhaseId = phases[0].Id, Kind = SessionKind.Visit, Title = "参观革命传统教育基地",
            StartsAt = At(phases[0].StartsOn.AddDays(28), 9), EndsAt = At(phases[0].StartsOn.AddDays(28), 12), Place = "市革命烈士纪念馆", Speaker = "钱宇",
            SignInSecret = StudyService.NewSecret(),
        };
        db.StudySessions.AddRange(second, exchange, visit);
        foreach (var p in leaders)
        {
            db.SessionAttendees.Add(new SessionAttendee { SessionId = second.Id, PersonId = p.Id, Status = AttendanceStatus.Present, SignedInAt = second.StartsAt.AddMinutes(-4), SignInMethod = "扫码" });
        }

        foreach (var p in everyone.Where(p => !p.IsRetired))
        {
            var absent = p.Name is "曹琳";
            db.SessionAttendees.Add(absent
                ? new SessionAttendee { SessionId = exchange.Id, PersonId = p.Id, MakeUpAssignedAt = exchange.EndsAt }
                : new SessionAttendee { SessionId = exchange.Id, PersonId = p.Id, Status = AttendanceStatus.Present, SignedInAt = exchange.StartsAt.AddMinutes(-2), SignInMethod = "扫码" });
            db.SessionAttendees.Add(new SessionAttendee { SessionId = visit.Id, PersonId = p.Id, Status = AttendanceStatus.Present, SignedInAt = visit.StartsAt, SignInMethod = "登记" });
        }

        foreach (var material in readings)
        {
            foreach (var p in everyone)
            {
                var read = p.Name is not ("曹琳" or "何俊") || material != readings[0];
                db.MaterialCopies.Add(new MaterialCopy { MaterialId = material.Id, PersonId = p.Id, DistributedAt = At(phases[0].StartsOn.AddDays(2), 9), ReadAt = read && !p.IsRetired ? At(phases[0].StartsOn.AddDays(12), 20) : null });
            }
        }

        string[] topics = ["坚持为民务实清廉，谱写中国梦的科技新篇章", "为了谁、依靠谁、我是谁", "强化责任主体意识，使各项科技政策得到更加有效落实", "我局作风建设如何适应我市转型升级、特色发展的新形势新任务新要求"];
        var departments = db.OrgUnits.Local.Where(u => u.Kind == OrgUnitKind.Department && u.Path.StartsWith(db.OrgUnits.Local.Single(x => x.Code == "KJJ").Path, StringComparison.Ordinal)).OrderBy(u => u.SortOrder).ToList();
        for (var i = 0; i < topics.Length; i++)
        {
            var topic = new DiscussionTopic { CampaignId = campaign.Id, SessionId = exchange.Id, Title = topics[i] };
            db.DiscussionTopics.Add(topic);
            var dept = departments[i % departments.Count];
            var speaker = everyone.FirstOrDefault(p => p.OrgUnitId == dept.Id && !p.IsRetired);
            if (speaker is not null)
            {
                db.DiscussionSpeakers.Add(new DiscussionSpeaker
                {
                    TopicId = topic.Id, PersonId = speaker.Id, OrgUnitId = dept.Id,
                    Record = i < 3 ? $"{speaker.Name}同志结合{dept.Name}工作实际，谈了对“{topics[i]}”的认识，提出改进作风的具体措施。" : null,
                    RecordedAt = i < 3 ? exchange.EndsAt : null,
                });
            }
        }

        var writers = everyone.Where(p => !p.IsRetired).Take(13).ToList();
        for (var i = 0; i < writers.Count; i++)
        {
            var checkedNote = i < 9;
            db.StudyNotes.Add(new StudyNote
            {
                CampaignId = campaign.Id, PersonId = writers[i].Id, Kind = NoteKind.Reflection, CreatedAt = exchange.EndsAt.AddHours(-1 - i),
                Title = i % 2 == 0 ? "践行群众路线，做为民务实清廉的科技工作者" : "学习《论群众路线》的体会",
                Body = "通过学习规定读本和参加专题党课，我深刻认识到群众路线是党的生命线和根本工作路线。在今后的工作中，要深入企业和科研一线，听取服务对象意见，改进服务方式，切实解决群众反映的突出问题。",
                CheckedAt = checkedNote ? exchange.EndsAt.AddDays(1) : null, CheckedByName = checkedNote ? "赵敏" : null,
                Mark = checkedNote ? (i < 3 ? NoteMark.Excellent : NoteMark.Good) : null, CheckComment = checkedNote ? "联系实际，体会较深。" : null,
                ExhibitedAt = i < 3 ? exchange.EndsAt.AddDays(2) : null,
            });
            db.StudyNotes.Add(new StudyNote
            {
                CampaignId = campaign.Id, PersonId = writers[i].Id, Kind = NoteKind.Note, Title = "中心组学习笔记", CreatedAt = second.EndsAt.AddHours(2 + i),
                Body = "一、群众路线的基本内容：一切为了群众，一切依靠群众，从群众中来，到群众中去。二、反对“四风”：形式主义、官僚主义、享乐主义和奢靡之风。",
                CheckedAt = i < 6 ? second.EndsAt.AddDays(1) : null, CheckedByName = i < 6 ? "赵敏" : null, Mark = i < 6 ? NoteMark.Pass : null,
            });
        }

        var bureauId = db.OrgUnits.Local.Single(u => u.Code == "KJJ").Id;
        var bank = QuestionBank.TemplateRows.Select(r => new Question
        {
            OwnerUnitId = bureauId, Type = QuizRules.ParseType((string)r[0]!)!.Value, Category = (string)r[1]!, Stem = (string)r[2]!,
            Options = QuestionBank.CleanOptions((string)r[3]!), Answer = "", Points = (int)r[5]!, Explanation = (string)r[6]! is { Length: > 0 } e ? e : null,
        }).ToList();
        foreach (var (q, r) in bank.Zip(QuestionBank.TemplateRows))
        {
            q.Answer = QuestionBank.NormalizedAnswer(q.Type, q.Options, (string)r[4]!);
        }

        bank.AddRange(
        [
            new Question { OwnerUnitId = bureauId, Type = QuestionType.SingleChoice, Category = "群众路线", Stem = "教育实践活动的总要求是什么？", Options = "照镜子、正衣冠、洗洗澡、治治病\n为民、务实、清廉\n学习教育、听取意见\n查摆问题、开展批评", Answer = "A", Points = 2 },
            new Question { OwnerUnitId = bureauId, Type = QuestionType.SingleChoice, Category = "群众路线", Stem = "教育实践活动的主要内容是什么？", Options = "照镜子、正衣冠\n为民务实清廉\n四查四治\n三解三促", Answer = "B", Points = 2 },
            new Question { OwnerUnitId = bureauId, Type = QuestionType.TrueFalse, Category = "群众路线", Stem = "教育实践活动以县处级以上领导机关、领导班子和领导干部为重点。", Answer = QuizRules.True, Points = 2 },
            new Question { OwnerUnitId = bureauId, Type = QuestionType.MultipleChoice, Category = "群众路线", Stem = "“四听四问”中的“四问”包括：", Options = "问效\n问怨\n问症\n问策\n问责", Answer = "ABCD", Points = 4 },
        ]);
        db.Questions.AddRange(bank);
        var quiz = new Quiz
        {
            CampaignId = campaign.Id, Title = "群众路线知识测试", OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(5), TimeLimitMinutes = 20, MaxAttempts = 2, PassScore = 60, PublishedAt = now.AddDays(-1),
        };
        db.Quizzes.Add(quiz);
        var order = 0;
        foreach (var q in bank.Where(q => q.Type != QuestionType.ShortAnswer))
        {
            db.QuizQuestions.Add(new QuizQuestion { QuizId = quiz.Id, Order = ++order, QuestionId = q.Id, Type = q.Type, Stem = q.Stem, Options = q.Options, Answer = q.Answer, Points = q.Points * 5, Explanation = q.Explanation });
        }

        await db.SaveChangesAsync(ct);
        var service = new StudyService(db, clock, Options.Create(new StudyOptions()));
        await service.RecountMilestoneAsync(second, ct);
    }

    /// <summary>
    /// Seed 000/003's 民主评议 at the mobilization meeting (80 paper forms out, 80 back, 好+较好 100%), closed; and an
    /// appraisal of the middle cadres open now, online for the bureau's staff with ten slips for the meeting.
    /// </summary>
    private async Task AddAppraisalsAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var service = new Appraisals.AppraisalService(db, new Platform.Notifications.Notifier(db, new Platform.Notifications.LoggingMessageSender(Microsoft.Extensions.Logging.Abstractions.NullLogger<Platform.Notifications.LoggingMessageSender>.Instance), clock), ballotKey, clock);
        string[] targets = ["局领导班子", .. TeamNames.Take(3)];
        var meeting = new Appraisals.Appraisal
        {
            CampaignId = campaign.Id, Title = "动员大会民主评议（领导班子和领导干部）", OpensAt = At(phases[0].StartsOn, 9), ClosesAt = At(phases[0].StartsOn, 12),
            PaperIssued = 80, TokenSecret = Appraisals.AppraisalService.NewSecret(),
            Instructions = "对局领导班子和领导干部作风方面情况进行总体评价，指出“四风”方面存在的突出问题，对搞好教育实践活动提出意见建议。",
        };
        db.Appraisals.Add(meeting);
        db.AppraisalTargets.AddRange(targets.Select((t, i) => new Appraisals.AppraisalTarget { AppraisalId = meeting.Id, Order = i + 1, Name = t }));
        await db.SaveChangesAsync(ct);
        await service.OpenAsync(meeting, [], ct);
        for (var i = 0; i < 80; i++)
        {
            var grade = i % 9 == 0 ? Appraisals.Grade.FairlyGood : Appraisals.Grade.Good;
            var grades = targets.Select((_, t) => (Order: t + 1, Grade: t == 0 || i % 4 != 0 ? grade : Appraisals.Grade.FairlyGood)).ToDictionary(x => x.Order, x => x.Grade);
            db.AppraisalBallots.Add(new Appraisals.AppraisalBallot
            {
                Id = Guid.NewGuid(), AppraisalId = meeting.Id, Filled = true, Paper = true, Grades = Appraisals.AppraisalRules.Encode(grades),
                Comment = i switch { 3 => "文山会海仍然较多，希望精简会议和文件。", 17 => "深入企业调研不够，服务科技型中小企业要更主动。", 42 => "科技项目审批环节多、周期长。", _ => null },
            });
        }

        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var cadres = new Appraisals.Appraisal
        {
            CampaignId = campaign.Id, Title = "中层干部民主测评", OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(3), ExtraSlips = 10,
            TokenSecret = Appraisals.AppraisalService.NewSecret(),
        };
        db.Appraisals.Add(cadres);
        string[] cadreNames = ["赵敏", "孙磊", "何俊"];
        db.AppraisalTargets.AddRange(cadreNames.Select((t, i) => new Appraisals.AppraisalTarget { AppraisalId = cadres.Id, Order = i + 1, Name = t }));
        await db.SaveChangesAsync(ct);
        var supervisionUnit = db.OrgUnits.Local.Single(u => u.Code == "SW-DDZ3").Id;
        await service.OpenAsync(cadres, people.Values.Where(p => p.OrgUnitId != supervisionUnit && !p.IsRetired).Select(p => (p.Id, p.Name)).ToList(), ct);
    }

    /// <summary>Opinions from several channels, classified like seed 004's "18条(其中肯定意见10条,建议性意见8条)", plus a few criticisms awaiting a reply.</summary>
    private async Task AddOpinionsAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
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

    /// <summary>
    /// The "四个必谈" list generated from the organization, with 22 of its pairs talked and three of the supervision
    /// group's individual talks: 25 人(次), as in seed 004 "开展谈心活动25人(次)"; a few pairs are left open.
    /// </summary>
    private async Task AddTalksAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
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

    /// <summary>Three problems consolidated from the opinions (梳理汇总), each linked to the opinions behind it; the rest wait.</summary>
    private async Task AddProblemsAsync(Campaign campaign, CancellationToken ct)
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
    private async Task AddRectificationAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
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
    /// Self-inspections: the team's passed after one return; 李红梅's returned as 不过关 (问题找得不准、整改措施不具体) and
    /// resubmitted, waiting for the supervision group; 王建国's (the `leader` account) a draft; colleagues' comments.
    /// </summary>
    private async Task AddSelfInspectionsAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
    {
        var supervisorUser = await db.Users.Where(u => u.PersonId == people["周海涛"].Id).Select(u => u.Id).SingleAsync(ct);
        var supervisor = new ApprovalRules.Actor(supervisorUser, false, true);
        var writer = new ApprovalRules.Actor(await db.Users.Where(u => u.PersonId == people["赵敏"].Id).Select(u => u.Id).SingleAsync(ct), true, false);

        async Task<(Problems.SelfInspection Inspection, ApprovalDocument Document)> StartAsync(Person? person, string first)
        {
            var document = new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.SelfInspection, Title = person is null ? "领导班子对照检查材料" : $"{person.Name}同志对照检查材料" };
            db.ApprovalDocuments.Add(document);
            var inspection = new Problems.SelfInspection
            {
                CampaignId = campaign.Id, PersonId = person?.Id, DocumentId = document.Id,
                Formalism = first, Bureaucratism = "深入基层调研不够，有时满足于听汇报、看材料。", Hedonism = "艰苦奋斗精神有所淡化。",
                Extravagance = "公务接待有时超出标准。", Explanations = "本人“三公”经费支出、职务消费、公务用车、办公用房符合规定，家属子女没有在本系统从业。",
                RootCauses = "理想信念有所放松，宗旨意识树得不牢，党性修养有待加强。", Measures = "加强学习，改进作风。",
            };
            db.SelfInspections.Add(inspection);
            await campaigns.SaveDraftAsync(document, Problems.SelfInspectionSections.Compose(inspection), writer, "赵敏", ct);
            return (inspection, document);
        }

        async Task ReviewAsync(Problems.SelfInspection inspection, ApprovalDocument document, Problems.ReviewCriteria failed, string comment)
        {
            var passed = failed == Problems.ReviewCriteria.None;
            var number = await db.DocumentVersions.Where(v => v.DocumentId == document.Id).MaxAsync(v => v.Number, ct);
            db.SelfInspectionReviews.Add(new Problems.SelfInspectionReview { SelfInspectionId = inspection.Id, VersionNumber = number, Failed = failed, Comment = comment, ReviewerName = "周海涛" });
            await campaigns.DecideAsync(document, document.Version, passed, passed ? comment : $"不过关（{Problems.SelfInspectionSections.Describe(failed)}）。{comment}", supervisor, "周海涛", ct);
        }

        var (team, teamDoc) = await StartAsync(null, "会议文件多，检查评比多，基层负担重。");
        await campaigns.SubmitAsync(teamDoc, writer, ct);
        await ReviewAsync(team, teamDoc, Problems.ReviewCriteria.OpinionsIgnored, "群众反映的审批环节多、周期长的问题没有写进去。");
        team.Bureaucratism = "项目审批环节多、周期长，服务企业不够主动；深入基层调研不够。";
        team.Measures = "一是精简会议文件，会议、文件数量减少三分之一；二是审批环节由7个减少到4个；三是建立领导干部联系服务企业制度。";
        await campaigns.SaveDraftAsync(teamDoc, Problems.SelfInspectionSections.Compose(team), writer, "赵敏", ct);
        await campaigns.SubmitAsync(teamDoc, writer, ct);
        await ReviewAsync(team, teamDoc, Problems.ReviewCriteria.None, "查摆问题准确，剖析深刻，措施具体，过关。");

        var (li, liDoc) = await StartAsync(people["李红梅"], "分管工作中会议较多。");
        await campaigns.SubmitAsync(liDoc, writer, ct);
        await ReviewAsync(li, liDoc, Problems.ReviewCriteria.ProblemsInaccurate | Problems.ReviewCriteria.MeasuresVague, "问题写得笼统，没有典型事例；措施没有时限。");
        li.Formalism = "分管的办公室全年组织会议46次，其中可合并的12次；以文件落实文件的情况仍然存在。";
        li.Measures = "年底前分管科室会议数量减少三分之一，每月通报会议计划执行情况。";
        await campaigns.SaveDraftAsync(liDoc, Problems.SelfInspectionSections.Compose(li), writer, "赵敏", ct);
        await campaigns.SubmitAsync(liDoc, writer, ct);

        await StartAsync(people["王建国"], "对“文山会海”问题抓得不够紧。");
        db.SelfInspectionComments.AddRange(
            new Problems.SelfInspectionComment { SelfInspectionId = team.Id, PersonId = people["陈立新"].Id, Text = "建议把公务接待方面的问题写得再具体一些。" },
            new Problems.SelfInspectionComment { SelfInspectionId = li.Id, PersonId = people["张志强"].Id, Text = "会议多的问题大家都有体会，建议结合典型事例。" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The 专题民主生活会 of the team (one absent on a business trip), with self-criticism and criticism, responses to the
    /// public, reported upward, and its 通报会; the 机关党支部's 组织生活会 with 民主评议党员 results.
    /// </summary>
    private async Task AddLifeMeetingsAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var heldOn = today.AddDays(-6) < campaign.StartsOn ? campaign.StartsOn : today.AddDays(-6);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var life = new Meetings.LifeMeeting
        {
            CampaignId = campaign.Id, Kind = Meetings.MeetingKind.DemocraticLife, Title = $"{campaign.Title}专题民主生活会", HeldOn = heldOn, Place = "局党组会议室",
            HostPersonId = people["王建国"].Id, OrgUnitId = units["市科技局"], Summary = "会前广泛征求意见、开展谈心谈话，会上班子成员逐一对照检查，开展批评和自我批评，市委督导组全程列席指导。",
            OpinionResponses = "对群众反映的会议文件多、审批环节多、公务接待不规范等问题逐条作出回应，已纳入整改方案。",
            ReportedOn = heldOn.AddDays(2), Report = "专题民主生活会情况报告已报市委督导组和市委组织部。",
        };
        db.LifeMeetings.Add(life);
        string[] team = ["王建国", "李红梅", "张志强", "陈立新", "刘文华"];
        db.MeetingAttendees.AddRange(team.Select(n => new Meetings.MeetingAttendee { MeetingId = life.Id, PersonId = people[n].Id, AbsenceReason = n == "刘文华" ? "出差" : null }));
        db.Criticisms.AddRange(
            new Meetings.Criticism { MeetingId = life.Id, FromPersonId = people["王建国"].Id, Text = "作为主要负责人，对文山会海问题抓得不够紧，深入企业调研不够。" },
            new Meetings.Criticism { MeetingId = life.Id, FromPersonId = people["王建国"].Id, ToPersonId = people["李红梅"].Id, Text = "分管的办公室会议偏多，希望带头精简。" },
            new Meetings.Criticism { MeetingId = life.Id, FromPersonId = people["李红梅"].Id, ToPersonId = people["张志强"].Id, Text = "项目审批环节多的问题群众反映强烈，要加快整改。" },
            new Meetings.Criticism { MeetingId = life.Id, FromPersonId = people["张志强"].Id, Text = "对分管科室的窗口服务作风督促不够。" });
        var briefing = new Meetings.LifeMeeting
        {
            CampaignId = campaign.Id, Kind = Meetings.MeetingKind.Briefing, Title = "专题民主生活会情况通报会", HeldOn = heldOn.AddDays(3) > today ? today : heldOn.AddDays(3), Place = "局三楼会议室",
            HostPersonId = people["王建国"].Id, OrgUnitId = units["市科技局"], FollowsId = life.Id, Summary = "向全局中层以上干部通报专题民主生活会情况和整改措施。",
        };
        db.LifeMeetings.Add(briefing);
        db.MeetingAttendees.AddRange(people.Values.Where(p => p.PostRank != PostRank.Staff && !p.IsRetired && p.OrgUnitId != units["市委第三督导组"])
            .Select(p => new Meetings.MeetingAttendee { MeetingId = briefing.Id, PersonId = p.Id }));
        var branchMeeting = new Meetings.LifeMeeting
        {
            CampaignId = campaign.Id, Kind = Meetings.MeetingKind.OrganizationLife, Title = "机关党支部专题组织生活会", HeldOn = heldOn, Place = "局一楼会议室",
            HostPersonId = people["赵敏"].Id, OrgUnitId = units["机关党支部"], Summary = "党员逐一对照检查，开展批评和自我批评，进行民主评议党员。",
        };
        db.LifeMeetings.Add(branchMeeting);
        var members = people.Values.Where(p => p.PartyStatus is PartyStatus.Full or PartyStatus.Probationary && p.OrgUnitId != units["市委第三督导组"]).ToList();
        db.MeetingAttendees.AddRange(members.Select(p => new Meetings.MeetingAttendee { MeetingId = branchMeeting.Id, PersonId = p.Id }));
        db.MemberAppraisals.AddRange(members.Select((p, i) => new Meetings.MemberAppraisal
        {
            MeetingId = branchMeeting.Id, PersonId = p.Id, Grade = i % 5 == 0 ? Meetings.MemberGrade.Excellent : i == 7 ? Meetings.MemberGrade.BasicallyQualified : Meetings.MemberGrade.Qualified,
        }));
        db.Criticisms.Add(new Meetings.Criticism { MeetingId = branchMeeting.Id, FromPersonId = people["孙磊"].Id, Text = "学习不够主动，满足于完成日常工作。" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The bureau's two standing ledgers (seed 001): 领导批示办理台账 and 重点工作任务督办台账, with monthly reports over the
    /// last quarter — most on time, some behind, one item overdue, one done, and last month still missing a report.
    /// </summary>
    private async Task AddLedgersAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var instructions = new Ledgers.Ledger { Title = $"{today.Year}年领导批示办理台账", Kind = Ledgers.LedgerKind.Instructions, OwnerUnitId = units["市科技局"], ReportDay = 10 };
        var tasks = new Ledgers.Ledger { Title = $"{today.Year}年重点工作任务督办台账", Kind = Ledgers.LedgerKind.KeyTasks, OwnerUnitId = units["市科技局"], ReportDay = 10 };
        db.Ledgers.AddRange(instructions, tasks);
        Ledgers.LedgerItem Item(Ledgers.Ledger ledger, string source, string issuer, string content, string leader, string unit, DateOnly startsOn, DateOnly dueOn) =>
            new() { LedgerId = ledger.Id, Source = source, Issuer = issuer, SourceDate = startsOn, Content = content, LeadLeaderId = people[leader].Id, DepartmentId = units[unit], StartsOn = startsOn, DueOn = dueOn };
        var items = new (Ledgers.LedgerItem Item, int[] Progress)[]
        {
            (Item(instructions, "关于加快科技型中小企业培育的批示", "市长", "制定科技型中小企业梯次培育方案并组织实施", "张志强", "高新技术科", yearStart.AddMonths(2), yearEnd), [60, 70, 80]),
            (Item(instructions, "关于农业科技示范基地建设的批示", "分管副市长", "新建农业科技示范基地5个", "张志强", "农村科技科", yearStart.AddMonths(3), yearEnd), [35, 45, 55]),
            (Item(instructions, "关于规范科技经费管理的批示", "市委主要领导", "开展科技经费使用专项检查并通报", "李红梅", "计划财务科", yearStart.AddMonths(1), today.AddDays(-5)), [50, 65, 80]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "高新技术企业净增50家", "张志强", "高新技术科", yearStart, yearEnd), [70, 78, 86]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "出台科技创新政策实施细则", "李红梅", "政策法规科", yearStart, yearStart.AddMonths(9)), [90, 100, 100]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "建成科技成果转化服务平台", "刘文华", "生产力促进中心", yearStart, yearEnd), [40, 50, 60]),
        };
        db.LedgerItems.AddRange(items.Select(i => i.Item));

        // Instructions settled last quarter, one of them late: what the quarterly assessment's on-time rate counts.
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
        foreach (var (content, unit, dueDay, doneDay) in new[] { ("完成上半年科技计划项目验收", "计划财务科", 55, 50), ("组织科技活动周", "社会发展科", 30, 40), ("申报高新区评价材料", "高新技术科", 75, 70), ("开展农业科技特派员年中考核", "农村科技科", 85, 89) })
        {
            var settled = Item(instructions, "局长办公会议定事项", "局长", content, "张志强", unit, quarter, quarter.AddDays(dueDay));
            (settled.DoneOn, settled.Progress) = (quarter.AddDays(doneDay), 100);
            db.LedgerItems.Add(settled);
        }

        var due = Ledgers.LedgerRules.MonthDue(today);
        foreach (var (item, progress) in items)
        {
            for (var k = 0; k < 3; k++)
            {
                var month = due.AddMonths(k - 2);
                // The latest month still waits for two departments' reports.
                if (k == 2 && (item.DepartmentId == units["农村科技科"] || item.DepartmentId == units["生产力促进中心"]))
                {
                    continue;
                }

                db.MonthlyReports.Add(new Ledgers.MonthlyReport
                {
                    ItemId = item.Id, Month = month, Progress = progress[k], Narrative = $"{month:M月}按计划推进，累计完成{progress[k]}%。", ReporterId = people["赵敏"].Id,
                    Comment = k < 2 ? "已阅，继续按计划推进。" : null, CommentBy = k < 2 ? "赵敏" : null,
                });
                item.Progress = progress[k];
            }
        }

        items[4].Item.DoneOn = due.AddDays(20);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Valid-looking (checksummed, fictitious) ID numbers and phones, and party dates, for every demo person.</summary>
    private async Task AddPersonalDataAsync(IEnumerable<Person> people, CancellationToken ct)
    {
        var n = 0;
        foreach (var person in people)
        {
            n++;
            var birth = person.BirthDate!.Value;
            var sequence = (n * 2) + (person.Gender == Gender.Male ? 1 : 0);
            var id = PersonalIds.WithCheckDigit($"110105{birth:yyyyMMdd}{sequence % 1000:D3}");
            editor.SetIdNumber(person, new PersonEditor.IdNumber(id, await sensitive.LookupHashAsync(id, ct)));
            editor.SetPhone(person, $"139{10000000 + (n * 7919):D8}");
            if (person.PartyStatus == PartyStatus.Full)
            {
                person.JoinedPartyOn = birth.AddYears(24).AddMonths(6);
                person.FullMemberOn = person.JoinedPartyOn.Value.AddYears(1);
            }
            else if (person.PartyStatus == PartyStatus.Probationary)
            {
                person.JoinedPartyOn = new DateOnly(2026, 7, 1);
            }
        }
    }

    private Dictionary<string, Person> AddOrganization()
    {
        var order = 0;
        OrgUnit Unit(string name, string code, OrgUnitKind kind, OrgUnit? parent)
        {
            var unit = new OrgUnit { Name = name, Code = code, Kind = kind, SortOrder = order++ };
            unit.PlaceUnder(parent);
            db.OrgUnits.Add(unit);
            return unit;
        }

        var cityCommittee = Unit("中共市委", "SW", OrgUnitKind.PartyCommittee, null);
        var supervision = Unit("市委第三督导组", "SW-DDZ3", OrgUnitKind.Department, cityCommittee);
        // 特邀行风监督员: people from outside the bureau's roster whom a campaign appoints as its 群众观察员.
        var observers = Unit("特邀行风监督员", "SW-XFJD", OrgUnitKind.Department, cityCommittee);
        var bureau = Unit("市科技局", "KJJ", OrgUnitKind.Bureau, null);
        Unit("市科技局党组", "KJJ-DZ", OrgUnitKind.PartyGroup, bureau);
        var branch = Unit("机关党支部", "KJJ-JGDZB", OrgUnitKind.Branch, bureau);
        Unit("第一党小组", "KJJ-JGDZB-1", OrgUnitKind.PartyCell, branch);
        Unit("第二党小组", "KJJ-JGDZB-2", OrgUnitKind.PartyCell, branch);
        var office = Unit("办公室", "KJJ-BGS", OrgUnitKind.Department, bureau);
        var policy = Unit("政策法规科", "KJJ-ZCFG", OrgUnitKind.Department, bureau);
        var finance = Unit("计划财务科", "KJJ-JHCW", OrgUnitKind.Department, bureau);
        var hightech = Unit("高新技术科", "KJJ-GXJS", OrgUnitKind.Department, bureau);
        var rural = Unit("农村科技科", "KJJ-NCKJ", OrgUnitKind.Department, bureau);
        var social = Unit("社会发展科", "KJJ-SHFZ", OrgUnitKind.Department, bureau);
        var personnel = Unit("人事教育科", "KJJ-RSJY", OrgUnitKind.Department, bureau);
        var institute = Unit("科技情报研究所", "KJJ-QBS", OrgUnitKind.Subsidiary, bureau);
        var center = Unit("生产力促进中心", "KJJ-SCL", OrgUnitKind.Subsidiary, bureau);

        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        void Add(string name, Gender gender, OrgUnit unit, string title, PostRank rank, PartyStatus status = PartyStatus.Full, bool retired = false, int birthYear = 1975)
        {
            var person = new Person
            {
                Name = name,
                Gender = gender,
                BirthDate = new DateOnly(birthYear, 1 + (people.Count * 5 % 12), 1 + (people.Count * 7 % 28)),
                OrgUnitId = unit.Id,
                Title = title,
                PostRank = rank,
                PartyStatus = status,
                IsRetired = retired,
            };
            people.Add(name, person);
            db.People.Add(person);
        }

        Add("王建国", Gender.Male, bureau, "党组书记、局长", PostRank.TeamMember, birthYear: 1968);
        Add("李红梅", Gender.Female, bureau, "党组成员、副局长", PostRank.TeamMember, birthYear: 1971);
        Add("张志强", Gender.Male, bureau, "党组成员、副局长", PostRank.TeamMember, birthYear: 1973);
        Add("陈立新", Gender.Male, bureau, "党组成员、纪检组长", PostRank.TeamMember, birthYear: 1970);
        Add("刘文华", Gender.Male, bureau, "副调研员", PostRank.TeamMember, birthYear: 1966);

        Add("赵敏", Gender.Female, office, "办公室主任、活动办公室主任", PostRank.MiddleChief, birthYear: 1979);
        Add("钱宇", Gender.Male, office, "办公室副主任", PostRank.MiddleDeputy, birthYear: 1983);
        Add("冯静", Gender.Female, office, "科员", PostRank.Staff, birthYear: 1990);
        Add("何俊", Gender.Male, office, "科员", PostRank.Staff, PartyStatus.Probationary, birthYear: 1995);

        Add("吴国平", Gender.Male, policy, "科长", PostRank.MiddleChief, birthYear: 1976);
        Add("郑丽", Gender.Female, policy, "副科长", PostRank.MiddleDeputy, birthYear: 1982);
        Add("褚晓东", Gender.Male, policy, "科员", PostRank.Staff, birthYear: 1991);

        Add("卫红", Gender.Female, finance, "科长", PostRank.MiddleChief, birthYear: 1974);
        Add("蒋涛", Gender.Male, finance, "副科长", PostRank.MiddleDeputy, birthYear: 1984);
        Add("沈佳", Gender.Female, finance, "科员", PostRank.Staff, PartyStatus.NonMember, birthYear: 1993);

        Add("韩明", Gender.Male, hightech, "科长", PostRank.MiddleChief, birthYear: 1977);
        Add("杨帆", Gender.Male, hightech, "副科长", PostRank.MiddleDeputy, birthYear: 1985);
        Add("孙磊", Gender.Male, hightech, "科员", PostRank.Staff, birthYear: 1989);
        Add("朱婷", Gender.Female, hightech, "科员", PostRank.Staff, PartyStatus.Activist, birthYear: 1996);

        Add("秦刚", Gender.Male, rural, "科长", PostRank.MiddleChief, birthYear: 1972);
        Add("尤佳慧", Gender.Female, rural, "副科长", PostRank.MiddleDeputy, birthYear: 1986);
        Add("许文", Gender.Male, rural, "科员", PostRank.Staff, birthYear: 1992);

        Add("何雪", Gender.Female, social, "科长", PostRank.MiddleChief, birthYear: 1978);
        Add("吕斌", Gender.Male, social, "副科长", PostRank.MiddleDeputy, birthYear: 1983);
        Add("施颖", Gender.Female, social, "科员", PostRank.Staff, birthYear: 1994);

        Add("张春燕", Gender.Female, personnel, "科长", PostRank.MiddleChief, birthYear: 1975);
        Add("孔亮", Gender.Male, personnel, "副科长", PostRank.MiddleDeputy, birthYear: 1987);
        Add("曹琳", Gender.Female, personnel, "科员", PostRank.Staff, PartyStatus.Probationary, birthYear: 1997);

        Add("严华", Gender.Male, institute, "所长", PostRank.MiddleChief, birthYear: 1970);
        Add("华素芬", Gender.Female, institute, "副所长", PostRank.MiddleDeputy, birthYear: 1980);
        Add("金鹏", Gender.Male, institute, "助理研究员", PostRank.Staff, birthYear: 1990);
        Add("魏兰", Gender.Female, institute, "研究实习员", PostRank.Staff, PartyStatus.NonMember, birthYear: 1998);

        Add("陶建军", Gender.Male, center, "主任", PostRank.MiddleChief, birthYear: 1969);
        Add("姜丽萍", Gender.Female, center, "副主任", PostRank.MiddleDeputy, birthYear: 1981);
        Add("戚志远", Gender.Male, center, "工作人员", PostRank.Staff, birthYear: 1988);

        Add("谢德明", Gender.Male, branch, "离退休党员", PostRank.Staff, retired: true, birthYear: 1950);
        Add("邹桂英", Gender.Female, branch, "离退休党员", PostRank.Staff, retired: true, birthYear: 1953);

        Add("周海涛", Gender.Male, supervision, "市委第三督导组组长", PostRank.TeamMember, birthYear: 1965);
        Add("喻晓军", Gender.Male, supervision, "市委第三督导组副组长", PostRank.MiddleChief, birthYear: 1972);
        Add("柏玉", Gender.Female, supervision, "市委第三督导组联络员", PostRank.Staff, birthYear: 1988);
        // Not in the roster the bureau's work counts (sessions, ballots, meetings): she watches the campaign from outside.
        db.People.Add(new Person { Name = "郑秀兰", Gender = Gender.Female, BirthDate = new DateOnly(1967, 3, 8), OrgUnitId = observers.Id, Title = "行风监督员", PostRank = PostRank.Staff, PartyStatus = PartyStatus.NonMember });

        var groupCells = db.OrgUnits.Local.Where(u => u.Kind == OrgUnitKind.PartyCell).OrderBy(u => u.SortOrder).ToList();
        var partyGroup = db.OrgUnits.Local.Single(u => u.Kind == OrgUnitKind.PartyGroup);
        db.PersonUnitRoles.AddRange(
            new PersonUnitRole { PersonId = people["王建国"].Id, OrgUnitId = partyGroup.Id, Title = "党组书记" },
            new PersonUnitRole { PersonId = people["陈立新"].Id, OrgUnitId = partyGroup.Id, Title = "党组成员" },
            new PersonUnitRole { PersonId = people["赵敏"].Id, OrgUnitId = branch.Id, Title = "党支部书记" },
            new PersonUnitRole { PersonId = people["吴国平"].Id, OrgUnitId = branch.Id, Title = "党支部组织委员" },
            new PersonUnitRole { PersonId = people["钱宇"].Id, OrgUnitId = groupCells[0].Id, Title = "党小组组长" },
            new PersonUnitRole { PersonId = people["韩明"].Id, OrgUnitId = groupCells[1].Id, Title = "党小组组长" });
        foreach (var (leader, units) in new[] { ("李红梅", new[] { office, policy, finance }), ("张志强", [hightech, rural, social]), ("陈立新", [personnel]), ("刘文华", [institute, center]) })
        {
            db.PersonUnitRoles.AddRange(units.Select(u => new PersonUnitRole { PersonId = people[leader].Id, OrgUnitId = u.Id, Title = Talks.TalkList.OverseerTitle }));
        }

        db.SupervisionLinks.Add(new SupervisionLink { SupervisorUnitId = supervision.Id, SupervisedUnitId = bureau.Id });
        return people;
    }
}
