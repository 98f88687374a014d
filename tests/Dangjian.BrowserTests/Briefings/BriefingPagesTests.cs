using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Briefings;

[Collection(BrowserGroupB.Name)]
public sealed class BriefingPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeWritesAnIssueAndTheColumnShowsPublishedOnes()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Briefings");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("briefings")).ToContainTextAsync("第1期");
            await BrowserFixture.ShotAsync(page, $"briefings-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "第1期 我局召开党的群众路线教育实践活动动员大会" }).ClickAsync();
            await Expect(page.GetByTestId("briefing-status")).ToHaveTextAsync("已通过");
            await BrowserFixture.ShotAsync(page, $"briefing-details-{viewport}");
            await page.GotoAsync("/Briefings");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "编发新一期" }).ClickAsync();
            await page.GetByLabel("期号").FillAsync("3");
            await page.GetByLabel("标题").FillAsync(viewport == "desktop" ? "浏览器测试：简报" : "手机测试：简报");
            await page.GetByLabel("正文").FillAsync("正文内容。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("第3期已经编发过了");
            await BrowserFixture.ShotAsync(page, $"briefing-new-error-{viewport}");
            await page.Context.CloseAsync();
        }

        var member = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(member, "member");
        await member.GotoAsync("/Briefings");
        await BrowserFixture.PickDemoCampaignAsync(member);
        await Expect(member.Locator("h1")).ToHaveTextAsync("活动专栏");
        await Expect(member.GetByTestId("briefings")).Not.ToContainTextAsync("第5期");
        await BrowserFixture.ShotAsync(member, "briefings-column-phone");
        await member.Context.CloseAsync();
    }
}
