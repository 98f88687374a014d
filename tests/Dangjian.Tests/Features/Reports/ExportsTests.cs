using System.Net;
using Dangjian.Tests.Infrastructure;

namespace Dangjian.Tests.Features.Reports;

/// <summary>台账导出: every ledger of the campaign listed and each link a real Excel or Word file; only the campaign office.</summary>
public sealed class ExportsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task EveryLedgerOfTheCampaignDownloadsAsARealFile()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Reports/Exports?campaignId={campaign}");
        var links = page.QuerySelectorAll("[data-export-url]").Select(i => (Name: i.GetAttribute("data-export-name")!, Url: i.GetAttribute("data-export-url")!)).ToList();
        links.Select(l => l.Name).ShouldContain("整改台账");
        links.Select(l => l.Name).ShouldContain("意见汇总表");
        links.Select(l => l.Name).ShouldContain("考勤汇总表");
        links.Select(l => l.Name).ShouldContain("谈心谈话台账");
        links.ShouldContain(l => l.Name.StartsWith("民主测评汇总表", StringComparison.Ordinal));
        links.ShouldContain(l => l.Name.StartsWith("督办台账", StringComparison.Ordinal));
        links.ShouldContain(l => l.Name.StartsWith("考核排名表", StringComparison.Ordinal));
        foreach (var (name, url) in links)
        {
            var response = await office.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            response.Content.Headers.ContentType!.MediaType!.ShouldStartWith("application/vnd.openxmlformats-officedocument", Case.Sensitive, name);
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldNotBeNullOrEmpty(name);
        }

        // The campaign's own opinions only: the export link carries the campaign.
        var opinions = await office.XlsxTextAsync($"/Opinions?handler=Export&campaignId={Guid.NewGuid()}");
        opinions.ShouldNotContain("窗口");
    }

    [DbFact]
    public async Task OnlyTheCampaignOfficeExports()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var unit = await app.SignedInClientAsync("unit");
        var page = await unit.GetDocumentAsync($"/Reports/Exports?campaignId={campaign}");
        page.QuerySelector("[data-testid=not-office]").ShouldNotBeNull();
        page.QuerySelectorAll("[data-export-url]").Length.ShouldBe(0);

        foreach (var user in new[] { "member", "leader", "observer" })
        {
            var client = await app.SignedInClientAsync(user);
            var denied = await client.GetAsync(new Uri($"/Reports/Exports?campaignId={campaign}", UriKind.Relative));
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, user);
            denied.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied", Case.Sensitive, user);
        }
    }
}
