using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Rectification;

[Collection(BrowserGroup.Name)]
public sealed class RectificationPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheDepartmentReportsWithEvidenceAndTheSupervisorCloses()
    {
        var member = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(member, "member");
        await member.GotoAsync("/Rectification");
        await BrowserFixture.PickDemoCampaignAsync(member);
        await BrowserFixture.ShotAsync(member, "rectification-phone");
        await member.GetByRole(AriaRole.Link, new() { Name = "改进窗口服务作风" }).ClickAsync();
        await member.GetByLabel("完成进度（%）").FillAsync("100");
        await member.GetByLabel("进展情况").FillAsync("一次性告知清单和办事指南已在大厅和网站公开。");
        await member.GetByLabel("佐证材料（可多选，每个不超过10 MB）").SetInputFilesAsync(new FilePayload { Name = "办事指南.txt", MimeType = "text/plain", Buffer = "企业办事指南（2026版）"u8.ToArray() });
        await BrowserFixture.ShotAsync(member, "rectification-item-report-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await Expect(member.GetByTestId("flash")).ToContainTextAsync("等待验收销号");
        await Expect(member.GetByTestId("reports")).ToContainTextAsync("办事指南.txt");
        await member.Context.CloseAsync();

        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync("/Rectification");
        await BrowserFixture.PickDemoCampaignAsync(supervisor);
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "改进窗口服务作风" }).ClickAsync();
        await supervisor.GetByLabel("验收意见").FillAsync("审看办事指南和告知清单，整改到位。");
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await BrowserFixture.ShotAsync(supervisor, "rectification-item-desktop");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "验收销号" }).ClickAsync();
        await Expect(supervisor.GetByTestId("flash")).ToContainTextAsync("已验收销号");
        await Expect(supervisor.GetByTestId("events")).ToContainTextAsync("整改到位");
        await supervisor.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ThePlanRoadmapSpecialAndDisclosurePagesAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Rectification");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("rectification-items")).ToContainTextAsync("精简会议文件");
            await BrowserFixture.ShotAsync(page, $"rectification-{viewport}-office");
            await page.GotoAsync("/Rectification/Roadmap");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("roadmap")).ToContainTextAsync("办公室");
            await BrowserFixture.ShotAsync(page, $"rectification-roadmap-{viewport}");
            await page.GotoAsync("/Rectification/Special");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("special")).ToContainTextAsync("文山会海专项整治");
            await BrowserFixture.ShotAsync(page, $"rectification-special-{viewport}");
            await page.GotoAsync("/Rectification/Disclosure");
            await BrowserFixture.PickDemoCampaignAsync(page);
            var link = await page.GetByTestId("public-link").GetAttributeAsync("href");
            await BrowserFixture.ShotAsync(page, $"rectification-disclosure-{viewport}");
            if (viewport == "desktop")
            {
                await page.GotoAsync("/Rectification/Edit?campaignId=" + link!.Split("c=")[1]);
                await page.GetByLabel("整改事项").FillAsync("规范评审专家管理");
                await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                await Expect(page.GetByTestId("errors")).ToContainTextAsync("明确目标和措施");
                await BrowserFixture.ShotAsync(page, "rectification-edit-errors-desktop");
            }

            await page.Context.CloseAsync();

            var visitor = await fixture.NewPageAsync(viewport);
            await visitor.GotoAsync(new Uri(link!).PathAndQuery);
            await Expect(visitor.GetByTestId("public-items")).ToContainTextAsync("简化科技项目审批流程");
            await BrowserFixture.ShotAsync(visitor, $"rectification-public-{viewport}");
            await visitor.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task AUnitOfficeAddsToItsOwnPlanAndWritesItsPlanDocument()
    {
        foreach (var viewport in new[] { "phone", "desktop" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "unit");
            await page.GotoAsync("/Rectification");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("plans")).ToContainTextAsync("科技情报研究所");
            await BrowserFixture.ShotAsync(page, $"rectification-plans-unit-{viewport}");
            await page.GetByTestId("plans").GetByRole(AriaRole.Link, new() { Name = "科技情报研究所" }).ClickAsync();
            await Expect(page.GetByTestId("rectification-items")).ToContainTextAsync("提高科技查新和信息服务时效");
            await Expect(page.GetByTestId("rectification-items")).Not.ToContainTextAsync("精简会议文件");
            if (viewport == "desktop")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "新增整改事项（科技情报研究所）" }).ClickAsync();
                await page.GetByLabel("整改事项").FillAsync("公开科技文献借阅服务时间");
                await page.GetByLabel("明确目标").FillAsync("借阅服务时间全部公开。");
                await page.GetByLabel("明确措施").FillAsync("在网站和服务大厅公布借阅时间。");
                await page.GetByLabel("明确责任：责任领导").SelectOptionAsync(new SelectOptionValue { Label = "严华（所长）" });
                await page.GetByLabel("责任部门").SelectOptionAsync(new SelectOptionValue { Label = "科技情报研究所" });
                await BrowserFixture.ShotAsync(page, "rectification-edit-unit-desktop");
                await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("整改事项已新增");
                await page.GotoAsync("/Rectification");
                await BrowserFixture.PickDemoCampaignAsync(page);
                page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
                await page.GetByTestId("plans").GetByRole(AriaRole.Button, new() { Name = "重新生成" }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("已按整改事项生成整改方案草稿");
                await Expect(page.GetByLabel("正文")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("公开科技文献借阅服务时间"));
                await BrowserFixture.ShotAsync(page, "rectification-plan-document-desktop");
            }

            await page.Context.CloseAsync();
        }

        var office = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Campaigns");
        await office.GetByRole(AriaRole.Link, new() { Name = "市科技局党的群众路线教育实践活动" }).First.ClickAsync();
        await Expect(office.GetByTestId("phase-3")).ToContainTextAsync("进行中");
        await BrowserFixture.ShotAsync(office, "campaign-phase-three-phone");
        await office.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ANewCampaignShowsEmptyStatesFromProblemsToRectification()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Campaigns/Create");
        await page.GetByLabel("群众路线教育实践活动").First.CheckAsync();
        await page.GetByLabel("活动名称").FillAsync("浏览器测试：空白活动");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.GetByTestId("campaign-title")).ToHaveTextAsync("浏览器测试：空白活动");
        var id = new Uri(page.Url).Query.Split("id=")[1].Split('&')[0];
        foreach (var (path, name, empty) in new[]
        {
            ("/Problems", "problems", true), ("/Problems/SelfInspections", "self-inspections", false), ("/Meetings", "meetings", true),
            ("/Talks", "talks", false), ("/Rectification", "rectification", true), ("/Rectification/Roadmap", "roadmap", true),
            ("/Rectification/Special", "special", true), ("/Rectification/Disclosure", "disclosure", false),
        })
        {
            await page.GotoAsync($"{path}?campaignId={id}");
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            if (empty)
            {
                await Expect(page.GetByTestId("empty")).ToBeVisibleAsync();
            }

            await BrowserFixture.ShotAsync(page, $"empty-{name}-phone");
        }

        await page.Context.CloseAsync();
    }
}
