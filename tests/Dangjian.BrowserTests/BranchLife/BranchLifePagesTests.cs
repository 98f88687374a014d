using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.BranchLife;

[Collection(BrowserGroupB.Name)]
public sealed class BranchLifePagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficeReadsTheBoardAndRecordsAThemeDay()
    {
        foreach (var viewport in new[] { "desktop", "phone" })
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");
            await page.GotoAsync("/BranchLife");
            await Expect(page.GetByTestId("board")).ToContainTextAsync("机关党支部");
            await BrowserFixture.ShotAsync(page, $"branch-life-{viewport}");
            await page.GetByRole(AriaRole.Link, new() { Name = "本年" }).ClickAsync();
            await Expect(page.GetByTestId("board")).ToContainTextAsync("缺");
            await BrowserFixture.ShotAsync(page, $"branch-life-year-{viewport}");
            if (viewport == "desktop")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "登记会议" }).ClickAsync();
                await page.GetByLabel("主题").FillAsync("主题党日：学习新修订的纪律处分条例");
                await BrowserFixture.ShotAsync(page, "branch-meeting-edit-desktop");
                await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("会议已登记");
                await page.GetByTestId("attendees").GetByLabel("到会").First.CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "保存到会情况" }).ClickAsync();
                await Expect(page.GetByTestId("flash")).ToContainTextAsync("到会情况已保存");
                await BrowserFixture.ShotAsync(page, "branch-meeting-desktop");
            }
            else
            {
                await page.GetByTestId("meetings").GetByRole(AriaRole.Link).First.ClickAsync();
                await Expect(page.GetByTestId("meeting")).ToBeVisibleAsync();
                await BrowserFixture.ShotAsync(page, "branch-meeting-phone");
            }

            await page.Context.CloseAsync();
        }
    }
}
