using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Problems;

[Collection(BrowserGroupB.Name)]
public sealed class SelfInspectionPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheSupervisorFindsAReturnedSelfInspectionAndPassesIt()
    {
        var supervisor = await fixture.NewPageAsync();
        await fixture.SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync("/Problems/SelfInspections");
        await BrowserFixture.PickDemoCampaignAsync(supervisor);
        await Expect(supervisor.GetByTestId("self-inspections")).ToContainTextAsync("李红梅");
        await BrowserFixture.ShotAsync(supervisor, "self-inspections-desktop");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "李红梅" }).ClickAsync();
        await Expect(supervisor.GetByTestId("reviews")).ToContainTextAsync("问题找得不准");
        await BrowserFixture.ShotAsync(supervisor, "self-inspection-review-desktop");
        await supervisor.GetByLabel("审核意见").FillAsync("问题查摆具体，措施有时限，过关。");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "提交审核结果" }).ClickAsync();
        await Expect(supervisor.GetByTestId("flash")).ToContainTextAsync("审核过关");
        await Expect(supervisor.GetByTestId("status")).ToHaveTextAsync("过关");
        await supervisor.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(supervisor, "self-inspection-phone");
        await supervisor.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ALeaderWritesTheirOwnOnAPhone()
    {
        var leader = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(leader, "leader");
        await leader.GotoAsync("/Problems/SelfInspections");
        await BrowserFixture.PickDemoCampaignAsync(leader);
        await BrowserFixture.ShotAsync(leader, "self-inspections-phone");
        await leader.GetByTestId("self-inspections").Locator("li", new() { HasText = "王建国" }).GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await leader.GetByLabel("五、有关情况说明").FillAsync("本人“三公”经费支出、公务用车、办公用房符合规定。");
        await BrowserFixture.ShotAsync(leader, "self-inspection-edit-phone");
        await leader.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(leader.GetByTestId("flash")).ToContainTextAsync("草稿已保存");
        await leader.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task LifeMeetingPagesAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Meetings");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await Expect(page.GetByTestId("meetings")).ToContainTextAsync("专题民主生活会");
            await BrowserFixture.ShotAsync(page, $"meetings-{viewport}");
            await page.GetByTestId("meetings").GetByRole(AriaRole.Link, new() { Name = "机关党支部专题组织生活会" }).ClickAsync();
            await Expect(page.GetByTestId("grade-tally")).ToContainTextAsync("优秀");
            await BrowserFixture.ShotAsync(page, $"meeting-branch-{viewport}");
            await page.GotoAsync("/Meetings");
            await BrowserFixture.PickDemoCampaignAsync(page);
            await page.GetByTestId("meetings").GetByRole(AriaRole.Link, new() { Name = BrowserFixture.DemoCampaign + "专题民主生活会" }).ClickAsync();
            if (viewport == "desktop")
            {
                await page.GetByLabel("批评意见").FillAsync("希望在精简会议上带头示范。");
                await page.GetByRole(AriaRole.Button, new() { Name = "记录", Exact = true }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("已记录");
            }

            await Expect(page.GetByTestId("criticisms")).ToContainTextAsync("自我批评");
            await BrowserFixture.ShotAsync(page, $"meeting-life-{viewport}");
            await page.Context.CloseAsync();
        }
    }
}
