using System.Globalization;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Reports;

/// <summary>A fixture with the dashboards' one-minute figure cache on, as in production.</summary>
public sealed class CachedFiguresAppFactory : AppFactory
{
    // One instance: the change feed would otherwise replay this instance's own earlier saves (an opinion a previous test
    // recorded) a few seconds later and empty the cache between two looks a test compares.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Figures:CacheSeconds"] = "60", ["Instances:PollSeconds"] = "0" };
}

/// <summary>
/// The dashboards count once a minute per campaign or scope: a second look within the minute sends only the page's own
/// queries and shows the same figures with the time they were counted; another scope never sees the cached figures.
/// </summary>
public sealed class FigureCacheTests(CachedFiguresAppFactory app) : IClassFixture<CachedFiguresAppFactory>
{
    [DbFact]
    public async Task TheCampaignDashboardIsCountedOnceAMinute()
    {
        var campaignId = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var url = new Uri($"/Dashboard/Campaign?campaignId={campaignId}", UriKind.Relative);
        var first = await office.GetAsync(url);
        var firstPage = await first.Content.ReadAsStringAsync();
        var cold = SqlCommands(first);

        // An opinion recorded meanwhile shows on the list at once, and on the dashboard after the minute.
        await app.WithDbAsync(async db =>
        {
            db.Opinions.Add(new Opinion { CampaignId = campaignId, Channel = Channel.Letter, ReceivedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), Text = "缓存测试：会议太多。", Nature = Nature.Criticism, Topic = Topic.Formalism });
            return await db.SaveChangesAsync();
        });
        var second = await office.GetAsync(url);
        var warm = SqlCommands(second);
        warm.ShouldBeLessThan(cold - 10, "the board's own queries are not sent again within the minute");
        var secondPage = await second.Content.ReadAsStringAsync();
        Figure(secondPage, "opinions.total").ShouldBe(Figure(firstPage, "opinions.total"));
        secondPage.ShouldContain("每分钟更新");

        // The same figures for another user of the same organization; none for a user who may not see the campaign.
        var leader = await app.SignedInClientAsync("leader");
        var leaders = await leader.GetAsync(url);
        SqlCommands(leaders).ShouldBeLessThan(cold - 10);
        Figure(await leaders.Content.ReadAsStringAsync(), "opinions.total").ShouldBe(Figure(firstPage, "opinions.total"));
    }

    [DbFact]
    public async Task EachScopeHasItsOwnCockpit()
    {
        const string foreign = "外市的缓存测试活动";
        await app.AddCampaignAsync(foreign, foreign: true);
        var leader = await app.SignedInClientAsync("leader");
        (await leader.GetStringAsync(new Uri("/Dashboard", UriKind.Relative))).ShouldNotContain(foreign);
        var again = await leader.GetAsync(new Uri("/Dashboard", UriKind.Relative));
        var page = await again.Content.ReadAsStringAsync();
        page.ShouldContain("市科技局党的群众路线教育实践活动");
        page.ShouldNotContain(foreign);
        page.ShouldContain("数据截至");

        // The supervision group's board is over other subtrees: counted for its own scope, not served from the leader's.
        var supervisor = await app.SignedInClientAsync("supervisor");
        var supervision = await supervisor.GetStringAsync(new Uri("/Dashboard/Supervision", UriKind.Relative));
        supervision.ShouldNotContain(foreign);
        supervision.ShouldContain("市科技局党的群众路线教育实践活动");
    }

    [DbFact]
    public async Task TheAttendanceSheetIsCountedAgainAsSoonAsAttendanceIsRecorded()
    {
        var campaignId = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var url = new Uri($"/Study/Attendance?campaignId={campaignId}", UriKind.Relative);
        var cold = SqlCommands(await office.GetAsync(url));
        var warm = SqlCommands(await office.GetAsync(url));
        warm.ShouldBeLessThan(cold, "the tallies are not counted again within the minute");

        // Someone absent from a held session is marked present: the next look counts afresh and shows it.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var absentee = await app.WithDbAsync(db => (from a in db.SessionAttendees
                                                    join s in db.StudySessions on a.SessionId equals s.Id
                                                    where a.Status == Dangjian.Web.Features.Study.AttendanceStatus.Expected && s.CampaignId == campaignId && s.EndsAt <= now
                                                    select new { a.Id, a.Person!.Name }).FirstAsync());
        var before = await office.GetStringAsync(url);
        await app.WithDbAsync(async db =>
        {
            var row = await db.SessionAttendees.SingleAsync(a => a.Id == absentee.Id);
            row.Status = Dangjian.Web.Features.Study.AttendanceStatus.Present;
            return await db.SaveChangesAsync();
        });
        var after = await office.GetAsync(url);
        SqlCommands(after).ShouldBe(cold);
        var page = await after.Content.ReadAsStringAsync();
        page.ShouldNotBe(before);
    }

    [DbFact]
    public async Task PastTheMinuteTheLastFiguresAreServedWhileOneRecountRuns()
    {
        var leader = await app.SignedInClientAsync("leader");
        var url = new Uri("/Dashboard", UriKind.Relative);
        var counted = AsOf(await leader.GetStringAsync(url));

        // A minute later: the next look gets the figures it had, at once, and starts one recount in the background.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var stale = await leader.GetAsync(url);
        AsOf(await stale.Content.ReadAsStringAsync()).ShouldBe(counted);
        SqlCommands(stale).ShouldBeLessThan(12, "the request does not count the cockpit itself");

        // Once the recount is done, the next look shows the new figures, counted a minute later.
        var cache = app.Services.GetRequiredService<Dangjian.Web.Platform.Data.FigureCache>();
        for (var i = 0; i < 100 && cache.Recounting; i++)
        {
            await Task.Delay(50);
        }

        cache.Recounting.ShouldBeFalse();
        AsOf(await leader.GetStringAsync(url)).ShouldNotBe(counted);
    }

    [DbFact]
    public async Task FiguresOverAMegabyteAreKeptAsTheyAreNotSerializedToBeSized()
    {
        // A province's figures can be larger than HybridCache's 1 MB payload limit; they are kept as objects, never
        // turned into JSON (the default serializer did that on every count only to learn the size, and failed over 1 MB).
        var cache = app.Services.GetRequiredService<Dangjian.Web.Platform.Data.FigureCache>();
        var counts = 0;
        var big = Enumerable.Range(0, 150_000).Select(i => $"第{i}号单位的数字").ToList();
        Task<List<string>> Count(IServiceProvider services, CancellationToken ct)
        {
            Interlocked.Increment(ref counts);
            return Task.FromResult(big);
        }

        var key = "test:big:" + Guid.NewGuid();
        var first = await cache.GetAsync(key, Count);
        var second = await cache.GetAsync(key, Count);
        first.ShouldBeSameAs(big);
        second.ShouldBeSameAs(big);
        counts.ShouldBe(1);

        var serializer = app.Services.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.IHybridCacheSerializer<Dangjian.Web.Platform.Data.FigureCache.Box>>();
        serializer.ShouldBeOfType<Dangjian.Web.Platform.Data.FigureCache.SizeOnlySerializer>();
        var written = new System.Buffers.ArrayBufferWriter<byte>();
        serializer.Serialize(new Dangjian.Web.Platform.Data.FigureCache.Box(big, app.Clock.GetUtcNow()), written);
        written.WrittenCount.ShouldBe(1);
    }

    [DbFact]
    public async Task TheRectificationFiguresAreKeptUntilAnItemIsSaved()
    {
        var campaignId = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        // The campaign picker's list is shared by every campaign page and kept until a campaign is saved: counted here
        // first, so that the two counts below are the rectification list's own whatever test ran before.
        (await office.GetAsync(new Uri($"/Problems?campaignId={campaignId}", UriKind.Relative))).EnsureSuccessStatusCode();
        var url = new Uri($"/Rectification?campaignId={campaignId}", UriKind.Relative);
        var (cold, firstPage, warmPage) = await TwiceAsync(office, url, "the figures, plans and departments are not counted again");
        var items = Stat(firstPage, "items");
        Stat(warmPage, "items").ShouldBe(items);
        var departments = Departments(warmPage);

        // An item added meanwhile (by another department) is counted, and its department offered as a filter, at once.
        var department = await app.WithDbAsync(async db =>
        {
            var existing = await db.RectificationItems.Where(i => i.CampaignId == campaignId && i.ParentId == null).OrderBy(i => i.CreatedAt).FirstAsync();
            var used = await db.RectificationItems.Where(i => i.CampaignId == campaignId).Select(i => i.DepartmentId).Distinct().ToListAsync();
            var other = await db.OrgUnits.Where(u => !used.Contains(u.Id)).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name }).FirstAsync();
            db.RectificationItems.Add(new Dangjian.Web.Features.Rectification.RectificationItem
            {
                CampaignId = campaignId, Title = "缓存测试：整改事项", LeaderPersonId = existing.LeaderPersonId, DepartmentId = other.Id,
                StartsOn = existing.StartsOn, DueOn = existing.DueOn, Horizon = existing.Horizon, Status = Dangjian.Web.Features.Rectification.ItemStatus.InProgress,
            });
            await db.SaveChangesAsync();
            return other.Name;
        });
        var after = await office.GetAsync(url);
        SqlCommands(after).ShouldBe(cold);
        var page = await after.Content.ReadAsStringAsync();
        Stat(page, "items").ShouldBe(items + 1);
        Departments(page).Count.ShouldBe(departments.Count + 1);
        Departments(page).ShouldContain(department);
    }

    private static List<string> Departments(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("select[name=departmentId] option[value]:not([value=''])").Select(o => o.TextContent.Trim()).ToList();

    private static int Stat(string html, string testId)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return int.Parse(document.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim(), CultureInfo.InvariantCulture);
    }

    [DbFact]
    public async Task TheOpinionCountsAreKeptUntilAnOpinionIsSaved()
    {
        var campaignId = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        // The top bar's campaign list (kept until a campaign changes) is filled first, so the counts below compare only
        // what an opinion saved in between makes the page count again.
        (await office.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
        var url = new Uri($"/Opinions?campaignId={campaignId}&nature=Criticism", UriKind.Relative);
        var (cold, firstPage, warmPage) = await TwiceAsync(office, url, "the facet counts and the pager's total are not counted again");
        warmPage.ShouldContain(TotalLine(firstPage));

        // A criticism recorded meanwhile is counted and listed on the next look.
        await app.WithDbAsync(async db =>
        {
            db.Opinions.Add(new Opinion { CampaignId = campaignId, Channel = Channel.Letter, ReceivedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), Text = "意见汇总缓存测试：会议仍然太多。", Nature = Nature.Criticism, Topic = Topic.Formalism });
            return await db.SaveChangesAsync();
        });
        var after = await office.GetAsync(url);
        SqlCommands(after).ShouldBe(cold);
        var page = await after.Content.ReadAsStringAsync();
        page.ShouldContain("意见汇总缓存测试：会议仍然太多。");
        Shown(page).ShouldBe(Shown(firstPage) + 1);
    }

    private static string AsOf(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector("[data-testid='as-of']")!.TextContent.Trim();
    }

    private static string TotalLine(string html) => $"共{Shown(html)}条";

    private static int Shown(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "共(\\d+)条，原汁原味").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Opens <paramref name="url"/> twice: the second look sends fewer commands. The first's count and both pages.</summary>
    private static async Task<(int Cold, string First, string Warm)> TwiceAsync(HttpClient client, Uri url, string because)
    {
        var first = await client.GetAsync(url);
        var warm = await client.GetAsync(url);
        SqlCommands(warm).ShouldBeLessThan(SqlCommands(first), because);
        return (SqlCommands(first), await first.Content.ReadAsStringAsync(), await warm.Content.ReadAsStringAsync());
    }

    private static int SqlCommands(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), CultureInfo.InvariantCulture);

    private static string Figure(string html, string key)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.QuerySelector($"[data-figure='{key}'] .dj-stat")!.TextContent.Trim();
    }
}
