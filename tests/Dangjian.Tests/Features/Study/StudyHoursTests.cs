using Dangjian.Web.Features.Study;
using FsCheck;
using FsCheck.Fluent;

namespace Dangjian.Tests.Features.Study;

public sealed class StudyHoursTests
{
    private static readonly DateTime Morning = new(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ASessionsOwnDurationIsAlwaysAcceptedAsItsHours()
    {
        Prop.ForAll(Gen.Choose(30, 30 * 60).ToArbitrary(), minutes =>
        {
            var ends = Morning.AddMinutes(minutes);
            var hours = StudyHours.FromDuration(Morning, ends);
            return StudyHours.Check(hours, Morning, ends) is null && hours >= 0.5 && hours <= StudyHours.Max && hours * 2 == Math.Floor(hours * 2);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HoursAreAcceptedExactlyWhenHalfHourStepsThatFitTheSession()
    {
        Prop.ForAll(Gen.Choose(-4, 60).ToArbitrary(), Gen.Choose(1, 30 * 60).ToArbitrary(), (halves, minutes) =>
        {
            var ends = Morning.AddMinutes(minutes);
            var hours = halves / 2.0;
            var fits = halves >= 1 && hours <= StudyHours.Max && hours <= minutes / 60.0;
            return (StudyHours.Check(hours, Morning, ends) is null) == fits;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void OddAmountsAndMoreThanTheSessionAreRefusedInChinese()
    {
        StudyHours.Check(0.7, Morning, Morning.AddHours(2)).ShouldBe("学时须为0.5到24之间、以0.5为单位的数。");
        StudyHours.Check(double.NaN, Morning, Morning.AddHours(2)).ShouldNotBeNull();
        StudyHours.Check(2.5, Morning, Morning.AddHours(2)).ShouldBe("学时不能超过学习会的时长（2小时）。");
        StudyHours.FromDuration(Morning, Morning.AddMinutes(100)).ShouldBe(1.5);
        StudyHours.FromDuration(Morning, Morning.AddMinutes(10)).ShouldBe(0.5, "at least half an hour");
    }
}
