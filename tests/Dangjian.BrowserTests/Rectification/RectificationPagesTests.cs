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
}
