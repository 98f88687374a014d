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

/// <summary>The demo campaign's 对照检查材料 and 专题民主生活会/组织生活会, part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoMeetings(AppDbContext db, CampaignService campaigns, TimeProvider clock)
{
    /// <summary>
    /// Self-inspections: the team's passed after one return; 李红梅's returned as 不过关 (问题找得不准、整改措施不具体) and
    /// resubmitted, waiting for the supervision group; 王建国's (the `leader` account) a draft; colleagues' comments.
    /// </summary>
    public async Task AddSelfInspectionsAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
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
    public async Task AddLifeMeetingsAsync(Campaign campaign, Dictionary<string, Person> people, CancellationToken ct)
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
}
