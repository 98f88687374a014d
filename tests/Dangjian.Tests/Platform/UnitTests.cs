using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Platform;

public sealed class UnitTests
{
    [Theory]
    [InlineData("Passw0rd", true)]
    [InlineData("passw0rd!", true)]
    [InlineData("PASSW0RD!", true)]
    [InlineData("PASSWORD!", false)]
    [InlineData("password", false)]
    [InlineData("Password", false)]
    [InlineData("12345678", false)]
    [InlineData("Pa1!", false)]
    public async Task PasswordNeedsEightCharactersFromThreeClasses(string password, bool ok)
    {
        var validator = new PasswordComplexityValidator(Options.Create(new SecurityOptions()));

        var result = await validator.ValidateAsync(null!, new AppUser { UserName = "zhangsan" }, password);

        result.Succeeded.ShouldBe(ok);
    }

    [Fact]
    public async Task PasswordMayNotContainTheUserName()
    {
        var validator = new PasswordComplexityValidator(Options.Create(new SecurityOptions()));

        var result = await validator.ValidateAsync(null!, new AppUser { UserName = "zhangsan" }, "Zhangsan-2026");

        result.Errors.Single().Description.ShouldBe("密码不能包含用户名。");
    }

    [Theory]
    [InlineData(new[] { Roles.SystemAdmin }, true)]
    [InlineData(new[] { Roles.CampaignOffice, Roles.Leader }, true)]
    [InlineData(new[] { Roles.SystemAdmin, Roles.SecurityAdmin }, false)]
    [InlineData(new[] { Roles.AuditAdmin, Roles.SecurityAdmin, Roles.SystemAdmin }, false)]
    [InlineData(new[] { Roles.AuditAdmin, Roles.Member }, false)]
    public void AdministratorDutiesStaySeparate(string[] roles, bool allowed)
    {
        (Roles.CheckSeparation(roles) is null).ShouldBe(allowed);
    }

    [Fact]
    public void TimesAreShownInChinaStandardTime()
    {
        var utc = new DateTime(2026, 3, 15, 6, 30, 0, DateTimeKind.Utc);

        ChinaTime.DateTimeText(utc).ShouldBe("2026-03-15 14:30");
        ChinaTime.DateTimeText(new DateTime(2026, 3, 15, 17, 0, 0, DateTimeKind.Utc)).ShouldBe("2026-03-16 01:00");
        ChinaTime.DateText(new DateOnly(2026, 3, 5)).ShouldBe("2026-03-05");
        ChinaTime.LongDate(new DateOnly(2026, 3, 5)).ShouldBe("2026年3月5日");
    }

    [Theory]
    [InlineData(3, "还剩3天")]
    [InlineData(0, "今天到期")]
    [InlineData(-2, "逾期2天")]
    public void DeadlinesReadAsRelativeHints(int days, string expected)
    {
        var today = new DateOnly(2026, 11, 22);

        ChinaTime.Relative(today.AddDays(days), today).ShouldBe(expected);
    }

    [Fact]
    public void PasswordExpiryCountsDaysFromTheLastChange()
    {
        var options = new SecurityOptions { PasswordExpiryDays = 90 };
        var now = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

        PasswordPolicy.IsExpired(new AppUser { PasswordChangedAt = now.AddDays(-89) }, options, now).ShouldBeFalse();
        PasswordPolicy.IsExpired(new AppUser { PasswordChangedAt = now.AddDays(-90) }, options, now).ShouldBeTrue();
        PasswordPolicy.DaysLeft(new AppUser { PasswordChangedAt = now.AddDays(-80) }, options, now).ShouldBe(10);
        PasswordPolicy.IsExpired(new AppUser { PasswordChangedAt = now.AddDays(-900) }, new SecurityOptions { PasswordExpiryDays = 0 }, now).ShouldBeFalse();
    }

    [Fact]
    public void MalformedTokensNeverReachTheDatabase()
    {
        ApiTokenService.Format().IsMatch("dj_" + new string('A', 43)).ShouldBeTrue();
        ApiTokenService.Format().IsMatch("dj_" + new string('A', 42)).ShouldBeFalse();
        ApiTokenService.Format().IsMatch("dj_" + new string('A', 42) + "'").ShouldBeFalse();
        ApiTokenService.Hash("dj_x").Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("/a/b/c/", "/a/")]
    [InlineData("/a/", "/a/")]
    public void RootOfAPathIsItsFirstSegment(string path, string root)
    {
        CurrentUser.RootOf(path).ShouldBe(root);
    }
}
