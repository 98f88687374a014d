using Dangjian.BrowserTests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Layout;

/// <summary>
/// At 375 px the lists marked <c>dj-cards</c> show one card per row, so a row's status and its next action are on the
/// screen without scrolling sideways (milestones, 考勤, 审计日志).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PhoneCardsTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task AMilestoneRowKeepsItsStatusAndActionOnThePhone()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync($"/Campaigns/Details?id={await fixture.App.DemoCampaignIdAsync()}");
        var row = page.GetByTestId("milestones").Locator("tbody tr", new() { Has = page.Locator(".dj-badge") }).Filter(new() { Has = page.Locator("button") }).First;
        await OnScreenAsync(page, row.Locator(".dj-badge"));
        await OnScreenAsync(page, row.Locator("button").First);
        await BrowserFixture.ShotAsync(page, "cards-milestones-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AnAttendanceRowKeepsItsStatusAndActionOnThePhone()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(page, "office");
        var session = await fixture.App.WithDbAsync(db => db.StudySessions.Where(s => s.Title.StartsWith("学习交流讨论会")).Select(s => s.Id).SingleAsync());
        await page.GotoAsync($"/Study/Sessions/Details?id={session}");
        var row = page.GetByTestId("attendance").Locator("tbody tr", new() { Has = page.Locator("details.dj-row-actions") }).First;
        await OnScreenAsync(page, row.Locator(".dj-badge").First);
        await OnScreenAsync(page, row.Locator("summary", new() { HasText = "登记" }));
        await BrowserFixture.ShotAsync(page, "cards-session-attendance-phone");

        await page.GotoAsync("/Study/Attendance");
        await BrowserFixture.PickDemoCampaignAsync(page);
        var person = page.GetByTestId("person-attendance").Locator("tbody tr").First;
        await OnScreenAsync(page, person.Locator("td[data-label=出勤率]"));
        await OnScreenAsync(page, person.Locator("td[data-label=缺席]"));
        // The card says what each figure is: the column heading comes from data-label.
        (await person.Locator("td[data-label=缺席]").EvaluateAsync<string>("el => getComputedStyle(el, '::before').content")).ShouldBe("\"缺席\"");
        var unit = page.GetByTestId("unit-attendance").Locator("tbody tr").First;
        await OnScreenAsync(page, unit.Locator("td[data-label=缺席]"));
        await BrowserFixture.ShotAsync(page, "cards-attendance-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AnAuditRowKeepsItsResultAndDetailsOnThePhone()
    {
        var page = await fixture.NewPageAsync("phone");
        await fixture.SignInAdminAsync(page, Roles.AuditAdmin);
        await page.GotoAsync("/Audit");
        var row = page.GetByTestId("audit").Locator("tbody tr", new() { Has = page.Locator("details") }).First;
        await OnScreenAsync(page, row.Locator("td[data-label=结果] .dj-badge"));
        await OnScreenAsync(page, row.Locator("summary", new() { HasText = "修改前后" }));
        await BrowserFixture.ShotAsync(page, "cards-audit-phone");
        await page.Context.CloseAsync();
    }

    /// <summary>Visible and wholly inside the 375 px screen once scrolled to (not cut off by a sideways-scrolling table).</summary>
    private static async Task OnScreenAsync(IPage page, ILocator element)
    {
        await element.ScrollIntoViewIfNeededAsync();
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        box.ShouldNotBeNull();
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(page.ViewportSize!.Width, "the element sticks out of the phone screen");
        await Expect(element).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
