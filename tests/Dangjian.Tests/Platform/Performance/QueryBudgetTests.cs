using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Performance;

/// <summary>
/// The query budget: the pages people use most send the same number of SQL commands whether the organization is one
/// bureau (preset S: 10 units, 60 people) or a city (preset M: 300 units, 10,000 people, 200,000 attendance records,
/// 50,000 opinions, 20,000 rectification items) — no N+1 anywhere on them.
/// </summary>
public sealed class QueryBudgetTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Pages =
    [
        "/",
        "/Dashboard/Campaign?campaignId={campaign}",
        "/Dashboard",
        "/Rectification?campaignId={campaign}",
        "/Rectification?campaignId={campaign}&status=overdue",
        "/Opinions?campaignId={campaign}",
        "/Opinions?campaignId={campaign}&nature=Criticism&PageNumber=2",
        "/Study/Attendance?campaignId={campaign}",
        "/Study/Sessions?campaignId={campaign}",
        "/Problems?campaignId={campaign}",
        "/Ledgers",
        "/Ledgers/Ledger?id={ledger}",
        "/Reports?campaignId={campaign}",
        "/Reports/Exports?campaignId={campaign}",
        "/Organization/People",
        "/Campaigns",
        "/Public/Ballot?t={ballot}",
        "/Public/Opinion?c={campaign}",
    ];

    /// <summary>
    /// Three times S in every dimension a page lists or counts (cities, people, campaigns, attendance, opinions, problems,
    /// items, ledger rows, audit history): enough to catch a query per row, at a fraction of M's seeding time (M and L
    /// are measured by <c>bench/</c>).
    /// </summary>
    private static readonly ScaleSeeder.Preset Triple = ScaleSeeder.Presets["S"] with
    {
        Name = "S3", Cities = 3, People = 180, Campaigns = 6, AttendeesPerSession = 120, OpinionsPerCampaign = 180, ProblemsPerCampaign = 24,
        ItemsPerCampaign = 60, LedgerItemsPerBureau = 30, AuditEntries = 6_000,
    };

    [DbFact]
    public async Task EachPageSendsAsManyCommandsOnThreeTimesTheDataAsOnABureau()
    {
        var small = await CountAsync(ScaleSeeder.Presets["S"]);
        var large = await CountAsync(Triple);
        Pages.Where(p => large[p] != small[p]).Select(p => $"{p}: {small[p]} SQL commands on S, {large[p]} on 3×S").ShouldBeEmpty();

        // The generated audit history is chained and sealed like live entries: the whole chain still verifies.
        var chain = await app.WithDbAsync(db => Dangjian.Web.Platform.Audit.AuditChain.VerifyAsync(db));
        chain.Intact.ShouldBeTrue(chain.Message);
        chain.Checked.ShouldBeGreaterThan(ScaleSeeder.Presets["S"].AuditEntries + Triple.AuditEntries - 1);
    }

    private async Task<Dictionary<string, int>> CountAsync(ScaleSeeder.Preset preset)
    {
        var tokens = Path.Combine(Path.GetTempPath(), $"dangjian-ballot-{Guid.NewGuid():N}.txt");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, refusal) = await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().SeedAsync(preset, "Bench@2026", tokens);
            refusal.ShouldBeNull();
        }

        var ballot = Uri.EscapeDataString((await File.ReadAllLinesAsync(tokens))[0]);
        File.Delete(tokens);

        var user = ScaleSeeder.BenchUser(preset);
        var (campaign, ledger) = await app.WithDbAsync(async db =>
        {
            var person = await db.Users.Where(u => u.UserName == user).Select(u => u.PersonId).SingleAsync();
            var unit = await db.People.Where(p => p.Id == person).Select(p => p.OrgUnitId).SingleAsync();
            var c = await db.Campaigns.Where(x => x.ScopeUnitId == unit && x.Status == Dangjian.Web.Features.Campaigns.CampaignStatus.Running).Select(x => x.Id).FirstAsync();
            var l = await db.Ledgers.Where(x => x.OwnerUnitId == unit).Select(x => x.Id).FirstAsync();
            return (c, l);
        });
        var client = await app.SignedInClientAsync(user, "Bench@2026");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in Pages)
        {
            var url = page.Replace("{campaign}", campaign.ToString(), StringComparison.Ordinal).Replace("{ledger}", ledger.ToString(), StringComparison.Ordinal)
                .Replace("{ballot}", ballot, StringComparison.Ordinal);
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{preset.Name} {url}");
            counts[page] = int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
            counts[page].ShouldBeGreaterThan(0, url);
        }

        return counts;
    }
}
