using System.Net;
using AngleSharp.Dom;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;

namespace Dangjian.Tests.Platform.Web;

/// <summary>
/// No dead ends (issue 21): for each demo role, every page in its menu and every link on those pages and on the home
/// page (depth 2) opens for that role — no link, tile or row leads to a refusal, a 404 or an error. The same crawl checks
/// that a status word wears one colour everywhere (one badge vocabulary).
/// </summary>
public sealed class NoDeadEndsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] BusinessRoles = ["office", "leader", "member", "unit", "supervisor", "observer"];

    private static readonly string[] BadgeRoles = ["office", "supervisor", "leader"];

    private static readonly string[] AdminRoles = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];

    /// <summary>How many links of one route (the same path and query names) are followed: enough to meet different rows.</summary>
    private const int PerRoute = 2;

    [DbFact]
    public async Task EveryLinkReachableFromEachRolesMenuOpens()
    {
        var crawls = await Task.WhenAll(BusinessRoles.Select(async role => await CrawlAsync(role, await app.SignedInClientAsync(role)))
            .Concat(AdminRoles.Select(async role => await CrawlAsync(role, await app.AdminClientAsync(role)))));

        var dead = crawls.SelectMany(c => c.Dead).ToList();
        dead.ShouldBeEmpty($"死链（{dead.Count}）：\n{string.Join("\n", dead)}");
        foreach (var crawl in crawls)
        {
            crawl.Visited.ShouldBeGreaterThan(3, $"{crawl.Role} 的菜单至少有几页可走");
        }
    }

    [DbFact]
    public async Task AStatusWordWearsOneColourOnEveryPage()
    {
        var crawls = await Task.WhenAll(BadgeRoles.Select(async role => await CrawlAsync(role, await app.SignedInClientAsync(role))));
        var colours = crawls.SelectMany(c => c.Badges)
            .GroupBy(b => b.Word)
            .Where(g => g.Select(b => b.Colour).Distinct().Count() > 1)
            .Select(g => $"“{g.Key}”：{string.Join("、", g.GroupBy(b => b.Colour).Select(c => $"{c.Key}（{c.First().Url}）"))}")
            .ToList();
        crawls.Sum(c => c.Badges.Count).ShouldBeGreaterThan(20, "the crawl meets status badges");
        colours.ShouldBeEmpty($"同一状态词用了不同颜色：\n{string.Join("\n", colours)}");
    }

    private sealed record Crawl(string Role, List<string> Dead, List<(string Word, string Colour, string Url)> Badges)
    {
        public int Visited { get; set; }
    }

    private static async Task<Crawl> CrawlAsync(string role, HttpClient client)
    {
        var crawl = new Crawl(role, [], []);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var home = await GetAsync(client, "/", crawl, "首页");
        if (home is null)
        {
            return crawl;
        }

        var menu = home.QuerySelectorAll(".dj-nav a.nav-link").Select(a => a.GetAttribute("href")!).Where(Followable).Distinct().ToList();
        var depth2 = new List<(string From, string Url)>();
        depth2.AddRange(Links(home).Select(u => ("/", u)));
        foreach (var url in menu)
        {
            if (!seen.Add(url))
            {
                continue;
            }

            var page = await GetAsync(client, url, crawl, "菜单");
            if (page is not null)
            {
                depth2.AddRange(Links(page).Select(u => (url, u)));
            }
        }

        foreach (var (from, url) in depth2)
        {
            if (!seen.Add(url))
            {
                continue;
            }

            var key = RouteKey(url);
            perRoute[key] = perRoute.GetValueOrDefault(key) + 1;
            if (perRoute[key] > PerRoute)
            {
                continue;
            }

            await GetAsync(client, url, crawl, from);
        }

        return crawl;
    }

    /// <summary>GETs a page as the role; a refusal, a missing page or an error is a dead end (a redirect is followed once).</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument?> GetAsync(HttpClient client, string url, Crawl crawl, string from, bool redirected = false)
    {
        crawl.Visited++;
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var status = response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently)
        {
            if (location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) || location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
            {
                crawl.Dead.Add($"{crawl.Role}：{from} → {url} → {location}");
                return null;
            }

            var next = location.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase) ? location["http://localhost".Length..] : location;
            return redirected || !next.StartsWith('/') ? null : await GetAsync(client, next, crawl, url, redirected: true);
        }

        if (status != HttpStatusCode.OK)
        {
            crawl.Dead.Add($"{crawl.Role}：{from} → {url} → {(int)status}");
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }

        var document = await response.ParseAsync();
        foreach (var badge in document.QuerySelectorAll(".dj-badge"))
        {
            var colour = badge.ClassList.FirstOrDefault(c => c.StartsWith("dj-status-", StringComparison.Ordinal));
            var word = badge.TextContent.Trim();
            if (colour is not null && word.Length > 0 && !word.Any(char.IsDigit))
            {
                crawl.Badges.Add((word, colour["dj-status-".Length..], url));
            }
        }

        return document;
    }

    /// <summary>The page's own links (its main part and the top bar), not the menu (crawled as depth 1).</summary>
    private static IEnumerable<string> Links(IDocument page) =>
        page.QuerySelectorAll("main a[href], header a[href]").Select(a => a.GetAttribute("href")!).Where(Followable).Select(u => u.Split('#')[0]).Distinct();

    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/files/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A route as a shape: the path and the names of its query values.</summary>
    private static string RouteKey(string url)
    {
        var parts = url.Split('?', 2);
        var names = parts.Length < 2 ? Enumerable.Empty<string>() : parts[1].Split('&').Select(p => p.Split('=')[0].ToUpperInvariant()).Order(StringComparer.Ordinal);
        return parts[0].ToUpperInvariant() + "?" + string.Join("&", names);
    }
}
