using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Ledgers;

[Collection(BrowserGroupB.Name)]
public sealed class AssessmentPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheSchemeRankingRedFlagAndNoticeAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Ledgers/Assessment");
            await Expect(page.GetByLabel("所属活动")).ToContainTextAsync("常设考核");
            await BrowserFixture.ShotAsync(page, $"assessment-schemes-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "机关科室季度考核" }).ClickAsync();
            await Expect(page.GetByTestId("weights")).ToHaveTextAsync("一级指标合计100分");
            await Expect(page.GetByTestId("indicators")).ToContainTextAsync("卫生检查");
            await BrowserFixture.ShotAsync(page, $"assessment-scheme-{viewport}");
            await page.GetByTestId("periods").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToHaveCountAsync(7);
            await BrowserFixture.ShotAsync(page, $"assessment-period-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "考核结果通报" }).ClickAsync();
            await Expect(page.GetByTestId("flag")).ToContainTextAsync("授予流动红旗");
            await BrowserFixture.ShotAsync(page, $"assessment-notice-{viewport}");
            await page.GotoAsync("/Ledgers/RedFlag");
            await Expect(page.GetByTestId("history").Locator("li")).ToHaveCountAsync(2);
            await BrowserFixture.ShotAsync(page, $"red-flag-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task TheMilestoneFormOffersItsRecordAndABackfillAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Campaigns");
            await page.GetByRole(AriaRole.Link, new() { Name = BrowserFixture.DemoCampaign }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "新增节点" }).ClickAsync();
            await Expect(page.GetByLabel("完成依据")).ToContainTextAsync("发出征求意见函");
            await Expect(page.GetByLabel("补录（以往的节点，截止日期可早于今天）")).Not.ToBeCheckedAsync();
            await BrowserFixture.ShotAsync(page, $"milestone-new-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task WeightsThatDoNotAddUpAreShownAndBlockAPeriod()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Ledgers/Assessment");
        await page.GetByLabel("名称").FillAsync("浏览器测试考核");
        await page.GetByRole(AriaRole.Button, new() { Name = "建立方案" }).ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("考核方案已建立");
        await page.GetByLabel("指标名称").FillAsync("学习出勤");
        await page.GetByLabel("分值").FillAsync("60");
        await page.GetByLabel("评分方式").SelectOptionAsync(new SelectOptionValue { Label = "计算：学习出勤率" });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("weights")).ToContainTextAsync("现为60分");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "开始考核" })).ToBeDisabledAsync();
        await BrowserFixture.ShotAsync(page, "assessment-weights-error-desktop");
        await page.Context.CloseAsync();
    }
}
