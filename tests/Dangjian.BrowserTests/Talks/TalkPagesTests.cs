using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Talks;

[Collection(BrowserGroup.Name)]
public sealed class TalkPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeSeesTheMatrixAndRecordsAnOpenTalk()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Talks");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("matrix")).ToContainTextAsync("王建国");
        await Expect(page.GetByTestId("talks-held")).Not.ToHaveTextAsync("0");
        await BrowserFixture.ShotAsync(page, "talks-desktop");

        await page.GetByLabel("状态").SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var before = (await page.GetByTestId("coverage").TextContentAsync())!.Trim();
        await page.GetByTestId("requirements").GetByRole(AriaRole.Link, new() { Name = "记录" }).First.ClickAsync();
        await page.GetByLabel("谈话主题").FillAsync("对照“四风”交换意见，征求对本人的意见");
        await page.GetByLabel("谈话对象反映的情况和意见").FillAsync("希望减少层层开会，多到企业走走。");
        await page.GetByLabel("提醒", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("提醒、批评的内容").FillAsync("提醒注意听取基层意见。");
        await BrowserFixture.ShotAsync(page, "talk-edit-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("谈话已记录");
        await Expect(page.GetByTestId("coverage")).Not.ToHaveTextAsync(before);

        await page.GetByTestId("talks").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByTestId("talk")).ToContainTextAsync("多到企业走走");
        await BrowserFixture.ShotAsync(page, "talk-details-desktop");
        await page.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(page, "talk-details-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task TheTalkPagesFitAPhone()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Talks");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("matrix")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "talks-phone");
        await page.GotoAsync("/Talks");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "记录谈话" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "talk-edit-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task TheOfficeLinksAnOpinionToAProblemAndReadsTheOverview()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Problems");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("problems")).ToContainTextAsync("会议文件多");
            await BrowserFixture.ShotAsync(page, $"problems-{viewport}");
            await page.GetByTestId("problems").GetByRole(AriaRole.Link, new() { Name = "会议文件多，检查评比多，基层负担重" }).ClickAsync();
            await Expect(page.GetByTestId("linked")).ToContainTextAsync("检查评比太多");
            if (viewport == "desktop")
            {
                await page.GetByTestId("candidates").GetByRole(AriaRole.Checkbox).First.CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "关联到本问题" }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("已关联1条意见");
            }

            await BrowserFixture.ShotAsync(page, $"problem-details-{viewport}");
            await page.GotoAsync("/Opinions/Overview");
            await BrowserFixture.PickDemoCampaignAsync(page);
            // Another browser test answers a letter on the same server: 39 of the demo's 50, or one more.
            await Expect(page.GetByTestId("letters")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(39|40) / 50$"));
            await BrowserFixture.ShotAsync(page, $"listening-overview-{viewport}");
            await page.Context.CloseAsync();
        }
    }
}
