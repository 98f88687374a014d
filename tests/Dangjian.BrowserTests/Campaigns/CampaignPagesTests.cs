using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Campaigns;

[Collection(BrowserGroupB.Name)]
public sealed class CampaignPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task OfficeCreatesACampaignFromATemplateAndSubmitsThePlan()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Campaigns");
        await Expect(page.GetByTestId("campaigns")).ToContainTextAsync("市科技局党的群众路线教育实践活动");
        await BrowserFixture.ShotAsync(page, "campaigns-list-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "新建活动" }).ClickAsync();
        await page.GetByLabel("深入学习实践科学发展观活动").CheckAsync();
        await page.GetByLabel("活动名称").FillAsync("浏览器测试：学习实践活动");
        await BrowserFixture.ShotAsync(page, "campaign-create-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.GetByTestId("campaign-title")).ToHaveTextAsync("浏览器测试：学习实践活动");
        await Expect(page.GetByTestId("phases")).ToContainTextAsync("分析检查");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#personId").SelectOptionAsync(new SelectOptionValue { Label = "周海涛（市委第三督导组）" });
        await page.Locator("#group").SelectOptionAsync(new SelectOptionValue { Label = "督导组" });
        await page.Locator("#title").FillAsync("组长");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入小组" }).ClickAsync();
        await Expect(page.GetByTestId("group-Supervision")).ToContainTextAsync("周海涛");
        await page.GetByRole(AriaRole.Button, new() { Name = "启动活动" }).ClickAsync();
        await Expect(page.GetByTestId("campaign-status")).ToHaveTextAsync("进行中");
        await page.GetByTestId("documents").GetByRole(AriaRole.Link).First.ClickAsync();
        var documentUrl = page.Url;
        await page.GetByLabel("正文").FillAsync("实施方案（浏览器测试稿）");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交督导组审核" }).ClickAsync();
        await Expect(page.GetByTestId("document-status")).ToHaveTextAsync("待审核");
        await BrowserFixture.ShotAsync(page, "campaign-document-submitted-desktop");

        var supervisor = await fixture.NewPageAsync("phone");
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await fixture.SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync(documentUrl);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(supervisor.GetByTestId("errors")).ToContainTextAsync("请填写修改意见");
        await supervisor.GetByLabel("审核意见（退回时必填）").FillAsync("请补充各环节的时间安排。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(supervisor.GetByTestId("document-status")).ToHaveTextAsync("已退回");
        await BrowserFixture.ShotAsync(supervisor, "document-returned-phone");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("comment")).ToContainTextAsync("请补充各环节的时间安排");
        await page.GetByLabel("正文").FillAsync("实施方案（浏览器测试稿）\n三、时间安排：见附表。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交督导组审核" }).ClickAsync();
        await Expect(page.GetByTestId("document-status")).ToHaveTextAsync("待审核");

        await supervisor.ReloadAsync();
        await Expect(supervisor.GetByTestId("changes")).ToContainTextAsync("时间安排");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(supervisor.GetByTestId("document-status")).ToHaveTextAsync("已通过");
        await BrowserFixture.ShotAsync(supervisor, "document-approved-phone");
        await supervisor.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task CampaignOverviewLooksRightOnBothWidths()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Campaigns");
            await page.GetByRole(AriaRole.Link, new() { Name = "市科技局党的群众路线教育实践活动" }).ClickAsync();
            await Expect(page.GetByTestId("overdue")).ToContainTextAsync("逾期");
            await BrowserFixture.ShotAsync(page, $"campaign-details-{viewport}");
            await page.GotoAsync("/");
            await BrowserFixture.ShotAsync(page, $"home-office-campaign-{viewport}");
            await page.GotoAsync("/Campaigns/Phases");
            await Expect(page.GetByTestId("entries").Or(page.GetByTestId("empty"))).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, $"campaign-calendar-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task SupervisorReviewsFromTheQueue()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "supervisor");
            await page.GotoAsync("/Campaigns/Approvals");
            await BrowserFixture.ShotAsync(page, $"approvals-queue-{viewport}");
            await page.GotoAsync("/Campaigns");
            await page.GetByRole(AriaRole.Link, new() { Name = "市科技局党的群众路线教育实践活动" }).ClickAsync();
            await page.GetByTestId("documents").GetByRole(AriaRole.Link, new() { Name = "市科技局党的群众路线教育实践活动实施方案" }).ClickAsync();
            await Expect(page.GetByTestId("versions")).ToContainTextAsync("第2版");
            await Expect(page.GetByTestId("changes")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, $"document-versions-{viewport}");
            await page.Context.CloseAsync();
        }

        var reviewer = await fixture.NewPageAsync();
        await fixture.SignInAsync(reviewer, "supervisor");
        await reviewer.GotoAsync("/Campaigns/Approvals");
        var pending = reviewer.GetByTestId("approvals").GetByRole(AriaRole.Link, new() { Name = "局党组中心组学习计划" });
        if (await pending.CountAsync() > 0)
        {
            await pending.ClickAsync();
            await reviewer.GetByLabel("审核意见（退回时必填）").FillAsync("同意。");
            await BrowserFixture.ShotAsync(reviewer, "document-review-desktop");
            reviewer.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
            await Expect(reviewer.GetByTestId("document-status")).ToHaveTextAsync("已通过");
        }

        await reviewer.GotoAsync("/Notifications");
        await BrowserFixture.ShotAsync(reviewer, "notifications-desktop");
        await reviewer.Context.CloseAsync();
    }
}
