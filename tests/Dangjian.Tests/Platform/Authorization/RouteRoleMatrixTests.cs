using System.Net;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Authorization;

/// <summary>
/// The declared route × role matrix: every GET route of the app — each Razor page, each named GET handler of a page
/// (exports), each API and other endpoint, enumerated from the running app — with the answer each demo role must get,
/// requested once per role with real ids from the demo data. A route without a row fails, so a new page or endpoint
/// cannot ship without deciding who reads it. Anonymous visitors are covered by <c>EndpointInventoryTests</c>.
/// </summary>
public sealed class RouteRoleMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The columns of <see cref="Matrix"/>, in order.</summary>
    private static readonly string[] Columns = ["office", "leader", "member", "unit", "supervisor", "observer", Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];

    /// <summary>
    /// Route (page path, page path with <c>?handler=</c>, or <c>GET</c> and the route pattern) → the URL requested (with
    /// <c>{name}</c> placeholders for demo ids, see <see cref="IdsAsync"/>) → one letter per column: O 200, D refused
    /// (403, or the page's redirect to 无权访问), N 404 (outside the caller's scope or not readable by them), R another
    /// redirect (a page that sends the caller on), B 400.
    /// </summary>
    private static readonly (string Route, string Url, string Expected)[] Matrix =
    [
    ];

    [DbFact]
    public async Task EveryGetRouteAnswersEachRoleAsDeclared()
    {
        var routes = await RoutesAsync();
        var declared = Matrix.ToDictionary(r => r.Route, StringComparer.Ordinal);
        var missing = routes.Where(r => !declared.ContainsKey(r)).ToList();
        var stale = declared.Keys.Where(r => !routes.Contains(r)).ToList();

        var ids = await IdsAsync();
        var clients = new List<HttpClient>();
        foreach (var column in Columns)
        {
            clients.Add(Roles.IsAdministrator(column) ? await app.AdminClientAsync(column) : await app.SignedInClientAsync(column));
        }

        var wrong = new List<string>();
        var actual = new StringBuilder();
        foreach (var route in routes)
        {
            var url = declared.TryGetValue(route, out var row) ? row.Url : GuessUrl(route);
            var concrete = Fill(url, ids);
            var answers = new StringBuilder();
            foreach (var client in clients)
            {
                using var response = await client.GetAsync(new Uri(concrete, UriKind.Relative));
                answers.Append(Outcome(response));
            }

            var got = Spaced(answers.ToString());
            actual.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"        (\"{route}\", \"{url}\", \"{got}\"),");
            if (row.Expected is { } expected && Spaced(expected.Replace(" ", "", StringComparison.Ordinal)) != got)
            {
                wrong.Add($"{route} ({concrete}): expected {expected}, got {got}");
            }
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"没有声明的路由（{missing.Count}）：{string.Join("、", missing)}");
        }

        if (stale.Count > 0)
        {
            problems.Add($"声明了但不存在的路由：{string.Join("、", stale)}");
        }

        if (wrong.Count > 0)
        {
            problems.Add($"与声明不符（{wrong.Count}）：\n{string.Join("\n", wrong)}");
        }

        problems.ShouldBeEmpty($"{string.Join("\n", problems)}\n实际结果：\n{actual}");
    }

    /// <summary>Every GET route of the running app, as the matrix names them.</summary>
    private async Task<List<string>> RoutesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                routes.Add(page.ViewEnginePath);
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Get" && !string.IsNullOrEmpty(h.Name)))
                {
                    routes.Add($"{page.ViewEnginePath}?handler={handler.Name}");
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Contains("GET", StringComparer.OrdinalIgnoreCase))
            {
                routes.Add("GET /" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'));
            }
        }

        return [.. routes];
    }

    /// <summary>For a route with no row yet: its path, so the failure message shows what it answers.</summary>
    private static string GuessUrl(string route) => route.StartsWith("GET ", StringComparison.Ordinal) ? route[4..] : route;

    private static string Fill(string url, IReadOnlyDictionary<string, Guid> ids)
    {
        foreach (var (name, id) in ids)
        {
            url = url.Replace("{" + name + "}", id.ToString(), StringComparison.Ordinal);
        }

        return url;
    }

    private static string Spaced(string letters) => string.Join(' ', letters.ToCharArray());

    private static char Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return (int)response.StatusCode switch
        {
            200 => 'O',
            403 => 'D',
            302 when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => 'D',
            301 or 302 or 303 or 307 => 'R',
            404 => 'N',
            400 => 'B',
            _ => 'X',
        };
    }

    /// <summary>Real ids from the demo data, one per kind of record a route needs (the first of each, by creation).</summary>
    private Task<Dictionary<string, Guid>> IdsAsync() => app.WithDbAsync(async db => new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["campaign"] = await db.Campaigns.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["phase"] = await db.Phases.OrderBy(x => x.Order).Select(x => x.Id).FirstAsync(),
        ["milestone"] = await db.Milestones.OrderBy(x => x.Deadline).ThenBy(x => x.Id).Select(x => x.Id).FirstAsync(),
        ["draftBriefing"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.Id).FirstAsync(),
        ["draftBriefingDocument"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.DocumentId).FirstAsync(),
        ["briefing"] = await db.Briefings.Where(x => x.PublishedAt != null).OrderBy(x => x.Number).Select(x => x.Id).FirstAsync(),
        ["appraisal"] = await db.Appraisals.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["ledger"] = await db.Ledgers.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["ledgerItem"] = await db.LedgerItems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["period"] = await db.AssessmentPeriods.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["scheme"] = await db.AssessmentSchemes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["meeting"] = await db.LifeMeetings.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["forum"] = await db.Forums.OrderBy(x => x.HeldOn).Select(x => x.Id).FirstAsync(),
        ["letter"] = await db.SolicitationLetters.OrderBy(x => x.SentOn).Select(x => x.Id).FirstAsync(),
        ["institute"] = await db.OrgUnits.Where(x => x.Code == "KJJ-QBS").Select(x => x.Id).SingleAsync(),
        ["institutePerson"] = await db.People.Where(x => x.Name == "魏兰").Select(x => x.Id).SingleAsync(),
        ["problem"] = await db.Problems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["leaderSelfInspection"] = await db.SelfInspections.Where(x => x.Person!.Name == "李红梅").Select(x => x.Id).SingleAsync(),
        ["rectificationItem"] = await db.RectificationItems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["rule"] = await db.Rules.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["ruleReview"] = await db.RuleReviews.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["discussion"] = await db.DiscussionTopics.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["material"] = await db.StudyMaterials.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["note"] = await db.StudyNotes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["quiz"] = await db.Quizzes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["attempt"] = await db.QuizAttempts.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["session"] = await db.StudySessions.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["talk"] = await db.Talks.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstAsync(),
        ["summary"] = await db.CampaignSummaries.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["file"] = await db.StoredFiles.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
    });
}
