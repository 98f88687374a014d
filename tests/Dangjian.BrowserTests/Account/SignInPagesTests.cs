using System.Text.RegularExpressions;
using Dangjian.BrowserTests.Infrastructure;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Account;

[Collection(BrowserGroupB.Name)]
public sealed partial class SignInPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task OfficeSignsInAndSeesTheHomePageOnDesktopAndPhone()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(LoginUrl());
            await BrowserFixture.ShotAsync(page, $"login-{viewport}");

            await fixture.SignInAsync(page, "office");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("campaign-health")).ToContainTextAsync("逾期节点");
            await BrowserFixture.ShotAsync(page, $"home-office-{viewport}");
            if (viewport == "phone")
            {
                await Expect(page.Locator(".dj-nav")).Not.ToBeInViewportAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "打开菜单" }).ClickAsync();
                await Expect(page.Locator(".dj-nav").GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToBeVisibleAsync();
                await Expect(page.Locator("#dj-nav")).ToHaveClassAsync(ShownMenu());
                await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
                await BrowserFixture.ShotAsync(page, "home-office-phone-menu");
            }
            else
            {
                await Expect(page.Locator(".dj-nav").GetByRole(AriaRole.Link, new() { Name = "账户安全" })).ToBeVisibleAsync();
            }

            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task WrongPasswordThenLockoutAreExplainedInChinese()
    {
        var user = await fixture.App.CreateUserAsync([Roles.Member], "Passw0rd!x");
        var page = await fixture.NewPageAsync();

        await fixture.SignInAsync(page, user, "wrong-Passw0rd");
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("用户名或密码错误");
        await BrowserFixture.ShotAsync(page, "login-wrong-password-desktop");
        for (var i = 0; i < 4; i++)
        {
            await fixture.SignInAsync(page, user, "wrong-Passw0rd");
        }

        // The failure that locks the account answers as any wrong password does; the right password is told of the lockout.
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("账户将被锁定15分钟");
        await fixture.SignInAsync(page, user, "Passw0rd!x");
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("账户已锁定");
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("15分钟后再试");
        await page.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(page, "login-locked-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task FirstSignInForcesAPasswordChange()
    {
        var user = await fixture.App.CreateUserAsync([Roles.Member], "Passw0rd!x", mustChangePassword: true);
        var page = await fixture.NewPageAsync("phone");

        await fixture.SignInAsync(page, user, "Passw0rd!x");
        await Expect(page).ToHaveURLAsync(ChangePasswordUrl());
        await Expect(page.GetByTestId("forced")).ToBeVisibleAsync();
        await page.GetByLabel("当前密码").FillAsync("Passw0rd!x");
        await page.Locator("#Input_NewPassword").FillAsync("short");
        await page.GetByLabel("确认新密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("至少需要8个字符");
        await BrowserFixture.ShotAsync(page, "change-password-errors-phone");

        await page.GetByLabel("当前密码").FillAsync("Passw0rd!x");
        await page.Locator("#Input_NewPassword").FillAsync("Xin-Mima-2026");
        await page.GetByLabel("确认新密码").FillAsync("Xin-Mima-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("flash")).ToContainTextAsync("密码已修改");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AdministratorEnrolsTheAuthenticatorOnFirstSignIn()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "sysadmin");

        await Expect(page).ToHaveURLAsync(EnableUrl());
        await Expect(page.GetByTestId("required")).ToContainTextAsync("必须启用两步验证");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "两步验证二维码，内容与下方密钥相同" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "two-factor-enrol-desktop");
        await page.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(page, "two-factor-enrol-phone");
        await page.SetViewportSizeAsync(1366, 900);

        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("验证码").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToBeVisibleAsync();

        await page.GetByLabel("验证码").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await BrowserFixture.ShotAsync(page, "two-factor-recovery-codes-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "home-sysadmin-desktop");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("已安全退出");
        await fixture.SignInAsync(page, "sysadmin");
        await Expect(page).ToHaveURLAsync(TwoFactorUrl());
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await BrowserFixture.ShotAsync(page, "login-2fa-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AccountPagesLookRightOnBothWidths()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "leader");

            await page.GotoAsync("/Account/Security");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "账户安全" })).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, $"account-security-{viewport}");

            await page.GotoAsync("/Account/ApiTokens");
            await Expect(page.GetByTestId("empty").Or(page.Locator("table"))).ToBeVisibleAsync();
            await page.GetByLabel("名称").FillAsync($"数据对接-{viewport}");
            await page.GetByRole(AriaRole.Button, new() { Name = "创建令牌" }).ClickAsync();
            await Expect(page.GetByTestId("new-token")).ToContainTextAsync("dj_");
            await BrowserFixture.ShotAsync(page, $"api-tokens-{viewport}");

            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).First.ClickAsync();
            await Expect(page.GetByTestId("flash")).ToContainTextAsync("令牌已撤销");

            await page.GotoAsync("/no/such/page");
            await Expect(page.GetByTestId("error-page")).ToContainTextAsync("页面不存在");
            await BrowserFixture.ShotAsync(page, $"not-found-{viewport}");

            await page.GotoAsync("/api-docs/index.html");
            await Expect(page.Locator("section.swagger-ui")).ToContainTextAsync("党建工作平台 API");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await BrowserFixture.ShotAsync(page, $"api-docs-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"\bshow\b(?!ing)")]
    private static partial Regex ShownMenu();

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/Account/ChangePassword$")]
    private static partial Regex ChangePasswordUrl();

    [GeneratedRegex("/Account/TwoFactor/Enable$")]
    private static partial Regex EnableUrl();

    [GeneratedRegex("/Account/LoginWith2fa")]
    private static partial Regex TwoFactorUrl();
}
