using Dangjian.BrowserTests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Layout;

/// <summary>
/// Every 打印 button opens the browser's print dialog (window.print, stubbed here to count calls) under the app's own
/// Content-Security-Policy: no inline handler, no violation reported.
/// </summary>
[Collection(BrowserGroupB.Name)]
public sealed class PrintButtonsTests(BrowserFixture fixture)
{
    private const string Probe = """
        window.__printed = 0;
        window.print = function () { window.__printed++; };
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.violatedDirective + " " + e.blockedURI); });
        """;

    [BrowserFact]
    public async Task TheAssessmentNoticePrints()
    {
        var (page, errors) = await OfficePageAsync();
        await page.GotoAsync("/Ledgers/Assessment");
        await page.GetByRole(AriaRole.Link, new() { Name = "机关科室季度考核" }).ClickAsync();
        await page.GetByTestId("periods").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "考核结果通报" }).ClickAsync();
        await PrintsAsync(page, errors, "打印", "print-assessment-notice-desktop");
    }

    [BrowserFact]
    public async Task TheOpinionBoxPosterPrints()
    {
        var (page, errors) = await OfficePageAsync();
        await page.GotoAsync("/Opinions/Box");
        await PrintsAsync(page, errors, "打印海报", "print-opinion-box-desktop");
    }

    [BrowserFact]
    public async Task LettersAndVotingSlipsPrint()
    {
        var letter = await fixture.App.WithDbAsync(db => db.SolicitationLetters.Select(l => l.Id).FirstAsync());
        var (page, errors) = await OfficePageAsync();
        await page.GotoAsync($"/Opinions/Letters/Print?id={letter}");
        await PrintsAsync(page, errors, "打印", "print-letters-desktop");

        var appraisal = await fixture.App.WithDbAsync(db => db.Appraisals.Where(a => a.ExtraSlips > 0).Select(a => a.Id).FirstAsync());
        (page, errors) = await OfficePageAsync();
        await page.GotoAsync($"/Appraisal/Slips?id={appraisal}");
        await PrintsAsync(page, errors, "打印", "print-slips-desktop");
    }

    [BrowserFact]
    public async Task RecoveryCodesPrint()
    {
        var (page, errors) = await NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await fixture.SignInAdminAsync(page, Roles.SecurityAdmin);
        await page.GotoAsync("/Account/Security");
        await page.GetByRole(AriaRole.Button, new() { Name = "重新生成恢复码" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        await PrintsAsync(page, errors, "打印", null);
    }

    private async Task<(IPage Page, List<string> Errors)> OfficePageAsync()
    {
        var (page, errors) = await NewPageAsync();
        await fixture.SignInAsync(page, "office");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return (page, errors);
    }

    private async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.Context.AddInitScriptAsync(Probe);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico by itself; the app has none (not a script or policy error).
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        return (page, errors);
    }

    private static async Task PrintsAsync(IPage page, List<string> errors, string button, string? shot)
    {
        if (shot is not null)
        {
            await BrowserFixture.ShotAsync(page, shot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed > 0", null, new() { Timeout = 5000 });
        (await page.EvaluateAsync<int>("() => window.__printed")).ShouldBe(1, $"{page.Url}: one click, one print dialog");
        (await page.EvaluateAsync<string[]>("() => window.__violations")).ShouldBeEmpty($"{page.Url}: Content-Security-Policy violations");
        errors.ShouldBeEmpty($"{page.Url}: console errors");
        await page.Context.CloseAsync();
    }
}
