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

/// <summary>The demo campaign's 学习教育 (sessions with attendance, readings, topics, notes, questions and a quiz), part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoStudy(AppDbContext db, TimeProvider clock)
{
    /// <summary>Phase 1's study (a 中心组学习会 and a 专题党课 with their attendance), and a session coming up in phase 2.</summary>
    public async Task AddStudyAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        var bureau = db.OrgUnits.Local.Single(u => u.Code == "KJJ");
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var leaders = DemoSeeder.TeamNames.Select(n => people[n]).ToList();
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
    public List<StudyMaterial> AddReadings(Campaign campaign)
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
    public async Task AddStudyWorkAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, List<StudyMaterial> readings, CancellationToken ct)
    {
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var now = clock.GetUtcNow().UtcDateTime;
        var supervisionUnit = db.OrgUnits.Local.Single(u => u.Code == "SW-DDZ3").Id;
        var everyone = people.Values.Where(p => p.OrgUnitId != supervisionUnit).ToList();
        var leaders = DemoSeeder.TeamNames.Select(n => people[n]).ToList();
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
}
