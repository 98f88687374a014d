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
    /// redirect (a page that sends the caller on, e.g. the sign-in page for someone signed in), B 400 (a required
    /// parameter missing), X anything else. <c>{missing}</c> is an id of no record, for kinds the demo has none of (quiz
    /// attempts, 活动总结, files). A draft 简报 stands for the documents; the leader 李红梅's 对照检查材料 for personal material.
    /// </summary>
    private static readonly (string Route, string Url, string Expected)[] Matrix =
    [
        ("/Account/AccessDenied", "/Account/AccessDenied", ""),
        ("/Account/ApiTokens", "/Account/ApiTokens", ""),
        ("/Account/ChangePassword", "/Account/ChangePassword", ""),
        ("/Account/Login", "/Account/Login", ""),
        ("/Account/LoginWith2fa", "/Account/LoginWith2fa", ""),
        ("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", ""),
        ("/Account/Logout", "/Account/Logout", ""),
        ("/Account/Security", "/Account/Security", ""),
        ("/Account/TwoFactor/Enable", "/Account/TwoFactor/Enable", ""),
        ("/Account/TwoFactor/RecoveryCodes", "/Account/TwoFactor/RecoveryCodes", ""),
        ("/Admin/Policy", "/Admin/Policy", ""),
        ("/Admin/Roles/Index", "/Admin/Roles/Index", ""),
        ("/Admin/Users/Edit", "/Admin/Users/Edit", ""),
        ("/Admin/Users/Index", "/Admin/Users/Index", ""),
        ("/Appraisal/Details", "/Appraisal/Details?id={appraisal}", ""),
        ("/Appraisal/Details?handler=Export", "/Appraisal/Details?id={appraisal}&handler=Export", ""),
        ("/Appraisal/Edit", "/Appraisal/Edit", ""),
        ("/Appraisal/Index", "/Appraisal/Index", ""),
        ("/Appraisal/Slips", "/Appraisal/Slips?id={appraisal}", ""),
        ("/Audit/Index", "/Audit/Index", ""),
        ("/Audit/Index?handler=Export", "/Audit/Index?handler=Export", ""),
        ("/Audit/Verify", "/Audit/Verify", ""),
        ("/Briefings/Details", "/Briefings/Details?id={draftBriefing}", ""),
        ("/Briefings/Details?handler=Word", "/Briefings/Details?id={briefing}&handler=Word", ""),
        ("/Briefings/Index", "/Briefings?campaignId={campaign}", ""),
        ("/Briefings/New", "/Briefings/New?campaignId={campaign}", ""),
        ("/Campaigns/Approvals", "/Campaigns/Approvals", ""),
        ("/Campaigns/Create", "/Campaigns/Create", ""),
        ("/Campaigns/Details", "/Campaigns/Details?id={campaign}", ""),
        ("/Campaigns/Document", "/Campaigns/Document?id={draftBriefingDocument}", ""),
        ("/Campaigns/Edit", "/Campaigns/Edit?id={campaign}", ""),
        ("/Campaigns/Index", "/Campaigns/Index", ""),
        ("/Campaigns/Milestone", "/Campaigns/Milestone?id={milestone}", ""),
        ("/Campaigns/Observe", "/Campaigns/Observe", ""),
        ("/Campaigns/Phase", "/Campaigns/Phase?id={phase}", ""),
        ("/Campaigns/Phases", "/Campaigns/Phases", ""),
        ("/Dashboard/Campaign", "/Dashboard/Campaign?campaignId={campaign}", ""),
        ("/Dashboard/Index", "/Dashboard/Index", ""),
        ("/Dashboard/Supervision", "/Dashboard/Supervision", ""),
        ("/Error", "/Error/404", ""),
        ("/Index", "/Index", ""),
        ("/Ledgers/Assessment", "/Ledgers/Assessment", ""),
        ("/Ledgers/AssessmentNotice", "/Ledgers/AssessmentNotice?id={period}", ""),
        ("/Ledgers/AssessmentPeriod", "/Ledgers/AssessmentPeriod?id={period}", ""),
        ("/Ledgers/AssessmentPeriod?handler=Export", "/Ledgers/AssessmentPeriod?id={period}&handler=Export", ""),
        ("/Ledgers/Dispatch", "/Ledgers/Dispatch?id={ledger}", ""),
        ("/Ledgers/Dispatch?handler=Export", "/Ledgers/Dispatch?id={ledger}&handler=Export", ""),
        ("/Ledgers/Index", "/Ledgers/Index", ""),
        ("/Ledgers/Item", "/Ledgers/Item?id={ledgerItem}", ""),
        ("/Ledgers/ItemEdit", "/Ledgers/ItemEdit?ledgerId={ledger}", ""),
        ("/Ledgers/Ledger", "/Ledgers/Ledger?id={ledger}", ""),
        ("/Ledgers/Ledger?handler=Export", "/Ledgers/Ledger?id={ledger}&handler=Export", ""),
        ("/Ledgers/RedFlag", "/Ledgers/RedFlag", ""),
        ("/Meetings/Details", "/Meetings/Details?id={meeting}", ""),
        ("/Meetings/Edit", "/Meetings/Edit?campaignId={campaign}", ""),
        ("/Meetings/Index", "/Meetings/Index", ""),
        ("/Notifications/Index", "/Notifications/Index", ""),
        ("/Opinions/Box/Index", "/Opinions/Box/Index", ""),
        ("/Opinions/Edit", "/Opinions/Edit", ""),
        ("/Opinions/Forums/Details", "/Opinions/Forums/Details?id={forum}", ""),
        ("/Opinions/Forums/Edit", "/Opinions/Forums/Edit?campaignId={campaign}", ""),
        ("/Opinions/Forums/Index", "/Opinions/Forums?campaignId={campaign}", ""),
        ("/Opinions/Index", "/Opinions?campaignId={campaign}", ""),
        ("/Opinions/Index?handler=Export", "/Opinions?campaignId={campaign}&handler=Export", ""),
        ("/Opinions/Letters/Details", "/Opinions/Letters/Details?id={letter}", ""),
        ("/Opinions/Letters/Index", "/Opinions/Letters/Index", ""),
        ("/Opinions/Letters/Print", "/Opinions/Letters/Print?id={letter}", ""),
        ("/Opinions/Overview", "/Opinions/Overview?campaignId={campaign}", ""),
        ("/Organization/EditUnit", "/Organization/EditUnit?id={institute}", ""),
        ("/Organization/Import", "/Organization/Import", ""),
        ("/Organization/Import?handler=Template", "/Organization/Import?handler=Template", ""),
        ("/Organization/Index", "/Organization/Index", ""),
        ("/Organization/Move", "/Organization/Move?id={institute}", ""),
        ("/Organization/People/Details", "/Organization/People/Details?id={institutePerson}", ""),
        ("/Organization/People/Edit", "/Organization/People/Edit?id={institutePerson}", ""),
        ("/Organization/People/Index", "/Organization/People/Index", ""),
        ("/Organization/People/Index?handler=Export", "/Organization/People/Index?handler=Export", ""),
        ("/Organization/Unit", "/Organization/Unit?id={institute}", ""),
        ("/Problems/Details", "/Problems/Details?id={problem}", ""),
        ("/Problems/Edit", "/Problems/Edit?id={problem}", ""),
        ("/Problems/Index", "/Problems?campaignId={campaign}", ""),
        ("/Problems/Index?handler=Export", "/Problems?campaignId={campaign}&handler=Export", ""),
        ("/Problems/SelfInspections/Details", "/Problems/SelfInspections/Details?id={leaderSelfInspection}", ""),
        ("/Problems/SelfInspections/Details?handler=Word", "/Problems/SelfInspections/Details?id={leaderSelfInspection}&handler=Word", ""),
        ("/Problems/SelfInspections/Edit", "/Problems/SelfInspections/Edit?campaignId={campaign}", ""),
        ("/Problems/SelfInspections/Index", "/Problems/SelfInspections?campaignId={campaign}", ""),
        ("/Public/Ballot", "/Public/Ballot", ""),
        ("/Public/Letter", "/Public/Letter", ""),
        ("/Public/Opinion", "/Public/Opinion", ""),
        ("/Public/Rectification", "/Public/Rectification", ""),
        ("/Public/Reply", "/Public/Reply", ""),
        ("/Rectification/Disclosure", "/Rectification/Disclosure", ""),
        ("/Rectification/Edit", "/Rectification/Edit?campaignId={campaign}", ""),
        ("/Rectification/Index", "/Rectification?campaignId={campaign}", ""),
        ("/Rectification/Index?handler=Export", "/Rectification?campaignId={campaign}&handler=Export", ""),
        ("/Rectification/Item", "/Rectification/Item?id={rectificationItem}", ""),
        ("/Rectification/Roadmap", "/Rectification/Roadmap", ""),
        ("/Rectification/Special", "/Rectification/Special", ""),
        ("/Reports/Exports", "/Reports/Exports", ""),
        ("/Reports/Index", "/Reports?campaignId={campaign}", ""),
        ("/Reports/Summary", "/Reports/Summary?id={missing}", ""),
        ("/Reports/Summary?handler=Pdf", "/Reports/Summary?id={missing}&handler=Pdf", ""),
        ("/Reports/Summary?handler=Word", "/Reports/Summary?id={missing}&handler=Word", ""),
        ("/Rules/Details", "/Rules/Details?id={rule}", ""),
        ("/Rules/Edit", "/Rules/Edit", ""),
        ("/Rules/Handbook", "/Rules/Handbook", ""),
        ("/Rules/Handbook?handler=Download", "/Rules/Handbook?handler=Download", ""),
        ("/Rules/Index", "/Rules/Index", ""),
        ("/Rules/Review", "/Rules/Review?id={ruleReview}", ""),
        ("/Rules/Reviews", "/Rules/Reviews", ""),
        ("/Study/Attendance/Index", "/Study/Attendance/Index", ""),
        ("/Study/Attendance/Index?handler=Export", "/Study/Attendance?campaignId={campaign}&handler=Export", ""),
        ("/Study/Discussions/Details", "/Study/Discussions/Details?id={discussion}", ""),
        ("/Study/Discussions/Index", "/Study/Discussions/Index", ""),
        ("/Study/Index", "/Study/Index", ""),
        ("/Study/Materials/Details", "/Study/Materials/Details?id={material}", ""),
        ("/Study/Materials/Edit", "/Study/Materials/Edit", ""),
        ("/Study/Materials/Index", "/Study/Materials/Index", ""),
        ("/Study/My", "/Study/My", ""),
        ("/Study/Notes/Details", "/Study/Notes/Details?id={note}", ""),
        ("/Study/Notes/Edit", "/Study/Notes/Edit", ""),
        ("/Study/Notes/Exhibition", "/Study/Notes/Exhibition", ""),
        ("/Study/Notes/Index", "/Study/Notes/Index", ""),
        ("/Study/Plans/Edit", "/Study/Plans/Edit", ""),
        ("/Study/Plans/Index", "/Study/Plans/Index", ""),
        ("/Study/Questions/Edit", "/Study/Questions/Edit", ""),
        ("/Study/Questions/Import", "/Study/Questions/Import", ""),
        ("/Study/Questions/Import?handler=Template", "/Study/Questions/Import?handler=Template", ""),
        ("/Study/Questions/Index", "/Study/Questions/Index", ""),
        ("/Study/Quizzes/Attempt", "/Study/Quizzes/Attempt?id={missing}", ""),
        ("/Study/Quizzes/Details", "/Study/Quizzes/Details?id={quiz}", ""),
        ("/Study/Quizzes/Details?handler=Export", "/Study/Quizzes/Details?id={quiz}&handler=Export", ""),
        ("/Study/Quizzes/Edit", "/Study/Quizzes/Edit", ""),
        ("/Study/Quizzes/Index", "/Study/Quizzes/Index", ""),
        ("/Study/Quizzes/Take", "/Study/Quizzes/Take?id={missing}", ""),
        ("/Study/Sessions/Details", "/Study/Sessions/Details?id={session}", ""),
        ("/Study/Sessions/Edit", "/Study/Sessions/Edit", ""),
        ("/Study/Sessions/Index", "/Study/Sessions/Index", ""),
        ("/Study/Sessions/Qr", "/Study/Sessions/Qr?id={session}", ""),
        ("/Study/SignIn", "/Study/SignIn", ""),
        ("/Talks/Details", "/Talks/Details?id={talk}", ""),
        ("/Talks/Edit", "/Talks/Edit?campaignId={campaign}", ""),
        ("/Talks/Index", "/Talks/Index", ""),
        ("/Talks/Index?handler=Export", "/Talks?campaignId={campaign}&handler=Export", ""),
        ("GET /api/v1/appraisals/", "/api/v1/appraisals/", ""),
        ("GET /api/v1/appraisals/{id:guid}", "/api/v1/appraisals/{appraisal}", ""),
        ("GET /api/v1/approvals/", "/api/v1/approvals/", ""),
        ("GET /api/v1/briefings", "/api/v1/briefings?campaignId={campaign}", ""),
        ("GET /api/v1/campaigns/", "/api/v1/campaigns/", ""),
        ("GET /api/v1/campaigns/{id:guid}", "/api/v1/campaigns/{campaign}", ""),
        ("GET /api/v1/campaigns/{id:guid}/milestones", "/api/v1/campaigns/{campaign}/milestones", ""),
        ("GET /api/v1/forums", "/api/v1/forums", ""),
        ("GET /api/v1/ledgers/", "/api/v1/ledgers/", ""),
        ("GET /api/v1/ledgers/assessments", "/api/v1/ledgers/assessments", ""),
        ("GET /api/v1/ledgers/assessments/{id:guid}", "/api/v1/ledgers/assessments/{scheme}", ""),
        ("GET /api/v1/ledgers/{id:guid}/dispatch", "/api/v1/ledgers/{ledger}/dispatch", ""),
        ("GET /api/v1/ledgers/{id:guid}/items", "/api/v1/ledgers/{ledger}/items", ""),
        ("GET /api/v1/letters", "/api/v1/letters", ""),
        ("GET /api/v1/listening", "/api/v1/listening?campaignId={campaign}", ""),
        ("GET /api/v1/me/", "/api/v1/me/", ""),
        ("GET /api/v1/meetings", "/api/v1/meetings?campaignId={campaign}", ""),
        ("GET /api/v1/opinions", "/api/v1/opinions?campaignId={campaign}", ""),
        ("GET /api/v1/opinions/counts", "/api/v1/opinions/counts", ""),
        ("GET /api/v1/org-units/", "/api/v1/org-units/", ""),
        ("GET /api/v1/org-units/{id:guid}", "/api/v1/org-units/{institute}", ""),
        ("GET /api/v1/people/", "/api/v1/people/", ""),
        ("GET /api/v1/people/{id:guid}", "/api/v1/people/{institutePerson}", ""),
        ("GET /api/v1/problems", "/api/v1/problems?campaignId={campaign}", ""),
        ("GET /api/v1/rectification/figures", "/api/v1/rectification/figures?campaignId={campaign}", ""),
        ("GET /api/v1/rectification/items", "/api/v1/rectification/items?campaignId={campaign}", ""),
        ("GET /api/v1/rectification/plans", "/api/v1/rectification/plans?campaignId={campaign}", ""),
        ("GET /api/v1/rules/", "/api/v1/rules/", ""),
        ("GET /api/v1/rules/{id:guid}", "/api/v1/rules/{rule}", ""),
        ("GET /api/v1/self-inspections", "/api/v1/self-inspections?campaignId={campaign}", ""),
        ("GET /api/v1/study/campaigns/{id:guid}/figures", "/api/v1/study/campaigns/{campaign}/figures", ""),
        ("GET /api/v1/study/quizzes", "/api/v1/study/quizzes", ""),
        ("GET /api/v1/study/quizzes/{id:guid}/results", "/api/v1/study/quizzes/{quiz}/results", ""),
        ("GET /api/v1/study/reflections", "/api/v1/study/reflections", ""),
        ("GET /api/v1/study/sessions", "/api/v1/study/sessions", ""),
        ("GET /api/v1/study/sessions/{id:guid}/attendance", "/api/v1/study/sessions/{session}/attendance", ""),
        ("GET /api/v1/talks/", "/api/v1/talks/?campaignId={campaign}", ""),
        ("GET /api/v1/talks/figures", "/api/v1/talks/figures?campaignId={campaign}", ""),
        ("GET /api/v1/talks/requirements", "/api/v1/talks/requirements?campaignId={campaign}", ""),
        ("GET /files/{id:guid}", "/files/{missing}", ""),
        ("GET /health/live", "/health/live", ""),
        ("GET /health/ready", "/health/ready", ""),
        ("GET /openapi/{documentName}.json", "/openapi/v1.json", ""),
    ];

    [DbFact]
    public async Task EveryGetRouteAnswersEachRoleAsDeclared()
    {
        var routes = await RoutesAsync();
        var declared = Matrix.ToDictionary(r => r.Route, StringComparer.Ordinal);
        var missing = routes.Where(r => !declared.TryGetValue(r, out var row) || row.Expected.Length == 0).ToList();
        var stale = declared.Keys.Where(r => !routes.Contains(r)).ToList();

        var ids = await IdsAsync();
        var absent = ids.Where(id => id.Value == Guid.Empty).Select(id => id.Key).ToList();
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
            if (row.Expected is { Length: > 0 } expected && Spaced(expected.Replace(" ", "", StringComparison.Ordinal)) != got)
            {
                wrong.Add($"{route} ({concrete}): expected {expected}, got {got}");
            }
        }

        var problems = new List<string>();
        if (absent.Count > 0)
        {
            problems.Add($"演示数据中没有：{string.Join("、", absent)}");
        }

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
        ["campaign"] = await db.Campaigns.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["phase"] = await db.Phases.OrderBy(x => x.Order).Select(x => x.Id).FirstOrDefaultAsync(),
        ["milestone"] = await db.Milestones.OrderBy(x => x.Deadline).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
        ["draftBriefing"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.Id).FirstOrDefaultAsync(),
        ["draftBriefingDocument"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.DocumentId).FirstOrDefaultAsync(),
        ["briefing"] = await db.Briefings.Where(x => x.PublishedAt != null).OrderBy(x => x.Number).Select(x => x.Id).FirstOrDefaultAsync(),
        ["appraisal"] = await db.Appraisals.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["ledger"] = await db.Ledgers.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["ledgerItem"] = await db.LedgerItems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["period"] = await db.AssessmentPeriods.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["scheme"] = await db.AssessmentSchemes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["meeting"] = await db.LifeMeetings.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["forum"] = await db.Forums.OrderBy(x => x.HeldOn).Select(x => x.Id).FirstOrDefaultAsync(),
        ["letter"] = await db.SolicitationLetters.OrderBy(x => x.SentOn).Select(x => x.Id).FirstOrDefaultAsync(),
        ["institute"] = await db.OrgUnits.Where(x => x.Code == "KJJ-QBS").Select(x => x.Id).FirstOrDefaultAsync(),
        ["institutePerson"] = await db.People.Where(x => x.Name == "魏兰").Select(x => x.Id).FirstOrDefaultAsync(),
        ["problem"] = await db.Problems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["leaderSelfInspection"] = await db.SelfInspections.Where(x => x.Person!.Name == "李红梅").Select(x => x.Id).FirstOrDefaultAsync(),
        ["rectificationItem"] = await db.RectificationItems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["rule"] = await db.Rules.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["ruleReview"] = await db.RuleReviews.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["discussion"] = await db.DiscussionTopics.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["material"] = await db.StudyMaterials.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["note"] = await db.StudyNotes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["quiz"] = await db.Quizzes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["session"] = await db.StudySessions.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["talk"] = await db.Talks.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["missing"] = Guid.CreateVersion7(),
    });
}
