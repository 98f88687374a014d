using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Reports;

[Collection(BrowserGroupB.Name)]
public sealed class SummaryPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeDraftsTheCampaignSummaryFromTheRecords()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Reports");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await Expect(page.GetByTestId("summaries")).ToContainTextAsync("活动总结");
        await BrowserFixture.ShotAsync(page, "reports-desktop");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByTestId("summaries").Locator("li").Last.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("已按记录生成草稿");
        // Other browser tests share this server and may have recorded a reply since the demo began.
        await Expect(page.GetByTestId("summary-body")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("发放征求意见函50份、收回\\d+份"));
        await BrowserFixture.ShotAsync(page, "summary-desktop");
        var url = page.Url;
        await page.Context.CloseAsync();

        var phone = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(phone, "office");
        await phone.GotoAsync(url);
        await Expect(phone.GetByTestId("figures")).ToContainTextAsync("开展谈心谈话");
        await BrowserFixture.ShotAsync(phone, "summary-phone");
        await phone.GotoAsync("/Reports");
        await BrowserFixture.PickDemoCampaignAsync(phone);
        await BrowserFixture.ShotAsync(phone, "reports-phone");
        await phone.Context.CloseAsync();
    }
}
