using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Identity;

public sealed class TwoFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "Adm1n-Passw0rd";

    [DbFact]
    public async Task AdministratorMustEnrolAnAuthenticatorAndThenUseIt()
    {
        var admin = await app.CreateUserAsync([Roles.SystemAdmin], Password);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(admin, Password);

        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        home.Headers.Location!.OriginalString.ShouldBe("/Account/TwoFactor/Enable");
        var enrol = await client.GetDocumentAsync("/Account/TwoFactor/Enable");
        enrol.QuerySelector("[data-testid=required]").ShouldNotBeNull();
        enrol.QuerySelector("img.dj-qr")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var key = enrol.QuerySelector("[data-testid=shared-key]")!.TextContent;

        var wrong = await client.PostFormAsync("/Account/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        (await wrong.ParseAsync()).ErrorsText().ShouldContain("验证码不正确");

        var right = await client.PostFormAsync("/Account/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        right.Headers.Location!.OriginalString.ShouldBe("/Account/TwoFactor/RecoveryCodes");
        var codes = (await client.GetDocumentAsync("/Account/TwoFactor/RecoveryCodes")).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var next = app.CreateBrowserLikeClient();
        var step1 = await next.PostLoginAsync(admin, Password);
        step1.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
        var bad = await next.PostFormAsync(step1.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        (await bad.ParseAsync()).ErrorsText().ShouldContain("验证码不正确");
        var good = await next.PostFormAsync(step1.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await next.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var viaRecovery = app.CreateBrowserLikeClient();
        await viaRecovery.PostLoginAsync(admin, Password);
        var used = await viaRecovery.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await viaRecovery.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = app.CreateBrowserLikeClient();
        await again.PostLoginAsync(admin, Password);
        var reused = await again.PostFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        (await reused.ParseAsync()).ErrorsText().ShouldContain("恢复码无效或已使用");

        var events = await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.UserName == admin).Select(e => e.Kind).ToListAsync());
        events.ShouldContain(SecurityEventKind.TwoFactorEnabled);
        events.ShouldContain(SecurityEventKind.TwoFactorFailed);
        events.ShouldContain(SecurityEventKind.RecoveryCodeUsed);
    }

    [DbFact]
    public async Task AdministratorCannotTurnTwoFactorOff()
    {
        var admin = await app.CreateUserAsync([Roles.AuditAdmin], Password);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(admin, Password);
        var key = (await client.GetDocumentAsync("/Account/TwoFactor/Enable")).QuerySelector("[data-testid=shared-key]")!.TextContent;
        await client.PostFormAsync("/Account/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var page = await client.GetDocumentAsync("/Account/Security");
        page.QuerySelectorAll("form").ShouldNotContain(f => (f.GetAttribute("action") ?? "").Contains("DisableTwoFactor", StringComparison.Ordinal));
        var tokenForm = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokenForm });
        await client.PostAsync(new Uri("/Account/Security?handler=DisableTwoFactor", UriKind.Relative), content);

        var enabled = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == admin).Select(u => u.TwoFactorEnabled).SingleAsync());
        enabled.ShouldBeTrue();
    }

    [DbFact]
    public async Task MalformedCodeIsAFieldErrorNotACrash()
    {
        var admin = await app.CreateUserAsync([Roles.SecurityAdmin], Password);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(admin, Password);

        var response = await client.PostFormAsync("/Account/TwoFactor/Enable", new Dictionary<string, string> { ["Code"] = "12ab<script>" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).ErrorsText().ShouldContain("验证码应为6位数字");
    }

    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(key, now.AddSeconds(s))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
