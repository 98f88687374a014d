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
public sealed class DemoSeeder(AppDbContext db, AccountProvisioning accounts, PersonEditor editor, SensitiveData sensitive, CampaignService campaigns, MilestoneFollower follower, Ledgers.AssessmentService assessments, Appraisals.BallotKey ballotKey, Opinions.LetterKey letterKey, TimeProvider clock, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
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

    internal static readonly string[] TeamNames = ["王建国", "李红梅", "张志强", "陈立新", "刘文华"];

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
            var ledgers = new DemoLedgers(db, assessments, clock);
            await ledgers.AddLedgersAsync(people, ct);
            await new DemoBranchLife(db, clock).AddAsync(people, ct);
            await new DemoRules(db, clock).AddRulesAsync(ct);
            await ledgers.AddAssessmentAsync(people, ct);
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
        var study = new DemoStudy(db, clock);
        var readings = study.AddReadings(campaign);
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
        await study.AddStudyAsync(campaign, phases, people, ct);
        await study.AddStudyWorkAsync(campaign, phases, people, readings, ct);
        await new DemoAppraisals(db, ballotKey, clock).AddAppraisalsAsync(campaign, phases, people, ct);
        await new DemoOpinions(db, letterKey, clock).AddOpinionsAsync(campaign, phases, people, ct);
        await new DemoTalks(db, clock).AddTalksAsync(campaign, phases, people, ct);
        await new DemoResearch(db, clock).AddAsync(campaign, people, ct);
        var rectification = new DemoRectification(db, campaigns, clock);
        await rectification.AddProblemsAsync(campaign, ct);
        await rectification.AddRectificationAsync(campaign, people, ct);
        var meetings = new DemoMeetings(db, campaigns, clock);
        await meetings.AddSelfInspectionsAsync(campaign, people, ct);
        await meetings.AddLifeMeetingsAsync(campaign, people, ct);
        await rectification.AddPhaseThreeAsync(campaign, phases, milestones, people, office, supervisor, ct);
        await new DemoBriefings(db, campaigns, clock).AddBriefingsAsync(campaign, office, supervisor, ct);

        // Milestones that follow records written directly above (the 民主生活会) complete as they would have in use.
        await follower.SyncAsync(campaign.Id, ct);
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

        // 所在党组织: the bureau's party members sit in the 机关党支部's two 党小组 by department (its leaders too: 双重组织生活),
        // the retired members in the branch itself; the supervision group's people belong elsewhere.
        var cells = db.OrgUnits.Local.Where(u => u.Kind == OrgUnitKind.PartyCell).OrderBy(u => u.SortOrder).ToList();
        Guid[] firstCell = [bureau.Id, office.Id, policy.Id, finance.Id, hightech.Id];
        Guid[] secondCell = [rural.Id, social.Id, personnel.Id, institute.Id, center.Id];
        foreach (var member in people.Values.Where(p => p.PartyStatus is PartyStatus.Full or PartyStatus.Probationary))
        {
            member.BranchId = member.OrgUnitId == branch.Id ? branch.Id
                : firstCell.Contains(member.OrgUnitId) ? cells[0].Id
                : secondCell.Contains(member.OrgUnitId) ? cells[1].Id
                : null;
        }

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