using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Opinions;

[Collection(BrowserGroup.Name)]
public sealed class OpinionPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task ThePublicScansThePosterLeavesAnOpinionAndReadsTheReply()
    {
        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Opinions/Box");
        await BrowserFixture.ShotAsync(office, "opinion-box-poster-desktop");
        var link = await office.GetByTestId("box-link").First.GetAttributeAsync("href");

        var phone = await fixture.NewPageAsync("phone");
        await phone.GotoAsync(link!);
        await phone.GetByLabel("意见和建议").FillAsync("窗口服务时间太短，中午不办公，企业来回跑。");
        await phone.GetByLabel("反映对象（选填，如：领导班子、某科室）").FillAsync("办公室");
        await BrowserFixture.ShotAsync(phone, "opinion-box-phone");
        await phone.WaitForTimeoutAsync(3200);
        await phone.GetByTestId("box-submit").ClickAsync();
        await Expect(phone.GetByTestId("box-done")).ToBeVisibleAsync();
        var code = (await phone.GetByTestId("tracking-code").TextContentAsync())!.Trim();
        await BrowserFixture.ShotAsync(phone, "opinion-box-done-phone");

        await office.GotoAsync("/Opinions?channel=PublicBox");
        await Expect(office.GetByTestId("opinions")).ToContainTextAsync("中午不办公");
        await BrowserFixture.ShotAsync(office, "opinions-desktop");
        await office.GetByTestId("opinions").Locator("li", new() { HasText = "中午不办公" }).GetByRole(AriaRole.Link, new() { Name = "分类、备注与答复" }).ClickAsync();
        await office.GetByLabel("性质").SelectOptionAsync(new SelectOptionValue { Label = "批评" });
        await office.GetByLabel("答复（提交人可凭查询码查看）").FillAsync("已实行中午轮班值守，感谢您的意见。");
        await BrowserFixture.ShotAsync(office, "opinion-edit-desktop");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(office.GetByTestId("flash")).ToContainTextAsync("已保存");
        await office.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(office, "opinions-phone");

        await phone.GotoAsync("/Public/Reply");
        await phone.GetByPlaceholder("输入查询码").FillAsync(code);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(phone.GetByTestId("reply-text")).ToContainTextAsync("中午轮班值守");
        await BrowserFixture.ShotAsync(phone, "opinion-reply-phone");
        await phone.Context.CloseAsync();
        await office.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ForumsShowTheLeaderRuleAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Opinions/Forums");
            await BrowserFixture.PickDemoCampaignAsync(page);

            await Expect(page.GetByTestId("leader-rule")).ToContainTextAsync("王建国");
            await BrowserFixture.ShotAsync(page, $"forums-{viewport}");
            await page.GetByTestId("forums").GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByTestId("forum-opinions")).ToBeVisibleAsync();
            await BrowserFixture.ShotAsync(page, $"forum-details-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task AnAddresseeRepliesToTheLetterOnAPhone()
    {
        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Opinions/Letters");
        await Expect(office.GetByTestId("letters")).ToContainTextAsync("发出50份，收回39份");
        await BrowserFixture.ShotAsync(office, "letters-desktop");
        await office.GetByTestId("letters").GetByRole(AriaRole.Link).First.ClickAsync();
        await BrowserFixture.ShotAsync(office, "letter-details-desktop");
        await office.GetByRole(AriaRole.Link, new() { Name = "打印函件" }).ClickAsync();
        await Expect(office.GetByTestId("letter-page").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(office, "letter-print-desktop");
        var link = await office.GetByTestId("reply-link").First.GetAttributeAsync("href");

        var phone = await fixture.NewPageAsync("phone");
        await phone.GotoAsync(link!);
        await phone.GetByLabel("1. 总体评价").FillAsync("总体较好。");
        await phone.GetByLabel("3. 意见建议").FillAsync("建议减少检查评比。");
        await BrowserFixture.ShotAsync(phone, "letter-reply-phone");
        await phone.GetByTestId("letter-submit").ClickAsync();
        await Expect(phone.GetByTestId("letter-done")).ToBeVisibleAsync();

        await office.GoBackAsync();
        await office.ReloadAsync();
        await Expect(office.GetByTestId("letter-counts")).ToContainTextAsync("40");
        await office.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(office, "letter-details-phone");
        await office.GotoAsync("/Opinions/Letters");
        await BrowserFixture.ShotAsync(office, "letters-phone");
        await phone.Context.CloseAsync();
        await office.Context.CloseAsync();
    }
}
