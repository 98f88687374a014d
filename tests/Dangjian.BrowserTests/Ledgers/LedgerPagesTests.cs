using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Ledgers;

[Collection(BrowserGroup.Name)]
public sealed class LedgerPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeSeesPaceAndTheDispatchSheetAtBothWidths()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/Ledgers");
            await Expect(page.GetByTestId("ledgers")).ToContainTextAsync("重点工作任务督办台账");
            await BrowserFixture.ShotAsync(page, $"ledgers-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务督办台账$") }).ClickAsync();
            await Expect(page.GetByTestId("departments")).ToContainTextAsync("高新技术科");
            await BrowserFixture.ShotAsync(page, $"ledger-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "月调度" }).First.ClickAsync();
            await Expect(page.GetByTestId("dispatch")).ToContainTextAsync("未报送");
            await BrowserFixture.ShotAsync(page, $"ledger-dispatch-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task ADepartmentMemberReportsTheMonthOnAPhone()
    {
        var member = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(member, "member");
        await member.GotoAsync("/Ledgers");
        await member.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("重点工作任务督办台账$") }).ClickAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "高新技术企业净增50家" }).ClickAsync();
        await member.GetByLabel("累计完成进度（%）").FillAsync("90");
        await member.GetByLabel("本月进展").FillAsync("本月新认定高新技术企业4家，累计净增45家。");
        await BrowserFixture.ShotAsync(member, "ledger-item-report-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(member.GetByTestId("flash")).ToContainTextAsync("进展已报送");
        await Expect(member.GetByTestId("reports")).ToContainTextAsync("净增45家");
        await member.Context.CloseAsync();
    }
}
