using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Rules;

[Collection(BrowserGroupB.Name)]
public sealed class RulePagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheRegistryReviewAndHandbookAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Rules");
            await Expect(page.GetByTestId("rules")).ToContainTextAsync("市科技局会议计划管理办法");
            await BrowserFixture.ShotAsync(page, $"rules-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "市科技局公务接待管理办法（2026年修订）" }).ClickAsync();
            await Expect(page.GetByTestId("history")).ToContainTextAsync("替代了");
            await BrowserFixture.ShotAsync(page, $"rule-details-{viewport}");
            await page.GotoAsync("/Rules/Reviews");
            await page.GetByTestId("reviews").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByTestId("decisions")).ToContainTextAsync("公务用车");
            await BrowserFixture.ShotAsync(page, $"rule-review-{viewport}");
            await page.GotoAsync("/Rules/Handbook");
            await Expect(page.GetByTestId("contents")).ToContainTextAsync("局党组理论学习中心组学习制度");
            await BrowserFixture.ShotAsync(page, $"rule-handbook-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task TheOfficeRevisesARuleAndTheOldOneIsAbolished()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Rules?q=考勤");
        await page.GetByRole(AriaRole.Link, new() { Name = "市科技局机关考勤管理办法" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "修订", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("替代（修订）的制度")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("[0-9a-f-]{36}"));
        await page.GetByLabel("制度名称").FillAsync("市科技局机关考勤管理办法（修订）");
        await page.GetByLabel("施行日期").FillAsync("2000-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("施行日期不能早于印发日期");
        await BrowserFixture.ShotAsync(page, "rule-revise-error-desktop");
        await page.GetByLabel("施行日期").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("修订版已登记");
        await page.GetByTestId("history").GetByRole(AriaRole.Link, new() { Name = "市科技局机关考勤管理办法" }).ClickAsync();
        await Expect(page.GetByTestId("rule-status")).ToHaveTextAsync("已废止");
        await page.Context.CloseAsync();
    }
}
