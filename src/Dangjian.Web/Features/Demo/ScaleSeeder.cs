using System.Diagnostics;
using Bogus;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Person = Dangjian.Web.Platform.Organization.Person;

namespace Dangjian.Web.Features.Demo;

/// <summary>
/// Generated data at the scale of one bureau (S), a city (M) or a province (L) — a province organization with cities,
/// their bureaus and departments, people with Chinese names, and campaigns of history with study sessions and attendance,
/// opinions, problems, rectification items and 督办 ledgers — written through <see cref="BulkWriter"/> in batches so
/// that L loads in minutes. Deterministic for a given preset (fixed random seed). Benchmarks (bench/) and the query
/// budget tests run on it.
/// </summary>
public sealed class ScaleSeeder(AppDbContext db, BulkWriter bulk, Platform.Identity.AccountProvisioning accounts, BallotKey ballotKey, TimeProvider clock, ILogger<ScaleSeeder> logger)
{
    /// <summary>
    /// A data scale. Each campaign's study sessions expect its bureau's people, at most <c>AttendeesPerSession</c>.
    /// <c>BenchBureauPeople</c> places that many people in the bench account's bureau on top of its even share, and its
    /// running campaign's sessions then expect everyone: the benchmark's campaign is one of more than 5,000 people (the
    /// Word export target of issue 10) with a study record for each of them.
    /// </summary>
    public sealed record Preset(string Name, int Cities, int BureausPerCity, int DepartmentsPerBureau, int People, int Campaigns,
        int SessionsPerCampaign, int AttendeesPerSession, int OpinionsPerCampaign, int ProblemsPerCampaign, int ItemsPerCampaign, int LedgerItemsPerBureau,
        int AuditEntries, int BallotSlips, int BenchBureauPeople = 0)
    {
        public int Units => 1 + Cities + (Cities * BureausPerCity) + (Cities * BureausPerCity * DepartmentsPerBureau);

        public long Attendance => (long)Campaigns * SessionsPerCampaign * AttendeesPerSession;
    }

    /// <summary>S: one bureau (10 units, 60 people); M: a city (300 units, 10,000 people); L: a province (2,000 units, 100,000 people, 200 campaigns, 5 million attendance records, 500,000 opinions, 200,000 rectification items; the bench account's bureau has over 5,000 people).</summary>
    public static IReadOnlyDictionary<string, Preset> Presets { get; } = new Dictionary<string, Preset>(StringComparer.OrdinalIgnoreCase)
    {
        ["S"] = new("S", 1, 1, 7, 60, 2, 12, 40, 60, 8, 20, 10, 2_000, 20_000),
        ["M"] = new("M", 3, 9, 10, 10_000, 20, 40, 250, 2_500, 40, 1_000, 20, 50_000, 20_000),
        ["L"] = new("L", 13, 12, 12, 100_000, 200, 50, 500, 2_500, 60, 1_000, 20, 1_000_000, 20_000, BenchBureauPeople: 5_000),
    };

    public const int Batch = 20_000;

    private static readonly string[] Bureaus = ["科技局", "发展改革委", "教育局", "工业和信息化局", "民政局", "财政局", "人力资源社会保障局", "自然资源局", "生态环境局", "住房城乡建设局", "交通运输局", "农业农村局", "商务局", "文化旅游局", "卫生健康委", "应急管理局", "审计局", "市场监管局", "统计局", "医保局"];
    private static readonly string[] Departments = ["办公室", "政策法规科", "计划财务科", "人事教育科", "高新技术科", "农村科技科", "社会发展科", "科技合作科", "成果转化科", "监督检查科", "信息中心", "机关党委", "服务中心", "规划科", "审批科", "执法科", "宣传科", "统计科", "产业科", "安全科", "法制科", "综合科", "信访科", "档案室", "后勤科", "研究室"];
    private static readonly string[] Cities = ["省会市", "江城市", "山海市", "云岭市", "青川市", "北原市", "南湖市", "东港市", "西岭市", "中州市", "临江市", "平阳市", "安康市"];
    private static readonly string[] OpinionTexts =
    [
        "办事窗口有时人少排队时间长，建议增加高峰时段的窗口。", "有的科室办事程序繁琐，一件事要跑几趟，建议推行一次性告知。",
        "会议和文件偏多，基层迎检负担重，建议精简合并。", "领导干部深入基层调研不够，建议定期到企业现场办公。",
        "科技项目资金拨付慢，建议简化审批环节。", "服务态度总体较好，个别工作人员对群众咨询回应不耐烦。",
        "政策宣传不够到位，企业不了解申报条件，建议开展政策宣讲。", "公务接待和用车管理规范，值得肯定。",
        "学习教育形式单一，建议多到教育基地现场学习。", "对群众反映的问题答复不及时，建议建立限时办结制度。",
    ];

    private static readonly string[] PhaseNames = ["学习教育、听取意见", "查摆问题、开展批评", "整改落实、建章立制"];

    private static readonly string[] ItemTitles = ["精简会议文件", "改进窗口服务作风", "规范项目资金管理", "建立联系服务企业制度", "完善限时办结制度", "加强政策宣传解读", "落实公务接待规定", "开展作风专项整治"];

    /// <summary>The campaign-office account over a preset's province, for benchmarks: <c>bench-s</c>, <c>bench-m</c>, <c>bench-l</c>.</summary>
    public static string BenchUser(Preset preset) => "bench-" + (preset ?? throw new ArgumentNullException(nameof(preset))).Name.ToLowerInvariant();

    /// <summary>Generates the preset's data and its bench account (with <paramref name="password"/>); refuses a preset already generated here.</summary>
    /// <summary>
    /// Generates the preset's data. With <paramref name="ballotTokens"/>, the voting codes of the bench bureau's open
    /// 民主测评 are written to that file, one per line, for the ballot benchmark (generated data only).
    /// </summary>
    public async Task<(string? Summary, string? Refusal)> SeedAsync(Preset preset, string password, string? ballotTokens = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (await db.Users.AnyAsync(u => u.UserName == BenchUser(preset), ct))
        {
            return (null, $"这个数据库里已经生成过{preset.Name}规模的数据（账户 {BenchUser(preset)} 已存在）。");
        }

        var watch = Stopwatch.StartNew();
        var faker = new Faker("zh_CN") { Random = new Randomizer(20261123) };
        var random = faker.Random;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var suffix = preset.Name.ToUpperInvariant() + "-" + now.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

        // Organizations: the province, its cities, each city's bureaus, each bureau's departments.
        var units = new List<OrgUnit>();
        var province = Unit($"{preset.Name}级测试省委", $"P{suffix}", OrgUnitKind.PartyCommittee, null, 0);
        var bureaus = new List<OrgUnit>();
        var departments = new Dictionary<Guid, List<OrgUnit>>();
        for (var c = 0; c < preset.Cities; c++)
        {
            var city = Unit(preset.Cities == 1 ? "测试市" : Cities[c % Cities.Length] + (c >= Cities.Length ? (c / Cities.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""), $"C{suffix}-{c}", OrgUnitKind.PartyCommittee, province, c);
            for (var b = 0; b < preset.BureausPerCity; b++)
            {
                var bureau = Unit($"{city.Name}{Bureaus[b % Bureaus.Length]}{(b >= Bureaus.Length ? b / Bureaus.Length : "")}", $"B{suffix}-{c}-{b}", OrgUnitKind.Bureau, city, b);
                bureaus.Add(bureau);
                departments[bureau.Id] = Enumerable.Range(0, preset.DepartmentsPerBureau)
                    .Select(d => Unit(Departments[d % Departments.Length] + (d >= Departments.Length ? (d / Departments.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""), $"D{suffix}-{c}-{b}-{d}", OrgUnitKind.Department, bureau, d))
                    .ToList();
            }
        }

        await bulk.InsertAsync(units, ct);

        // People spread over the departments (and each bureau's leaders in the bureau itself).
        var people = new List<Person>(preset.People);
        var byBureau = bureaus.ToDictionary(b => b.Id, _ => new List<Person>());
        var leaders = bureaus.ToDictionary(b => b.Id, _ => new List<Person>());
        for (var i = 0; i < preset.People; i++)
        {
            var bureau = i < preset.BenchBureauPeople ? bureaus[0] : bureaus[i % bureaus.Count];
            var leader = leaders[bureau.Id].Count < 3;
            var deps = departments[bureau.Id];
            var person = new Person
            {
                Name = faker.Name.LastName() + faker.Name.FirstName(),
                Gender = random.Bool() ? Gender.Male : Gender.Female,
                OrgUnitId = leader || deps.Count == 0 ? bureau.Id : deps[random.Int(0, deps.Count - 1)].Id,
                PartyStatus = random.WeightedRandom([PartyStatus.Full, PartyStatus.Probationary, PartyStatus.NonMember], [0.8f, 0.05f, 0.15f]),
                PostRank = leader ? PostRank.TeamMember : random.WeightedRandom([PostRank.MiddleChief, PostRank.MiddleDeputy, PostRank.Staff], [0.1f, 0.1f, 0.8f]),
                Title = leader ? (leaders[bureau.Id].Count == 0 ? "党组书记、局长" : "党组成员、副局长") : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            people.Add(person);
            byBureau[bureau.Id].Add(person);
            if (leader)
            {
                leaders[bureau.Id].Add(person);
            }
        }

        foreach (var chunk in people.Chunk(Batch))
        {
            await bulk.InsertAsync(chunk, ct);
        }

        logger.LogInformation("{Preset}: {Units} units and {People} people in {Seconds:0.0}s", preset.Name, units.Count, people.Count, watch.Elapsed.TotalSeconds);
        var account = await accounts.CreateAsync(BenchUser(preset), $"{preset.Name}规模测试办公室", password, [Platform.Identity.Roles.CampaignOffice], mustChangePassword: false, personId: leaders[bureaus[0].Id][0].Id);
        if (!account.Succeeded)
        {
            return (null, string.Join("；", account.Errors.Select(e => e.Description)));
        }


        // Campaigns of history, one per bureau in turn, each a year long and finished except the latest.
        long attendance = 0, opinions = 0, items = 0;
        Campaign? benchCampaign = null;
        for (var n = 0; n < preset.Campaigns; n++)
        {
            var bureau = bureaus[n % bureaus.Count];
            var staff = byBureau[bureau.Id];
            var heads = leaders[bureau.Id];
            var deps = departments[bureau.Id];
            var years = n / bureaus.Count;
            var starts = today.AddDays(-200 - (365 * years));
            var running = years == 0;
            var campaign = new Campaign
            {
                Title = $"{bureau.Name}党的群众路线教育实践活动（第{years + 1}轮）",
                ScopeUnitId = bureau.Id,
                StartsOn = starts,
                EndsOn = starts.AddDays(300),
                Status = running ? CampaignStatus.Running : CampaignStatus.Ended,
                CreatedAt = now,
                UpdatedAt = now,
            };
            await bulk.InsertAsync([campaign], ct);
            benchCampaign ??= campaign;
            var phases = PhaseNames.Select((name, i) => new Phase
                {
                    CampaignId = campaign.Id,
                    Order = i + 1,
                    Name = name,
                    StartsOn = starts.AddDays(100 * i),
                    EndsOn = starts.AddDays((100 * i) + 99),
                    Status = !running || i == 0 ? PhaseStatus.Completed : i == 1 ? PhaseStatus.InProgress : PhaseStatus.NotStarted,
                    CreatedAt = now,
                    UpdatedAt = now,
                }).ToList();
            await bulk.InsertAsync(phases, ct);
            var milestones = phases.SelectMany(p => Enumerable.Range(1, 3).Select(k => new Milestone
            {
                CampaignId = campaign.Id,
                PhaseId = p.Id,
                Title = $"{p.Name}节点{k}",
                Deadline = p.StartsOn.AddDays(30 * k),
                Status = p.StartsOn.AddDays(30 * k) < today && random.Bool(0.9f) ? MilestoneStatus.Done : MilestoneStatus.Open,
                OwnerUnitId = bureau.Id,
                CreatedAt = now,
                UpdatedAt = now,
            })).ToList();
            await bulk.InsertAsync(milestones, ct);

            // Study sessions, each expecting a share of the bureau's people, most of them present.
            var sessions = new List<StudySession>();
            var attendees = new List<SessionAttendee>();
            for (var s = 0; s < preset.SessionsPerCampaign; s++)
            {
                var at = starts.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddDays(s * 190.0 / preset.SessionsPerCampaign);
                var session = new StudySession
                {
                    CampaignId = campaign.Id,
                    PhaseId = phases[0].Id,
                    Kind = random.WeightedRandom([SessionKind.CentralGroup, SessionKind.Collective, SessionKind.PartyLecture, SessionKind.Discussion], [0.3f, 0.4f, 0.15f, 0.15f]),
                    Title = $"第{s + 1}次集体学习",
                    StartsAt = at,
                    EndsAt = at.AddHours(2),
                    Place = "机关会议室",
                    SignInSecret = random.AlphaNumeric(24),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                sessions.Add(session);
                var expected = n == 0 && preset.BenchBureauPeople > 0 ? staff.Count : Math.Min(preset.AttendeesPerSession, staff.Count);
                var offset = random.Int(0, Math.Max(0, staff.Count - 1));
                for (var a = 0; a < expected; a++)
                {
                    var status = random.WeightedRandom([AttendanceStatus.Present, AttendanceStatus.Leave, AttendanceStatus.Expected], [0.93f, 0.05f, 0.02f]);
                    attendees.Add(new SessionAttendee
                    {
                        SessionId = session.Id,
                        PersonId = staff[(offset + a) % staff.Count].Id,
                        Status = status,
                        SignedInAt = status == AttendanceStatus.Present ? at.AddMinutes(-random.Int(1, 15)) : null,
                        SignInMethod = status == AttendanceStatus.Present ? "二维码" : null,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }

                if (attendees.Count >= Batch)
                {
                    await bulk.InsertAsync(sessions, ct);
                    await bulk.InsertAsync(attendees, ct);
                    attendance += attendees.Count;
                    sessions.Clear();
                    attendees.Clear();
                }
            }

            await bulk.InsertAsync(sessions, ct);
            await bulk.InsertAsync(attendees, ct);
            attendance += attendees.Count;

            // Opinions from every channel, problems consolidated from some of them, and the rectification items.
            var opinionRows = Enumerable.Range(0, preset.OpinionsPerCampaign).Select(i => new Opinion
            {
                CampaignId = campaign.Id,
                Channel = random.Enum<Channel>(),
                ReceivedOn = starts.AddDays(random.Int(5, 95)),
                Text = random.ArrayElement(OpinionTexts),
                Nature = random.WeightedRandom([Nature.Positive, Nature.Suggestion, Nature.Criticism], [0.4f, 0.45f, 0.15f]),
                Topic = random.Enum<Topic>(),
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            foreach (var chunk in opinionRows.Chunk(Batch))
            {
                await bulk.InsertAsync(chunk, ct);
            }

            opinions += opinionRows.Count;
            var problems = Enumerable.Range(0, preset.ProblemsPerCampaign).Select(i => new Problem
            {
                CampaignId = campaign.Id,
                Title = $"{random.ArrayElement(ItemTitles)}方面存在不足（{i + 1}）",
                Category = random.Enum<Topic>(),
                Source = random.Enum<ProblemSource>(),
                Horizon = random.Bool(0.8f) ? ProblemHorizon.Deadline : ProblemHorizon.LongTerm,
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            await bulk.InsertAsync(problems, ct);
            await bulk.InsertAsync(problems.SelectMany((p, i) => opinionRows.Skip(i * 3).Take(3).Select(o => new ProblemOpinion { ProblemId = p.Id, OpinionId = o.Id, CreatedAt = now, UpdatedAt = now })).ToList(), ct);
            var itemRows = Enumerable.Range(0, preset.ItemsPerCampaign).Select(i =>
            {
                var due = starts.AddDays(random.Int(200, 330));
                var status = !running || due < today.AddDays(-30) ? random.WeightedRandom([ItemStatus.Closed, ItemStatus.InProgress], [0.9f, 0.1f]) : random.WeightedRandom([ItemStatus.NotStarted, ItemStatus.InProgress, ItemStatus.AwaitingVerification, ItemStatus.Closed], [0.2f, 0.5f, 0.1f, 0.2f]);
                if (running && i % 10 == 0)
                {
                    // Every running campaign has some overdue items, as real ones do (and the overdue lists have rows at every scale).
                    (due, status) = (today.AddDays(-1 - (i % 30)), ItemStatus.InProgress);
                }

                return new RectificationItem
                {
                    CampaignId = campaign.Id,
                    ProblemId = problems[i % problems.Count].Id,
                    Title = $"{random.ArrayElement(ItemTitles)}（{i + 1}）",
                    Goal = "按期完成整改，群众满意。",
                    Measures = "明确责任、细化措施、定期督查。",
                    StartsOn = starts.AddDays(200),
                    DueOn = due,
                    LeaderPersonId = heads[i % heads.Count].Id,
                    DepartmentId = deps.Count == 0 ? bureau.Id : deps[i % deps.Count].Id,
                    Status = status,
                    Progress = status == ItemStatus.Closed ? 100 : status == ItemStatus.NotStarted ? 0 : random.Int(10, 95),
                    ClosedOn = status == ItemStatus.Closed ? due.AddDays(-random.Int(0, 20)) : null,
                    SortOrder = i,
                    IsPublic = random.Bool(0.5f),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
            }).ToList();
            foreach (var chunk in itemRows.Chunk(Batch))
            {
                await bulk.InsertAsync(chunk, ct);
            }

            items += itemRows.Count;
            if (n % Math.Max(1, preset.Campaigns / 10) == 0)
            {
                logger.LogInformation("{Preset}: campaign {N}/{Total}, {Attendance} attendance records so far, {Seconds:0.0}s", preset.Name, n + 1, preset.Campaigns, attendance, watch.Elapsed.TotalSeconds);
            }
        }

        // One 督办台账 per bureau with its key tasks, some behind time.
        var ledgers = bureaus.Select(b => new Ledger { Title = $"{b.Name}重点工作任务督办台账", Kind = LedgerKind.KeyTasks, OwnerUnitId = b.Id, CreatedAt = now, UpdatedAt = now }).ToList();
        await bulk.InsertAsync(ledgers, ct);
        var ledgerItems = ledgers.SelectMany(l => Enumerable.Range(0, preset.LedgerItemsPerBureau).Select(i =>
        {
            var deps = departments[l.OwnerUnitId];
            var starts = today.AddDays(-random.Int(30, 200));
            return new LedgerItem
            {
                LedgerId = l.Id,
                Source = "年度重点工作",
                Content = $"{random.ArrayElement(ItemTitles)}重点任务{i + 1}",
                LeadLeaderId = leaders[l.OwnerUnitId][i % leaders[l.OwnerUnitId].Count].Id,
                DepartmentId = deps.Count == 0 ? l.OwnerUnitId : deps[i % deps.Count].Id,
                StartsOn = starts,
                DueOn = starts.AddDays(random.Int(60, 400)),
                Progress = random.Int(0, 100),
                CreatedAt = now,
                UpdatedAt = now,
            };
        })).ToList();
        foreach (var chunk in ledgerItems.Chunk(Batch))
        {
            await bulk.InsertAsync(chunk, ct);
        }

        var slips = await SeedAppraisalAsync(benchCampaign!, leaders[bureaus[0].Id], byBureau[bureaus[0].Id], preset.BallotSlips, now, ballotTokens, ct);
        var audited = await SeedAuditAsync(preset.AuditEntries, people, now, random, ct);
        var line = $"{preset.Name}：账户 {BenchUser(preset)}，{units.Count}个单位，{people.Count}人（测试账户所在单位{byBureau[bureaus[0].Id].Count}人），{preset.Campaigns}个活动，考勤记录{attendance}条，意见{opinions}条，整改事项{items}项，督办事项{ledgerItems.Count}项，测评票{slips}张，审计日志{audited}条，用时{watch.Elapsed.TotalSeconds:0.0}秒；顶级组织编码 {province.Code}";
        logger.LogInformation("{Line}", line);
        return (line, null);

        OrgUnit Unit(string name, string code, OrgUnitKind kind, OrgUnit? parent, int order)
        {
            var unit = new OrgUnit { Name = name, Code = code, Kind = kind, SortOrder = order, CreatedAt = now, UpdatedAt = now };
            unit.PlaceUnder(parent);
            units.Add(unit);
            return unit;
        }
    }

    /// <summary>
    /// An open 民主测评 of the bench bureau's 班子成员 in its running campaign: a voting right for each of the bureau's people
    /// and <paramref name="extraSlips"/> extra slips, as many empty ballots. Returns how many voting rights there are.
    /// </summary>
    private async Task<int> SeedAppraisalAsync(Campaign campaign, IReadOnlyList<Person> team, IReadOnlyList<Person> staff, int extraSlips, DateTime now, string? tokensFile, CancellationToken ct)
    {
        var appraisal = new Appraisal
        {
            CampaignId = campaign.Id,
            Title = "领导班子和班子成员民主测评",
            OpensAt = now.AddDays(-1),
            ClosesAt = now.AddDays(30),
            OpenedAt = now.AddDays(-1),
            ExtraSlips = extraSlips,
            TokenSecret = BallotSeal.NewSalt(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await bulk.InsertAsync([appraisal], ct);
        await bulk.InsertAsync(team.Select(p => p.Name).Prepend("领导班子").Select((name, i) => new AppraisalTarget { AppraisalId = appraisal.Id, Order = i + 1, Name = name, CreatedAt = now, UpdatedAt = now }).ToList(), ct);
        var voters = staff.Select(p => new AppraisalVoter { AppraisalId = appraisal.Id, PersonId = p.Id, Label = p.Name, TokenHash = "", CreatedAt = now, UpdatedAt = now })
            .Concat(Enumerable.Range(1, extraSlips).Select(i => new AppraisalVoter { AppraisalId = appraisal.Id, Label = $"备用票{i}", TokenHash = "", CreatedAt = now, UpdatedAt = now }))
            .ToList();
        var tokens = new List<string>(voters.Count);
        var key = await ballotKey.GetAsync(ct);
        foreach (var voter in voters)
        {
            var token = BallotSeal.Token(key, appraisal.TokenSecret, voter.Id);
            voter.TokenHash = AppraisalRules.Hash(token);
            tokens.Add(token);
        }

        foreach (var chunk in voters.Chunk(Batch))
        {
            await bulk.InsertAsync(chunk, ct);
        }

        if (tokensFile is not null)
        {
            await File.WriteAllLinesAsync(tokensFile, tokens, ct);
        }

        return voters.Count;
    }

    /// <summary>
    /// A year of audit history (sign-ins, views, edits, exports) by the generated people's units, chained and sealed exactly as
    /// <see cref="AuditRecorder"/> seals live entries, so <c>audit verify</c> passes over it.
    /// </summary>
    private async Task<int> SeedAuditAsync(int count, List<Person> people, DateTime now, Randomizer random, CancellationToken ct)
    {
        const string signIn = AuditActions.SecurityPrefix + "SignInSucceeded";
        string[] actions = [signIn, AuditActions.Update, AuditActions.Create, AuditActions.Export, AuditActions.Approve];
        string[] types = ["RectificationItem", "Opinion", "StudySession", "Campaign", "LedgerItem"];
        var start = now.AddDays(-365);
        var step = 365.0 * 24 * 3600 / Math.Max(1, count);
        for (var done = 0; done < count; done += Batch)
        {
            var entries = Enumerable.Range(done, Math.Min(Batch, count - done)).Select(i =>
            {
                var person = people[random.Int(0, people.Count - 1)];
                var action = actions[i % actions.Length];
                return new AuditEntry
                {
                    OccurredAt = start.AddSeconds(i * step),
                    UserName = "u" + person.Id.ToString("N")[..8],
                    ClientAddress = $"10.{i % 250}.{i / 250 % 250}.{1 + (i % 200)}",
                    Action = action,
                    ObjectType = action == signIn ? null : types[i % types.Length],
                    ObjectId = action == signIn ? null : Guid.NewGuid().ToString(),
                    Summary = action == signIn ? "登录成功" : $"{person.Name}：{ItemTitles[i % ItemTitles.Length]}",
                    After = action == AuditActions.Update ? $"{{\"Progress\":{i % 100}}}" : null,
                };
            }).ToList();
            await AuditRecorder.ChainAsync(db, entries, ct);
            await bulk.InsertAsync(entries, ct);
        }

        return count;
    }
}
