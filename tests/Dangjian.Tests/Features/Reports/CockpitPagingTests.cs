using System.Globalization;
using Dangjian.Tests.Infrastructure;

namespace Dangjian.Tests.Features.Reports;

/// <summary>
/// The cockpit's tables page through the running campaigns 20 at a time (a province runs over 150 at once), each table
/// with its own page in the address, and a page number out of range shows the nearest page.
/// </summary>
public sealed class CockpitPagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheCampaignTablePagesTwentyAtATime()
    {
        for (var i = 1; i <= 21; i++)
        {
            await app.AddCampaignAsync($"翻页测试活动{i:00}");
        }

        var leader = await app.SignedInClientAsync("leader");
        var first = await leader.GetDocumentAsync("/Dashboard");
        var running = int.Parse(first.QuerySelector("[data-testid=campaigns]")!.TextContent, CultureInfo.InvariantCulture);
        running.ShouldBeGreaterThan(21);
        var firstRows = Rows(first, "campaign-table");
        firstRows.Count.ShouldBe(20);
        var next = first.QuerySelectorAll("[data-testid=campaign-table] .pagination a").Select(a => a.GetAttribute("href")!).ToList();
        next.ShouldContain(h => h.Contains("cp=2", StringComparison.Ordinal) && h.EndsWith("#campaign-table", StringComparison.Ordinal));

        var second = await leader.GetDocumentAsync("/Dashboard?cp=2");
        var secondRows = Rows(second, "campaign-table");
        secondRows.Count.ShouldBe(running - 20);
        secondRows.ShouldAllBe(r => !firstRows.Contains(r));
        second.QuerySelector("[data-testid=campaign-table] [data-testid=total]")!.TextContent.ShouldContain($"共{running}条，第2/2页");

        // Out of range: the last page, or the first; never an error.
        Rows(await leader.GetDocumentAsync("/Dashboard?cp=99"), "campaign-table").ShouldBe(secondRows);
        Rows(await leader.GetDocumentAsync("/Dashboard?cp=-3&pp=abc"), "campaign-table").ShouldBe(firstRows);
    }

    private static List<string> Rows(AngleSharp.Dom.IDocument page, string table) =>
        page.QuerySelectorAll($"[data-testid={table}] tbody tr").Select(r => r.TextContent.Trim()).ToList();
}
