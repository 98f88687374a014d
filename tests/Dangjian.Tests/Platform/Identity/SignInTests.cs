using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Account;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Identity;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task DemoOfficeSignsInAndSeesTheChineseHomePage()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("office");

        var home = await client.GetDocumentAsync("/");

        home.Title!.ShouldContain("首页");
        home.QuerySelector("#todo-title")!.TextContent.ShouldBe("我的待办");
        var health = home.QuerySelector("[data-testid=campaign-health]").ShouldNotBeNull("the office's home shows the current campaign's health, not head counts");
        health.QuerySelector("[data-testid=health-phase]")!.TextContent.ShouldContain("环节");
        health.QuerySelector("[data-testid=health-attendance]")!.TextContent.ShouldContain("%");
        home.QuerySelector("[data-testid=org-overview]").ShouldBeNull();
        home.QuerySelector(".dj-unit")!.TextContent.ShouldContain("办公室");
        home.QuerySelector("[data-testid=user-menu]")!.TextContent.ShouldContain("赵敏");
    }

    [DbFact]
    public async Task ASessionOutlivesThePeriodicSecurityStampCheck()
    {
        var client = await app.SignedInClientAsync("leader");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var later = await client.GetAsync(new Uri("/", UriKind.Relative));

        later.StatusCode.ShouldBe(HttpStatusCode.OK, "the five-minute security stamp check keeps an unchanged account signed in");
    }

    [DbFact]
    public async Task OpeningTheTwoFactorEnrolmentKeepsTheSessionPastTheStampCheck()
    {
        var client = await app.SignedInClientAsync("unit");
        (await client.GetAsync(new Uri("/Account/TwoFactor/Enable", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var later = await client.GetAsync(new Uri("/Account/TwoFactor/Enable", UriKind.Relative));

        later.StatusCode.ShouldBe(HttpStatusCode.OK, "a new authenticator key renews the stamp; the session that asked for it takes the new stamp");
    }

    [DbFact]
    public async Task MemberSeesNoCampaignHealth()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("member");

        var home = await client.GetDocumentAsync("/");

        home.QuerySelector("[data-testid=campaign-health]").ShouldBeNull();
        home.QuerySelector("[data-testid=todo-count]").ShouldNotBeNull("the member still gets their own to-do list");
    }

    [DbFact]
    public async Task AnonymousVisitorIsSentToTheSignInPage()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/Account/Login");
    }

    [DbFact]
    public async Task WrongPasswordGetsAChineseMessageAndASecurityEvent()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var response = await app.CreateBrowserLikeClient().PostLoginAsync(user, "Wrong-pass1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).ErrorsText().ShouldContain("用户名或密码错误");
        (await EventsAsync(user)).ShouldContain(SecurityEventKind.SignInFailed);
    }

    [DbFact]
    public async Task EmptyFormShowsFieldMessagesInChinese()
    {
        var response = await app.CreateBrowserLikeClient().PostLoginAsync("", "");

        var errors = (await response.ParseAsync()).ErrorsText();
        errors.ShouldContain("请输入用户名。");
        errors.ShouldContain("请输入密码。");
    }

    [DbFact]
    public async Task FiveFailuresLockTheAccountEvenAgainstTheRightPassword()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var client = app.CreateBrowserLikeClient();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            last = (await (await client.PostLoginAsync(user, "Wrong-pass1")).ParseAsync()).ErrorsText();
        }

        // The failure that locks the account was a wrong password: it answers as an unknown name does (stating the rule).
        last.ShouldContain(LoginModel.FailedMessage(new SecurityOptions()));
        last.ShouldContain("账户将被锁定15分钟");
        var withRightPassword = await client.PostLoginAsync(user, "Passw0rd!x");
        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightPassword.ParseAsync()).ErrorsText().ShouldContain("账户已锁定");
        var events = await EventsAsync(user);
        events.ShouldContain(SecurityEventKind.LockedOut);
        events.ShouldContain(SecurityEventKind.SignInWhileLocked);
    }

    [DbFact]
    public async Task EveryFailureStatesTheLockoutRuleBeforeTheLockout()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var client = app.CreateBrowserLikeClient();

        var first = (await (await client.PostLoginAsync(user, "Wrong-pass1")).ParseAsync()).ErrorsText();

        first.ShouldContain("连续错误5次，账户将被锁定15分钟");
    }

    /// <summary>Only real accounts used to be told "再错N次", which told anyone which names exist.</summary>
    [DbFact]
    public async Task AnUnknownNameGetsTheSameAnswerAsAWrongPassword()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];
        var client = app.CreateBrowserLikeClient();
        var real = new List<string>();
        var invented = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostLoginAsync(user, "Wrong-pass1");
            var missing = await client.PostLoginAsync(unknown, "Wrong-pass1");
            wrong.StatusCode.ShouldBe(missing.StatusCode);
            real.Add((await wrong.ParseAsync()).ErrorsText());
            invented.Add((await missing.ParseAsync()).ErrorsText());
        }

        invented.ShouldBe(real);
        real.ShouldAllBe(m => m.Contains("用户名或密码错误"));
    }

    /// <summary>
    /// A disabled or a locked account used to say so whatever the password, which told anyone the name exists: with a
    /// wrong password each answers word for word as an unknown name and a plain wrong password do.
    /// </summary>
    [DbFact]
    public async Task AWrongPasswordForADisabledOrLockedAccountGetsTheSameAnswerAsAnUnknownName()
    {
        var real = await app.CreateUserAsync([Roles.Member]);
        var disabled = await DisabledUserAsync();
        var locked = await LockedUserAsync();
        var unknown = "nobody" + Guid.NewGuid().ToString("N")[..8];
        var before = await CountersAsync(locked);

        var answers = new List<string>();
        foreach (var name in new[] { unknown, real, disabled, locked })
        {
            var response = await app.CreateBrowserLikeClient().PostLoginAsync(name, "Wrong-pass1");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            answers.Add((await response.ParseAsync()).ErrorsText());
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldContain(LoginModel.FailedMessage(new SecurityOptions()));
        (await CountersAsync(locked)).ShouldBe(before, "a locked account's counter and lockout end are left as they were");
        // The security administrator still sees what happened.
        (await DetailsAsync(disabled)).ShouldContain((SecurityEventKind.SignInFailed, "账户已停用"));
        (await EventsAsync(locked)).ShouldContain(SecurityEventKind.SignInWhileLocked);
    }

    [DbFact]
    public async Task TheRightPasswordForADisabledOrLockedAccountIsToldWhyAndNotSignedIn()
    {
        var disabled = await DisabledUserAsync();
        var locked = await LockedUserAsync();
        var before = await CountersAsync(locked);

        var forDisabled = await app.CreateBrowserLikeClient().PostLoginAsync(disabled, "Passw0rd!x");
        var forLocked = await app.CreateBrowserLikeClient().PostLoginAsync(locked, "Passw0rd!x");

        forDisabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forDisabled.ParseAsync()).ErrorsText().ShouldContain("该账户已停用，请联系系统管理员。");
        forLocked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forLocked.ParseAsync()).ErrorsText().ShouldContain("账户已锁定");
        foreach (var response in new[] { forDisabled, forLocked })
        {
            (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));
        }

        (await CountersAsync(locked)).ShouldBe(before);
        (await EventsAsync(disabled)).ShouldNotContain(SecurityEventKind.SignInSucceeded);
        (await EventsAsync(locked)).ShouldNotContain(SecurityEventKind.SignInSucceeded);
    }

    [DbFact]
    public async Task ReturnUrlToAnotherSiteIsIgnored()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Login?ReturnUrl=http%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.UserName"] = user,
            ["Input.Password"] = "Passw0rd!x",
            ["ReturnUrl"] = "http://evil.example/",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [DbFact]
    public async Task SignOutNeedsAPostAndEndsTheSession()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("member");

        (await client.GetAsync(new Uri("/Account/Logout", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var posted = await client.PostFormAsync("/Account/Logout", new Dictionary<string, string>());
        posted.Headers.Location!.OriginalString.ShouldContain("reason=signedout");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [DbFact]
    public async Task IdleSessionEndsOnTheServerAndSaysWhy()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, "Passw0rd!x");

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "activity within 30 minutes keeps the session");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the sliding window renewed at the last request");

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync(new Uri("/", UriKind.Relative));

        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = expired.Headers.Location!.OriginalString;
        location.ShouldContain("/Account/Login");
        location.ShouldContain("reason=expired");
        var page = await client.GetDocumentAsync(location.Replace("http://localhost", "", StringComparison.Ordinal));
        page.QuerySelector("[data-testid=notice]")!.TextContent.ShouldContain("30分钟未操作");
        (await EventsAsync(null)).ShouldContain(SecurityEventKind.SessionExpired);
    }

    [DbFact]
    public async Task TamperedCookieIsRefusedAndLogged()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("member", AppFactory.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0]["dangjian.auth=".Length..];
        var tampered = value[..^6] + (value[^6] == 'A' ? "B" : "A") + value[^5..];

        var fresh = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "dangjian.auth=" + tampered);
        var result = await fresh.SendAsync(request);

        result.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        result.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
        (await EventsAsync(null)).ShouldContain(SecurityEventKind.CookieRejected);
    }

    private async Task<string> DisabledUserAsync()
    {
        var userName = await app.CreateUserAsync([Roles.Member]);
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            user.IsDisabled = true;
            return await users.UpdateAsync(user);
        });
        return userName;
    }

    private async Task<string> LockedUserAsync()
    {
        var userName = await app.CreateUserAsync([Roles.Member]);
        var result = await app.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByNameAsync(userName))!, DateTimeOffset.UtcNow.AddMinutes(15)));
        result.Succeeded.ShouldBeTrue();
        return userName;
    }

    private Task<(int Failures, DateTimeOffset? LockoutEnd)> CountersAsync(string userName) =>
        app.WithDbAsync(async db => await db.Users.Where(u => u.UserName == userName).Select(u => new ValueTuple<int, DateTimeOffset?>(u.AccessFailedCount, u.LockoutEnd)).SingleAsync());

    private Task<List<(SecurityEventKind, string?)>> DetailsAsync(string userName) =>
        app.WithDbAsync(async db => (await db.SecurityEvents.Where(e => e.UserName == userName).Select(e => new { e.Kind, e.Detail }).ToListAsync())
            .Select(e => (e.Kind, e.Detail)).ToList());

    private Task<List<SecurityEventKind>> EventsAsync(string? userName) =>
        app.WithDbAsync(db => db.SecurityEvents
            .Where(e => userName == null || e.UserName == userName)
            .Select(e => e.Kind)
            .ToListAsync());
}
