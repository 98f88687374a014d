using System.Net;
using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Reports;

/// <summary>活动看板, 领导驾驶舱 and 督导看板: the same figures as the reports, charts with their tables, and who may see them.</summary>
public sealed class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheCampaignDashboardShowsTheSummarysOwnFigures()
    {
        var campaignId = await app.DemoCampaignIdAsync();
        var figures = await ReportFiguresAsync(campaignId);
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Dashboard/Campaign?campaignId={campaignId}");
        foreach (var key in new[] { "study.attendance", "opinions.total", "problems.total", "rectification.closedRate", "rectification.overdue", "talks.count", "briefings.issued" })
        {
            var tile = page.QuerySelector($"[data-figure='{key}']");
            tile.ShouldNotBeNull(key);
            tile.QuerySelector(".dj-stat")!.TextContent.Trim().ShouldBe(figures[key], key);
            tile.GetAttribute("href").ShouldBe(figures.Link(key), key);
        }

        page.QuerySelector("[data-figure='letters.returned'] .dj-stat")!.TextContent.Trim().ShouldBe($"{figures["letters.returned"]} / {figures["letters.sent"]}");

        // Each chart carries a parseable ECharts option and a table with the same numbers.
        var natures = page.QuerySelector("[data-testid=chart-natures]")!;
        var option = JsonDocument.Parse(natures.QuerySelector("[data-chart]")!.GetAttribute("data-chart")!);
        var slices = option.RootElement.GetProperty("series")[0].GetProperty("data").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble());
        slices["肯定"].ShouldBe(double.Parse(figures["opinions.affirmative"], System.Globalization.CultureInfo.InvariantCulture));
        natures.QuerySelectorAll("table tr").Select(r => r.TextContent).ShouldContain(t => t.Contains("肯定", StringComparison.Ordinal) && t.Contains($"{figures["opinions.affirmative"]}条", StringComparison.Ordinal));
        page.QuerySelector("[data-testid=timeline]")!.TextContent.ShouldContain("第3环节");
        page.QuerySelector("[data-testid=overdue-items]")!.TextContent.ShouldContain("改进窗口服务作风");
    }

    [DbFact]
    public async Task TheCockpitIsForTheOfficeLeadersAndSupervisorsOnly()
    {
        var leader = await app.SignedInClientAsync("leader");
        var cockpit = await leader.GetDocumentAsync("/Dashboard");
        cockpit.QuerySelector("[data-testid=campaign-table]")!.TextContent.ShouldContain("市科技局党的群众路线教育实践活动");
        cockpit.QuerySelector("[data-testid=plan-table]")!.TextContent.ShouldContain("科技情报研究所");
        cockpit.QuerySelector("[data-testid=chart-redflag]")!.TextContent.ShouldContain("高新技术科");
        cockpit.QuerySelector("[data-testid=chart-ledgers] [data-chart]").ShouldNotBeNull();
        int.Parse(cockpit.QuerySelector("[data-testid=items-overdue]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(int.Parse((await ReportFiguresAsync(await app.DemoCampaignIdAsync()))["rectification.overdue"], System.Globalization.CultureInfo.InvariantCulture));

        foreach (var user in new[] { "member", "unit", "observer" })
        {
            var client = await app.SignedInClientAsync(user);
            var denied = await client.GetAsync(new Uri("/Dashboard", UriKind.Relative));
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, user);
            denied.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied", Case.Sensitive, user);
        }

        var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetAsync(new Uri("/Dashboard", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [DbFact]
    public async Task TheSupervisionDashboardCoversOnlyTheSupervisedUnits()
    {
        var supervisor = await app.SignedInClientAsync("supervisor");
        var page = await supervisor.GetDocumentAsync("/Dashboard/Supervision");
        page.QuerySelector("[data-testid=campaign-table]")!.TextContent.ShouldContain("市科技局党的群众路线教育实践活动");

        var office = await app.SignedInClientAsync("office");
        (await office.GetAsync(new Uri("/Dashboard/Supervision", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    [DbFact]
    public async Task AnotherOrganizationsCampaignIsNeverShown()
    {
        var foreign = await app.AddCampaignAsync("外市的活动", foreign: true);

        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Dashboard/Campaign?campaignId={foreign}");
        page.Body!.TextContent.ShouldNotContain("外市的活动");
        var leader = await app.SignedInClientAsync("leader");
        (await leader.GetDocumentAsync("/Dashboard")).Body!.TextContent.ShouldNotContain("外市的活动");
    }

    private async Task<SummaryFigures.Report> ReportFiguresAsync(Guid campaignId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Data.AppDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        return await scope.ServiceProvider.GetRequiredService<SummaryFigures>().ReportAsync(campaign);
    }
}
