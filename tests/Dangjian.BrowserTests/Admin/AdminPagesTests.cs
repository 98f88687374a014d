using Dangjian.BrowserTests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Admin;

[Collection(BrowserGroupB.Name)]
public sealed class AdminPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task SystemAdministratorManagesUsers()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAdminAsync(page, Roles.SystemAdmin);
        await page.GotoAsync("/Admin/Users");
        await Expect(page.GetByTestId("users")).ToContainTextAsync("office");
        await BrowserFixture.ShotAsync(page, "admin-users-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync("zhengli");
        await page.Locator("#Input_DisplayName").FillAsync("郑丽");
        await page.GetByLabel("党员干部").CheckAsync();
        await page.GetByLabel("按姓名查找人员").FillAsync("郑丽");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await page.Locator("#Input_PersonId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await BrowserFixture.ShotAsync(page, "admin-user-new-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.GetByTestId("temporary-password")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "admin-user-created-desktop");
        await page.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(page, "admin-user-created-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task SecurityAdministratorSeesRolesAndPolicy()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAdminAsync(page, Roles.SecurityAdmin);
            await page.GotoAsync("/Admin/Roles");
            await Expect(page.GetByTestId("role-campaign-office")).ToContainTextAsync("维护人员");
            await BrowserFixture.ShotAsync(page, $"admin-roles-{viewport}");
            await page.GotoAsync("/Admin/Policy");
            await page.GetByLabel("空闲超时（分钟）").FillAsync("600");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("5到60分钟");
            await BrowserFixture.ShotAsync(page, $"admin-policy-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task AuditorReadsTheLogAndVerifiesTheChain()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAdminAsync(page, Roles.AuditAdmin);
            await page.GotoAsync("/Audit");
            await Expect(page.GetByTestId("audit")).ToContainTextAsync("登录");
            await BrowserFixture.ShotAsync(page, $"audit-log-{viewport}");
            await page.GotoAsync("/Audit/Verify");
            await page.GetByRole(AriaRole.Button, new() { Name = "开始校验" }).ClickAsync();
            await Expect(page.GetByTestId("result")).ToContainTextAsync("链条完整");
            await BrowserFixture.ShotAsync(page, $"audit-verify-{viewport}");
            await page.Context.CloseAsync();
        }
    }
}
