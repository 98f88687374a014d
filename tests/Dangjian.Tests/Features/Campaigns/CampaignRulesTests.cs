using Dangjian.Web.Features.Campaigns;
using FsCheck;
using FsCheck.Fluent;

namespace Dangjian.Tests.Features.Campaigns;

public sealed class CampaignRulesTests
{
    private static readonly DateOnly Start = new(2026, 2, 24);
    private static readonly DateOnly End = new(2026, 7, 23);

    [Fact]
    public void PhaseWindowsStayInThePeriodAndDoNotOverlapUnlessAllowed()
    {
        var first = new CampaignRules.Window(Guid.NewGuid(), Start, Start.AddDays(44));
        var second = new CampaignRules.Window(Guid.NewGuid(), Start.AddDays(40), Start.AddDays(80));

        CampaignRules.CheckPhaseWindow(Start, End, false, second, [first])!.ShouldContain("时间重叠");
        CampaignRules.CheckPhaseWindow(Start, End, true, second, [first]).ShouldBeNull();
        CampaignRules.CheckPhaseWindow(Start, End, false, second with { StartsOn = Start.AddDays(45) }, [first]).ShouldBeNull();
        CampaignRules.CheckPhaseWindow(Start, End, false, first with { EndsOn = End.AddDays(1) }, [])!.ShouldContain("活动期间");
        CampaignRules.CheckPhaseWindow(Start, End, false, first with { EndsOn = Start.AddDays(-1) }, [])!.ShouldContain("不能早于");
    }

    [Fact]
    public void APhaseOpensOnlyAfterThePreviousSummaryIsApproved()
    {
        CampaignRules.CheckOpen(CampaignStatus.Running, false, PhaseStatus.NotStarted, PhaseStatus.AwaitingReview)!.ShouldContain("审核通过后");
        CampaignRules.CheckOpen(CampaignStatus.Running, false, PhaseStatus.NotStarted, PhaseStatus.InProgress)!.ShouldContain("审核通过后");
        CampaignRules.CheckOpen(CampaignStatus.Running, false, PhaseStatus.NotStarted, PhaseStatus.Completed).ShouldBeNull();
        CampaignRules.CheckOpen(CampaignStatus.Running, true, PhaseStatus.NotStarted, PhaseStatus.InProgress).ShouldBeNull();
        CampaignRules.CheckOpen(CampaignStatus.Preparing, false, PhaseStatus.NotStarted, null)!.ShouldContain("尚未启动");
        CampaignRules.CheckOpen(CampaignStatus.Running, false, PhaseStatus.InProgress, null)!.ShouldContain("已经开启");
    }

    [Fact]
    public void DeadlinesMayNotBeInThePastOrOutsideThePeriod()
    {
        var today = Start.AddDays(10);

        CampaignRules.CheckDeadline(today.AddDays(-1), today, Start, End, null)!.ShouldContain("不能早于今天");
        CampaignRules.CheckDeadline(today.AddDays(-1), today, Start, End, today.AddDays(-1)).ShouldBeNull("an unchanged past deadline can stay");
        CampaignRules.CheckDeadline(End.AddDays(1), today, Start, End, null)!.ShouldContain("活动期间");
        CampaignRules.CheckDeadline(today, today, Start, End, null).ShouldBeNull();
        CampaignRules.CheckDeadline(today.AddDays(-1), today, Start, End, null, backfill: true).ShouldBeNull("补录: an earlier milestone entered late");
        CampaignRules.CheckDeadline(Start.AddDays(-1), today, Start, End, null, backfill: true)!.ShouldContain("活动期间", Case.Sensitive, "补录 stays inside the campaign");
        CampaignRules.IsOverdue(MilestoneStatus.Open, today.AddDays(-1), today).ShouldBeTrue();
        CampaignRules.IsOverdue(MilestoneStatus.Done, today.AddDays(-1), today).ShouldBeFalse();
    }

    [Fact]
    public void ApprovalRefusesSelfApprovalOutsidersAndReturnsWithoutComment()
    {
        var office = new ApprovalRules.Actor(Guid.NewGuid(), true, false);
        var supervisor = new ApprovalRules.Actor(Guid.NewGuid(), false, true);
        var outsider = new ApprovalRules.Actor(Guid.NewGuid(), false, false);
        var officeAndSupervisor = new ApprovalRules.Actor(Guid.NewGuid(), true, true);

        ApprovalRules.Apply(DocumentStatus.Submitted, ApprovalRules.Action.Approve, outsider, office.UserId, null).Refusal!.ShouldContain("督导组");
        ApprovalRules.Apply(DocumentStatus.Submitted, ApprovalRules.Action.Approve, officeAndSupervisor, officeAndSupervisor.UserId, null).Refusal!.ShouldContain("自己提交");
        ApprovalRules.Apply(DocumentStatus.Submitted, ApprovalRules.Action.Return, supervisor, office.UserId, " ").Refusal!.ShouldContain("修改意见");
        ApprovalRules.Apply(DocumentStatus.Approved, ApprovalRules.Action.Edit, office, office.UserId, null).Refusal!.ShouldContain("已通过");
        ApprovalRules.Apply(DocumentStatus.Submitted, ApprovalRules.Action.Approve, supervisor, office.UserId, null).Next.ShouldBe(DocumentStatus.Approved);
        ApprovalRules.Apply(DocumentStatus.Returned, ApprovalRules.Action.Submit, office, office.UserId, null).Next.ShouldBe(DocumentStatus.Submitted);
    }

    /// <summary>
    /// Whatever sequence of actions by whichever actors: a document is approved only by a supervision-group member
    /// who did not submit it, only from 待审核; nothing changes it once approved; every return carries a comment.
    /// </summary>
    [Fact]
    public void NoSequenceOfActionsBreaksTheApprovalRules()
    {
        var actors = new[]
        {
            new ApprovalRules.Actor(Guid.NewGuid(), true, false),
            new ApprovalRules.Actor(Guid.NewGuid(), true, false),
            new ApprovalRules.Actor(Guid.NewGuid(), false, true),
            new ApprovalRules.Actor(Guid.NewGuid(), true, true),
            new ApprovalRules.Actor(Guid.NewGuid(), false, false),
        };
        var step = from actor in Gen.Elements(actors)
                   from action in Gen.Elements(Enum.GetValues<ApprovalRules.Action>())
                   from comment in Gen.Elements<string?>(null, "", "请补充。")
                   select (actor, action, comment);

        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), steps =>
        {
            var status = DocumentStatus.Draft;
            Guid? submittedBy = null;
            foreach (var (actor, action, comment) in steps)
            {
                var before = status;
                var (next, refusal) = ApprovalRules.Apply(status, action, actor, submittedBy, comment);
                if (refusal is not null)
                {
                    if (next is not null)
                    {
                        return false;
                    }

                    continue;
                }

                if (before == DocumentStatus.Approved)
                {
                    return false;
                }

                if (next == DocumentStatus.Approved && (before != DocumentStatus.Submitted || !actor.IsSupervisor || actor.UserId == submittedBy))
                {
                    return false;
                }

                if (next == DocumentStatus.Returned && (string.IsNullOrWhiteSpace(comment) || !actor.IsSupervisor))
                {
                    return false;
                }

                if (action == ApprovalRules.Action.Submit)
                {
                    submittedBy = actor.UserId;
                }

                status = action == ApprovalRules.Action.Edit ? DocumentStatus.Draft : next!.Value;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TemplatesLayOutThePhasesOfTheSeeds()
    {
        CampaignTemplates.Find("mass-line")!.Phases.Select(p => p.Name).ShouldBe(["学习教育、听取意见", "查摆问题、开展批评", "整改落实、建章立制"]);
        CampaignTemplates.Find("practice-scientific-development")!.Phases.Select(p => p.Name).ShouldBe(["学习调研", "分析检查", "整改落实"]);
        var standing = CampaignTemplates.Find("standing-year")!;
        standing.Phases.Count.ShouldBe(12);
        standing.PhasesOverlap.ShouldBeTrue();
        CampaignTemplates.Find("mass-line")!.Phases[0].Milestones.ShouldContain(m => m.Title == "主要负责同志至少召开2次座谈会" && m.RequiredCount == 2);
    }
}
