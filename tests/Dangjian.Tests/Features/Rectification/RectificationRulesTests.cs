using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using FsCheck;
using FsCheck.Fluent;

namespace Dangjian.Tests.Features.Rectification;

public sealed class RectificationRulesTests
{
    private static readonly Gen<(int Progress, int Weight)> Child =
        from progress in Gen.Choose(0, 100)
        from weight in Gen.Choose(1, 10)
        select (progress, weight);

    [Fact]
    public void RollUpStaysBetweenTheChildrenAndReachesAHundredOnlyWhenAllDo()
    {
        Prop.ForAll(Gen.NonEmptyListOf(Child).ToArbitrary(), children =>
        {
            var list = children.ToList();
            var result = RectificationRules.RollUp(list);
            return result >= list.Min(c => c.Progress) && result <= list.Max(c => c.Progress)
                && (result == 100) == list.All(c => c.Progress == 100)
                && (result == 0) == (list.Sum(c => (long)c.Progress * c.Weight) * 1L < list.Sum(c => (long)c.Weight));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RaisingOneChildNeverLowersTheParent()
    {
        Prop.ForAll(Gen.NonEmptyListOf(Child).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (children, raise) =>
        {
            var list = children.ToList();
            var before = RectificationRules.RollUp(list);
            var raised = list.Select((c, i) => i == 0 ? (Math.Min(100, c.Progress + raise), c.Weight) : c).ToList();
            return RectificationRules.RollUp(raised) >= before;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WeightsCountAndNoChildrenMeansNothingDone()
    {
        RectificationRules.RollUp([(100, 2), (60, 1)]).ShouldBe(86);
        RectificationRules.RollUp([(100, 1), (0, 3)]).ShouldBe(25);
        RectificationRules.RollUp([(50, 0), (100, -4)]).ShouldBe(75, "weights below 1 count as 1");
        RectificationRules.RollUp([]).ShouldBe(0);
    }

    [Theory]
    [InlineData(null, 120, "记录", null, "0%到100%")]
    [InlineData(null, -1, "记录", null, "0%到100%")]
    [InlineData(null, 40, " ", null, "进展情况")]
    [InlineData(60, 40, "记录", null, "说明原因")]
    [InlineData(60, 40, "记录", "范围调整", null)]
    [InlineData(60, 60, "记录", null, null)]
    public void ReportsNeedARangeANarrativeAndAReasonToGoBack(int? previous, int percent, string narrative, string? reason, string? error)
    {
        var result = RectificationRules.CheckReport(previous, percent, narrative, reason);
        if (error is null)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldNotBeNull().ShouldContain(error);
        }
    }

    [Fact]
    public void OnlyLongTermItemsMayRunPastTheCampaign()
    {
        var (start, end) = (new DateOnly(2026, 2, 24), new DateOnly(2026, 12, 31));
        RectificationRules.CheckDates(new(2026, 6, 1), new(2027, 3, 1), ProblemHorizon.Deadline, start, end).ShouldNotBeNull().ShouldContain("长期坚持");
        RectificationRules.CheckDates(new(2026, 6, 1), new(2027, 3, 1), ProblemHorizon.LongTerm, start, end).ShouldBeNull();
        RectificationRules.CheckDates(new(2026, 6, 1), new(2026, 5, 1), ProblemHorizon.Deadline, start, end).ShouldNotBeNull().ShouldContain("早于开始");
        RectificationRules.CheckDates(new(2026, 1, 1), new(2026, 5, 1), ProblemHorizon.Deadline, start, end).ShouldNotBeNull().ShouldContain("活动开始");
    }

    [Fact]
    public void ClosureNeedsSomeoneElseCompletionEvidenceAndANote()
    {
        var leader = Guid.NewGuid();
        var department = Guid.NewGuid();
        var item = new RectificationItem { Title = "t", LeaderPersonId = leader, DepartmentId = department, Progress = 100, Status = ItemStatus.AwaitingVerification };
        var other = Guid.NewGuid();
        RectificationRules.CheckClose(item, false, true, true, leader, Guid.NewGuid(), "好").ShouldNotBeNull().ShouldContain("自己");
        RectificationRules.CheckClose(item, false, true, true, other, department, "好").ShouldNotBeNull().ShouldContain("自己");
        RectificationRules.CheckClose(item, false, true, false, other, Guid.NewGuid(), "好").ShouldNotBeNull().ShouldContain("佐证材料");
        RectificationRules.CheckClose(item, false, true, true, other, Guid.NewGuid(), " ").ShouldNotBeNull().ShouldContain("验收意见");
        RectificationRules.CheckClose(item, true, false, true, other, Guid.NewGuid(), "好").ShouldNotBeNull().ShouldContain("分解任务");
        RectificationRules.CheckClose(item, false, true, true, other, Guid.NewGuid(), "好").ShouldBeNull();
        item.Progress = 90;
        RectificationRules.CheckClose(item, false, true, true, other, Guid.NewGuid(), "好").ShouldNotBeNull().ShouldContain("尚未完成");
        RectificationRules.StatusFor(0, false, ProblemHorizon.Deadline).ShouldBe(ItemStatus.NotStarted);
        RectificationRules.StatusFor(0, true, ProblemHorizon.Deadline).ShouldBe(ItemStatus.InProgress);
        RectificationRules.StatusFor(40, true, ProblemHorizon.LongTerm).ShouldBe(ItemStatus.LongTerm);
        RectificationRules.StatusFor(100, true, ProblemHorizon.LongTerm).ShouldBe(ItemStatus.AwaitingVerification);
    }
}
