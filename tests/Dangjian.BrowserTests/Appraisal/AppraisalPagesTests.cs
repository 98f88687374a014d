using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Appraisal;

[Collection(BrowserGroupB.Name)]
public sealed class AppraisalPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task AMemberVotesOnAPhoneAndTheOfficeReadsTheClosedTally()
    {
        var phone = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(phone, "member");
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Link, new() { Name = "参加民主测评：中层干部民主测评" }).ClickAsync();
        await Expect(phone.GetByTestId("ballot")).ToBeVisibleAsync();
        foreach (var target in new[] { "赵敏", "孙磊", "何俊" })
        {
            await phone.GetByRole(AriaRole.Group, new() { Name = target }).GetByLabel("好", new() { Exact = true }).CheckAsync();
        }

        await BrowserFixture.ShotAsync(phone, "appraisal-ballot-phone");
        await phone.GetByTestId("cast").ClickAsync();
        await Expect(phone.GetByTestId("ballot-done")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(phone, "appraisal-ballot-done-phone");

        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Appraisal");
        await BrowserFixture.ShotAsync(office, "appraisal-list-desktop");
        await office.GetByRole(AriaRole.Link, new() { Name = "中层干部民主测评" }).ClickAsync();
        await Expect(office.GetByTestId("hidden-results")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(office, "appraisal-open-desktop");
        await office.GetByRole(AriaRole.Link, new() { Name = "打印投票码" }).ClickAsync();
        await Expect(office.GetByTestId("slips")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(office, "appraisal-slips-desktop");
        await office.GotoAsync("/Appraisal");
        await office.GetByRole(AriaRole.Link, new() { Name = "动员大会民主评议（领导班子和领导干部）" }).ClickAsync();
        await Expect(office.GetByTestId("tally")).ToContainTextAsync("100.0%");
        await BrowserFixture.ShotAsync(office, "appraisal-tally-desktop");
        await office.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(office, "appraisal-tally-phone");
        await office.GotoAsync("/Appraisal/Edit");
        await BrowserFixture.ShotAsync(office, "appraisal-new-phone");
        await office.SetViewportSizeAsync(1366, 900);
        await BrowserFixture.ShotAsync(office, "appraisal-new-desktop");
        await office.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
