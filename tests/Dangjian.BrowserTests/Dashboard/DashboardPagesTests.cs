using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Dashboard;

[Collection(BrowserGroup.Name)]
public sealed class DashboardPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheCampaignDashboardDrawsItsChartsWithTheSummaryFigures()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Dashboard/Campaign");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("figures")).ToContainTextAsync("学习出勤率");
            await Expect(page.GetByTestId("timeline")).ToContainTextAsync("第1环节");
            await Expect(page.GetByTestId("as-of")).ToContainTextAsync("数据截至");
            // Every chart with data is drawn by ECharts (a canvas inside), not left blank.
            await Expect(page.Locator("[data-chart][data-drawn=true] canvas").First).ToBeVisibleAsync();
            (await page.Locator("[data-chart]:not([data-drawn=true])").CountAsync()).ShouldBe(0);
            await BrowserFixture.ShotAsync(page, $"dashboard-campaign-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task TheLeaderCockpitFillsALargeScreenAndAPhone()
    {
        foreach (var viewport in new[] { "screen", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "leader");
            await page.GotoAsync("/Dashboard");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "领导驾驶舱" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("campaign-table")).ToContainTextAsync(BrowserFixture.DemoCampaign);
            await Expect(page.GetByTestId("chart-redflag")).ToContainTextAsync("流动红旗排名");
            await Expect(page.GetByTestId("as-of")).ToContainTextAsync("数据截至");
            (await page.Locator("[data-chart]:not([data-drawn=true])").CountAsync()).ShouldBe(0);
            await BrowserFixture.ShotAsync(page, $"dashboard-cockpit-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task TheSupervisionGroupSeesTheUnitsItSupervises()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "supervisor");
            await page.GotoAsync("/Dashboard/Supervision");
            await Expect(page.GetByTestId("campaign-table")).ToContainTextAsync(BrowserFixture.DemoCampaign);
            await Expect(page.GetByTestId("as-of")).ToContainTextAsync("每分钟更新");
            await BrowserFixture.ShotAsync(page, $"dashboard-supervision-{viewport}");
            await page.Context.CloseAsync();
        }
    }
}
