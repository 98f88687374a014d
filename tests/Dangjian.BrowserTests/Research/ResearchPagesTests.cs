using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Research;

[Collection(BrowserGroup.Name)]
public sealed class ResearchPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeRecordsATopicAndAVisitAndReadsTheOutreach()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Research");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("groups")).ToHaveTextAsync("3");
        await BrowserFixture.ShotAsync(page, "research-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "新增调研课题" }).ClickAsync();
        await page.GetByLabel("调研课题").FillAsync("科技成果转化调研");
        await page.GetByLabel("调研组").FillAsync("第四调研组");
        await BrowserFixture.ShotAsync(page, "research-topic-edit-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("调研课题已登记");
        await Expect(page.GetByTestId("no-visits")).ToBeVisibleAsync();

        await page.GetByLabel("地点、单位").FillAsync("青龙县科技局");
        await page.GetByLabel("所在县区").FillAsync("青龙县");
        await page.GetByLabel("座谈、参加或服务人数").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("visits")).ToContainTextAsync("青龙县科技局");
        await BrowserFixture.ShotAsync(page, "research-topic-desktop");

        await page.GotoAsync("/Research?view=outreach");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("activities")).ToContainTextAsync("王建国联系卢龙县科技局");
        await BrowserFixture.ShotAsync(page, "research-outreach-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "王建国联系卢龙县科技局" }).ClickAsync();
        await Expect(page.GetByTestId("visit-totals")).ToContainTextAsync("共2次");
        await BrowserFixture.ShotAsync(page, "research-activity-desktop");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ResearchAndConsultationPagesFitAPhoneAndThePublicComments()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Research");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await BrowserFixture.ShotAsync(page, "research-phone");
        await page.GetByTestId("topics-table").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByTestId("visits")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "research-topic-phone");
        await page.GotoAsync("/Research?view=outreach");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "新增载体活动" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "research-activity-edit-phone");

        await page.GotoAsync("/Opinions/Consultations");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("consultations")).ToContainTextAsync("征求中");
        await BrowserFixture.ShotAsync(page, "consultations-phone");
        var link = await page.GetByTestId("public-link").First.GetAttributeAsync("href");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.ShotAsync(page, "consultations-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建征求意见稿" }).ClickAsync();
        await BrowserFixture.ShotAsync(page, "consultation-edit-desktop");
        await page.Context.CloseAsync();

        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var visitor = await fixture.NewPageAsync(viewport);
            await visitor.GotoAsync(new Uri(link!).PathAndQuery);
            await Expect(visitor.GetByTestId("consultation-body")).ToContainTextAsync("存在的主要问题");
            await BrowserFixture.ShotAsync(visitor, $"public-consultation-{viewport}");
            if (viewport == "phone")
            {
                await visitor.WaitForTimeoutAsync(3100);
                await visitor.GetByLabel("意见和建议").FillAsync("建议把项目资金拨付慢的问题也列进去。");
                await visitor.GetByTestId("consultation-submit").ClickAsync();
                await Expect(visitor.GetByTestId("tracking-code")).ToBeVisibleAsync();
                await BrowserFixture.ShotAsync(visitor, "public-consultation-done-phone");
            }

            await visitor.Context.CloseAsync();
        }
    }
}
