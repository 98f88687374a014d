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
    internal static readonly string[] Columns = ["office", "leader", "member", "unit", "supervisor", "observer", Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];

    /// <summary>
    /// Route (page path, page path with <c>?handler=</c>, or <c>GET</c> and the route pattern) → the URL requested (with
    /// <c>{name}</c> placeholders for demo ids, see <see cref="IdsAsync(AppFactory)"/>) → one letter per column: O 200, D refused
    /// (403, or the page's redirect to 无权访问), N 404 (outside the caller's scope or not readable by them), R another
    /// redirect (a page that sends the caller on, e.g. the sign-in page for someone signed in), B 400 (a required
    /// parameter missing), X anything else. <c>{missing}</c> is an id of no record, for kinds the demo has none of (quiz
    /// attempts, 活动总结, files). A draft 简报 stands for the documents; the leader 李红梅's 对照检查材料 for personal material.
    /// </summary>
    private static readonly (string Route, string Url, string Expected)[] Matrix =
    [
        // Columns: office, leader, member, unit, supervisor, observer, sysadmin, secadmin, auditor.
        ("/Account/AccessDenied", "/Account/AccessDenied", "D D D D D D D D D"),
        ("/Account/ApiTokens", "/Account/ApiTokens", "O O O O O O O O O"),
        ("/Account/ChangePassword", "/Account/ChangePassword", "O O O O O O O O O"),
        ("/Account/Login", "/Account/Login", "R R R R R R R R R"),
        ("/Account/LoginWith2fa", "/Account/LoginWith2fa", "R R R R R R R R R"),
        ("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", "R R R R R R R R R"),
        ("/Account/Logout", "/Account/Logout", "O O O O O O O O O"),
        ("/Account/Security", "/Account/Security", "O O O O O O O O O"),
        ("/Account/TwoFactor/Enable", "/Account/TwoFactor/Enable", "O O O O O O O O O"),
        ("/Account/TwoFactor/RecoveryCodes", "/Account/TwoFactor/RecoveryCodes", "R R R R R R R R R"),
        ("/Admin/Policy", "/Admin/Policy", "D D D D D D D O D"),
        ("/Admin/Roles/Index", "/Admin/Roles/Index", "D D D D D D D O D"),
        ("/Admin/Users/Edit", "/Admin/Users/Edit", "D D D D D D O D D"),
        ("/Admin/Users/Index", "/Admin/Users/Index", "D D D D D D O D D"),
        ("/Appraisal/Details", "/Appraisal/Details?id={appraisal}", "O O O O O N D D D"),
        ("/Appraisal/Details?handler=Export", "/Appraisal/Details?id={appraisal}&handler=Export", "O O O O O N D D D"),
        ("/Appraisal/Edit", "/Appraisal/Edit", "O D D O D D D D D"),
        ("/Appraisal/Index", "/Appraisal/Index", "O O O O O O D D D"),
        ("/Appraisal/Slips", "/Appraisal/Slips?id={appraisal}", "O D D D D D D D D"),
        // 我的测评票: only a voter of the open appraisal gets a page (the supervision group and accounts without a person do not vote).
        ("/Appraisal/Vote", "/Appraisal/Vote?id={openAppraisal}", "O O O O N N N N N"),
        ("/Audit/Index", "/Audit/Index", "D D D D D D D D O"),
        ("/Audit/Index?handler=Export", "/Audit/Index?handler=Export", "D D D D D D D D O"),
        ("/Audit/Verify", "/Audit/Verify", "D D D D D D D D O"),
        ("/BranchLife/Details", "/BranchLife/Details?id={branchMeeting}", "O O O N O N D D D"),
        ("/BranchLife/Edit", "/BranchLife/Edit", "O D D D D D D D D"),
        ("/BranchLife/Index", "/BranchLife/Index", "O O O O O O D D D"),
        ("/BranchLife/Index?handler=Export", "/BranchLife/Index?handler=Export", "O D D D D D D D D"),
        ("/Briefings/Details", "/Briefings/Details?id={draftBriefing}", "O N N N O N D D D"),
        ("/Briefings/Details?handler=Word", "/Briefings/Details?id={briefing}&handler=Word", "O O O O O O D D D"),
        ("/Briefings/Index", "/Briefings?campaignId={campaign}", "O O O O O O D D D"),
        ("/Briefings/New", "/Briefings/New?campaignId={campaign}", "O D D D D D D D D"),
        ("/Campaigns/Approvals", "/Campaigns/Approvals", "D D D D O D D D D"),
        ("/Campaigns/Create", "/Campaigns/Create", "O D D O D D D D D"),
        ("/Campaigns/Details", "/Campaigns/Details?id={campaign}", "O O O O O N D D D"),
        ("/Campaigns/Document", "/Campaigns/Document?id={draftBriefingDocument}", "O N N N O N D D D"),
        ("/Campaigns/Edit", "/Campaigns/Edit?id={campaign}", "O D D D D D D D D"),
        ("/Campaigns/Index", "/Campaigns/Index", "O O O O O O D D D"),
        ("/Campaigns/Milestone", "/Campaigns/Milestone?id={milestone}", "O D D D D D D D D"),
        ("/Campaigns/Observe", "/Campaigns/Observe", "O O O O O O D D D"),
        ("/Campaigns/Phase", "/Campaigns/Phase?id={phase}", "O D D D D D D D D"),
        ("/Campaigns/Phases", "/Campaigns/Phases", "O O O O O O D D D"),
        ("/Dashboard/Campaign", "/Dashboard/Campaign?campaignId={campaign}", "O O O O O O D D D"),
        ("/Dashboard/Index", "/Dashboard/Index", "O O D D O D D D D"),
        ("/Dashboard/Supervision", "/Dashboard/Supervision", "D D D D O D D D D"),
        ("/Error", "/Error/404", "N N N N N N N N N"),
        ("/Index", "/Index", "O O O O O O O O O"),
        ("/Ledgers/Assessment", "/Ledgers/Assessment", "O O O O O D D D D"),
        ("/Ledgers/AssessmentNotice", "/Ledgers/AssessmentNotice?id={period}", "O O O O O D D D D"),
        ("/Ledgers/AssessmentPeriod", "/Ledgers/AssessmentPeriod?id={period}", "O O O O O D D D D"),
        ("/Ledgers/AssessmentPeriod?handler=Export", "/Ledgers/AssessmentPeriod?id={period}&handler=Export", "O O O O O D D D D"),
        ("/Ledgers/Dispatch", "/Ledgers/Dispatch?id={ledger}", "O O O O O D D D D"),
        ("/Ledgers/Dispatch?handler=Export", "/Ledgers/Dispatch?id={ledger}&handler=Export", "O O O O O D D D D"),
        ("/Ledgers/Index", "/Ledgers/Index", "O O O O O D D D D"),
        ("/Ledgers/Item", "/Ledgers/Item?id={ledgerItem}", "O O O O O D D D D"),
        ("/Ledgers/ItemEdit", "/Ledgers/ItemEdit?ledgerId={ledger}", "O D D D D D D D D"),
        ("/Ledgers/Ledger", "/Ledgers/Ledger?id={ledger}", "O O O O O D D D D"),
        ("/Ledgers/Ledger?handler=Export", "/Ledgers/Ledger?id={ledger}&handler=Export", "O O O O O D D D D"),
        ("/Ledgers/RedFlag", "/Ledgers/RedFlag", "O O O O O D D D D"),
        ("/Meetings/Details", "/Meetings/Details?id={meeting}", "O O N N O N D D D"),
        ("/Meetings/Edit", "/Meetings/Edit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Meetings/Index", "/Meetings/Index", "O O O O O O D D D"),
        ("/Notifications/Index", "/Notifications/Index", "O O O O O O O O O"),
        ("/Opinions/Box/Index", "/Opinions/Box/Index", "O O O O O O D D D"),
        ("/Opinions/Edit", "/Opinions/Edit", "O D D O D D D D D"),
        ("/Opinions/Forums/Details", "/Opinions/Forums/Details?id={forum}", "O O N N O N D D D"),
        ("/Opinions/Forums/Edit", "/Opinions/Forums/Edit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Opinions/Forums/Index", "/Opinions/Forums?campaignId={campaign}", "O O O O O O D D D"),
        ("/Opinions/Index", "/Opinions?campaignId={campaign}", "O O O O O O D D D"),
        ("/Opinions/Index?handler=Export", "/Opinions?campaignId={campaign}&handler=Export", "O O O O O O D D D"),
        ("/Opinions/Letters/Details", "/Opinions/Letters/Details?id={letter}", "O O N N O N D D D"),
        ("/Opinions/Letters/Index", "/Opinions/Letters/Index", "O O O O O O D D D"),
        ("/Opinions/Letters/Print", "/Opinions/Letters/Print?id={letter}", "O D D D D D D D D"),
        ("/Opinions/Overview", "/Opinions/Overview?campaignId={campaign}", "O O O O O O D D D"),
        ("/Organization/EditUnit", "/Organization/EditUnit?id={institute}", "O D D D D D D D D"),
        ("/Organization/Accounts", "/Organization/Accounts", "O D D D D D O D D"),
        ("/Organization/Import", "/Organization/Import", "O D D D D D D D D"),
        ("/Organization/Import?handler=Template", "/Organization/Import?handler=Template", "O D D D D D D D D"),
        ("/Organization/Index", "/Organization/Index", "O O O O O O D D D"),
        ("/Organization/Move", "/Organization/Move?id={institute}", "O D D D D D D D D"),
        ("/Organization/People/Details", "/Organization/People/Details?id={institutePerson}", "O O N O O D D D D"),
        ("/Organization/People/Edit", "/Organization/People/Edit?id={institutePerson}", "O D D D D D D D D"),
        ("/Organization/People/Index", "/Organization/People/Index", "O O O O O D D D D"),
        ("/Organization/People/Index?handler=Export", "/Organization/People/Index?handler=Export", "O O D D O D D D D"),
        ("/Organization/Unit", "/Organization/Unit?id={institute}", "O O N O O N D D D"),
        ("/Problems/Details", "/Problems/Details?id={problem}", "O O N N O N D D D"),
        ("/Problems/Edit", "/Problems/Edit?id={problem}", "O D D D D D D D D"),
        ("/Problems/Index", "/Problems?campaignId={campaign}", "O O O O O O D D D"),
        ("/Problems/Index?handler=Export", "/Problems?campaignId={campaign}&handler=Export", "O O N N O N D D D"),
        ("/Problems/SelfInspections/Details", "/Problems/SelfInspections/Details?id={leaderSelfInspection}", "O O N N O N D D D"),
        ("/Problems/SelfInspections/Details?handler=Word", "/Problems/SelfInspections/Details?id={leaderSelfInspection}&handler=Word", "O O N N O N D D D"),
        ("/Problems/SelfInspections/Edit", "/Problems/SelfInspections/Edit?campaignId={campaign}", "O O D D D N D D D"),
        ("/Problems/SelfInspections/Index", "/Problems/SelfInspections?campaignId={campaign}", "O O O O O O D D D"),
        ("/Public/Ballot", "/Public/Ballot", "O O O O O O O O O"),
        ("/Public/Letter", "/Public/Letter", "O O O O O O O O O"),
        ("/Public/Opinion", "/Public/Opinion", "O O O O O O O O O"),
        ("/Public/Rectification", "/Public/Rectification", "N N N N N N N N N"),
        ("/Public/Reply", "/Public/Reply", "O O O O O O O O O"),
        ("/Rectification/Disclosure", "/Rectification/Disclosure", "O O O O O O D D D"),
        ("/Rectification/Edit", "/Rectification/Edit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Rectification/Index", "/Rectification?campaignId={campaign}", "O O O O O O D D D"),
        ("/Rectification/Index?handler=Export", "/Rectification?campaignId={campaign}&handler=Export", "O O O O O N D D D"),
        ("/Rectification/Item", "/Rectification/Item?id={rectificationItem}", "O O O O O N D D D"),
        ("/Rectification/Roadmap", "/Rectification/Roadmap", "O O O O O O D D D"),
        ("/Rectification/Special", "/Rectification/Special", "O O O O O O D D D"),
        ("/Research/Activity", "/Research/Activity?id={outreachActivity}", "O O O O O N D D D"),
        ("/Research/ActivityEdit", "/Research/ActivityEdit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Research/Index", "/Research?campaignId={campaign}", "O O O O O O D D D"),
        ("/Research/Topic", "/Research/Topic?id={researchTopic}", "O O O O O N D D D"),
        ("/Research/TopicEdit", "/Research/TopicEdit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Opinions/Consultations/Edit", "/Opinions/Consultations/Edit?campaignId={campaign}", "O D D D D D D D D"),
        ("/Opinions/Consultations/Index", "/Opinions/Consultations?campaignId={campaign}", "O O O O O O D D D"),
        ("/Public/Consultation", "/Public/Consultation?id={openConsultation}", "O O O O O O O O O"),
        ("/Reports/Exports", "/Reports/Exports", "O D D O D D D D D"),
        ("/Reports/Index", "/Reports?campaignId={campaign}", "O O O O O O D D D"),
        ("/Reports/Summary", "/Reports/Summary?id={missing}", "N N N N N N D D D"),
        ("/Reports/Summary?handler=Pdf", "/Reports/Summary?id={missing}&handler=Pdf", "N N N N N N D D D"),
        ("/Reports/Summary?handler=Word", "/Reports/Summary?id={missing}&handler=Word", "N N N N N N D D D"),
        ("/Rules/Details", "/Rules/Details?id={rule}", "O O O O O D D D D"),
        ("/Rules/Edit", "/Rules/Edit", "O D D D D D D D D"),
        ("/Rules/Handbook", "/Rules/Handbook", "O O O O O D D D D"),
        ("/Rules/Handbook?handler=Download", "/Rules/Handbook?handler=Download", "O O O O O D D D D"),
        ("/Rules/Index", "/Rules/Index", "O O O O O D D D D"),
        ("/Rules/Review", "/Rules/Review?id={ruleReview}", "O O O O O D D D D"),
        ("/Rules/Reviews", "/Rules/Reviews", "O O O O O D D D D"),
        ("/Study/Attendance/Index", "/Study/Attendance/Index", "O D D D D D D D D"),
        ("/Study/Attendance/Index?handler=Export", "/Study/Attendance?campaignId={campaign}&handler=Export", "O D D D D D D D D"),
        ("/Study/Discussions/Details", "/Study/Discussions/Details?id={discussion}", "O O O O O N D D D"),
        ("/Study/Discussions/Index", "/Study/Discussions/Index", "O O O O O O D D D"),
        ("/Study/Index", "/Study/Index", "O O O O O O D D D"),
        ("/Study/Materials/Details", "/Study/Materials/Details?id={material}", "O O O O O N D D D"),
        ("/Study/Materials/Edit", "/Study/Materials/Edit", "O D D D D D D D D"),
        ("/Study/Materials/Index", "/Study/Materials/Index", "O O O O O O D D D"),
        ("/Study/My", "/Study/My", "O O O O O O D D D"),
        ("/Study/Notes/Details", "/Study/Notes/Details?id={note}", "O O N N N N D D D"),
        ("/Study/Notes/Edit", "/Study/Notes/Edit", "O O O O O O D D D"),
        ("/Study/Notes/Exhibition", "/Study/Notes/Exhibition", "O O O O O O D D D"),
        ("/Study/Notes/Index", "/Study/Notes/Index", "O O O O O O D D D"),
        ("/Study/Plans/Edit", "/Study/Plans/Edit", "O D D D D D D D D"),
        ("/Study/Plans/Index", "/Study/Plans/Index", "O O O O O O D D D"),
        ("/Study/Questions/Edit", "/Study/Questions/Edit", "O D D D D D D D D"),
        ("/Study/Questions/Import", "/Study/Questions/Import", "O D D D D D D D D"),
        ("/Study/Questions/Import?handler=Template", "/Study/Questions/Import?handler=Template", "O D D D D D D D D"),
        ("/Study/Questions/Index", "/Study/Questions/Index", "O D D D D D D D D"),
        ("/Study/Quizzes/Attempt", "/Study/Quizzes/Attempt?id={missing}", "N N N N N N D D D"),
        ("/Study/Quizzes/Details", "/Study/Quizzes/Details?id={quiz}", "O O O O O N D D D"),
        ("/Study/Quizzes/Details?handler=Export", "/Study/Quizzes/Details?id={quiz}&handler=Export", "O D D D D N D D D"),
        ("/Study/Quizzes/Edit", "/Study/Quizzes/Edit", "O D D D D D D D D"),
        ("/Study/Quizzes/Index", "/Study/Quizzes/Index", "O O O O O O D D D"),
        ("/Study/Quizzes/Take", "/Study/Quizzes/Take?id={missing}", "N N N N N N D D D"),
        ("/Study/Sessions/Details", "/Study/Sessions/Details?id={session}", "O O O O O N D D D"),
        ("/Study/Sessions/Edit", "/Study/Sessions/Edit", "O D D D D D D D D"),
        ("/Study/Sessions/Index", "/Study/Sessions/Index", "O O O O O O D D D"),
        ("/Study/Sessions/Qr", "/Study/Sessions/Qr?id={session}", "O D D D D D D D D"),
        ("/Study/SignIn", "/Study/SignIn", "O O O O O O O O O"),
        ("/Talks/Details", "/Talks/Details?id={talk}", "O O N N O N D D D"),
        ("/Talks/Edit", "/Talks/Edit?campaignId={campaign}", "O D D D O N D D D"),
        ("/Talks/Index", "/Talks/Index", "O O O O O O D D D"),
        ("/Talks/Index?handler=Export", "/Talks?campaignId={campaign}&handler=Export", "O D D D D N D D D"),
        ("GET /api/v1/appraisals/", "/api/v1/appraisals/", "O O O O O O D D D"),
        ("GET /api/v1/appraisals/{id:guid}", "/api/v1/appraisals/{appraisal}", "O O O O O N D D D"),
        ("GET /api/v1/approvals/", "/api/v1/approvals/", "D D D D O D D D D"),
        ("GET /api/v1/briefings", "/api/v1/briefings?campaignId={campaign}", "O O O O O O D D D"),
        ("GET /api/v1/campaigns/", "/api/v1/campaigns/", "O O O O O O D D D"),
        ("GET /api/v1/campaigns/{id:guid}", "/api/v1/campaigns/{campaign}", "O O O O O N D D D"),
        ("GET /api/v1/campaigns/{id:guid}/milestones", "/api/v1/campaigns/{campaign}/milestones", "O O O O O N D D D"),
        ("GET /api/v1/forums", "/api/v1/forums", "O O O O O O D D D"),
        ("GET /api/v1/ledgers/", "/api/v1/ledgers/", "O O O O O D D D D"),
        ("GET /api/v1/ledgers/assessments", "/api/v1/ledgers/assessments", "O O O O O D D D D"),
        ("GET /api/v1/ledgers/assessments/{id:guid}", "/api/v1/ledgers/assessments/{scheme}", "N N N N N D D D D"),
        ("GET /api/v1/ledgers/{id:guid}/dispatch", "/api/v1/ledgers/{ledger}/dispatch", "O O O O O D D D D"),
        ("GET /api/v1/ledgers/{id:guid}/items", "/api/v1/ledgers/{ledger}/items", "O O O O O D D D D"),
        ("GET /api/v1/letters", "/api/v1/letters", "O O O O O O D D D"),
        ("GET /api/v1/listening", "/api/v1/listening?campaignId={campaign}", "O O N N O N D D D"),
        ("GET /api/v1/me/", "/api/v1/me/", "O O O O O O O O O"),
        ("GET /api/v1/meetings", "/api/v1/meetings?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/opinions", "/api/v1/opinions?campaignId={campaign}", "O O O O O O D D D"),
        ("GET /api/v1/opinions/counts", "/api/v1/opinions/counts", "O O O O O O D D D"),
        ("GET /api/v1/org-units/", "/api/v1/org-units/", "O O O O O O D D D"),
        ("GET /api/v1/org-units/{id:guid}", "/api/v1/org-units/{institute}", "O O N O O N D D D"),
        ("GET /api/v1/people/", "/api/v1/people/", "O O O O O D D D D"),
        ("GET /api/v1/people/{id:guid}", "/api/v1/people/{institutePerson}", "O O N O O D D D D"),
        ("GET /api/v1/problems", "/api/v1/problems?campaignId={campaign}", "O O N N O N D D D"),
        ("GET /api/v1/rectification/figures", "/api/v1/rectification/figures?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/rectification/items", "/api/v1/rectification/items?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/rectification/plans", "/api/v1/rectification/plans?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/rules/", "/api/v1/rules/", "O O O O O D D D D"),
        ("GET /api/v1/research/figures", "/api/v1/research/figures?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/rules/{id:guid}", "/api/v1/rules/{rule}", "O O O O O D D D D"),
        ("GET /api/v1/self-inspections", "/api/v1/self-inspections?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/study/campaigns/{id:guid}/figures", "/api/v1/study/campaigns/{campaign}/figures", "O O O O O N D D D"),
        ("GET /api/v1/study/quizzes", "/api/v1/study/quizzes", "O O O O O O D D D"),
        ("GET /api/v1/study/quizzes/{id:guid}/results", "/api/v1/study/quizzes/{quiz}/results", "O D D D D N D D D"),
        ("GET /api/v1/study/reflections", "/api/v1/study/reflections", "O O O O O O D D D"),
        ("GET /api/v1/study/sessions", "/api/v1/study/sessions", "O O O O O O D D D"),
        ("GET /api/v1/study/sessions/{id:guid}/attendance", "/api/v1/study/sessions/{session}/attendance", "O O O O O N D D D"),
        ("GET /api/v1/talks/", "/api/v1/talks/?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/talks/figures", "/api/v1/talks/figures?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /api/v1/talks/requirements", "/api/v1/talks/requirements?campaignId={campaign}", "O O O O O N D D D"),
        ("GET /files/{id:guid}", "/files/{missing}", "N N N N N N N N N"),
        ("GET /health/live", "/health/live", "O O O O O O O O O"),
        ("GET /health/ready", "/health/ready", "O O O O O O O O O"),
        ("GET /openapi/{documentName}.json", "/openapi/v1.json", "O O O O O O O O O"),
    ];

    [DbFact]
    public async Task EveryGetRouteAnswersEachRoleAsDeclared()
    {
        var routes = await RoutesAsync();
        var declared = Matrix.ToDictionary(r => r.Route, StringComparer.Ordinal);
        var missing = routes.Where(r => !declared.TryGetValue(r, out var row) || row.Expected.Length == 0).ToList();
        var stale = declared.Keys.Where(r => !routes.Contains(r)).ToList();

        var ids = await IdsAsync(app);
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
            // The roles ask at once (each has its own client and cookies): the server answers concurrent readers anyway.
            var answers = await Task.WhenAll(clients.Select(async client =>
            {
                using var response = await client.GetAsync(new Uri(concrete, UriKind.Relative));
                return Outcome(response);
            }));
            var got = Spaced(new string(answers));
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

    internal static string Fill(string url, IReadOnlyDictionary<string, Guid> ids)
    {
        foreach (var (name, id) in ids)
        {
            url = url.Replace("{" + name + "}", id.ToString(), StringComparison.Ordinal);
        }

        return url;
    }

    internal static string Spaced(string letters) => string.Join(' ', letters.ToCharArray());

    internal static char Outcome(HttpResponseMessage response)
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
    internal static Task<Dictionary<string, Guid>> IdsAsync(AppFactory app) => app.WithDbAsync(async db => new Dictionary<string, Guid>(StringComparer.Ordinal)
    {
        ["campaign"] = await db.Campaigns.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["phase"] = await db.Phases.OrderBy(x => x.Order).Select(x => x.Id).FirstOrDefaultAsync(),
        ["milestone"] = await db.Milestones.OrderBy(x => x.Deadline).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
        ["draftBriefing"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.Id).FirstOrDefaultAsync(),
        ["draftBriefingDocument"] = await db.Briefings.Where(x => x.PublishedAt == null).OrderBy(x => x.Number).Select(x => x.DocumentId).FirstOrDefaultAsync(),
        ["briefing"] = await db.Briefings.Where(x => x.PublishedAt != null).OrderBy(x => x.Number).Select(x => x.Id).FirstOrDefaultAsync(),
        ["appraisal"] = await db.Appraisals.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["openAppraisal"] = await db.Appraisals.Where(x => x.ExtraSlips > 0).OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["ledger"] = await db.Ledgers.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["ledgerItem"] = await db.LedgerItems.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["period"] = await db.AssessmentPeriods.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        ["scheme"] = await db.AssessmentSchemes.OrderBy(x => x.CreatedAt).Select(x => x.Id).FirstOrDefaultAsync(),
        // The leading group's 民主生活会 (seeded with other meetings at one instant: pick it by kind, not by creation time).
        ["meeting"] = await db.LifeMeetings.Where(x => x.Kind == Dangjian.Web.Features.Meetings.MeetingKind.DemocraticLife).OrderBy(x => x.HeldOn).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
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
        // A talk the leader 王建国 held, with neither the member nor the unit office's person in it (seeded together, so
        // their creation times tie: order by the day held and the id).
        ["talk"] = await db.Talks.Where(t => t.PartnerId != null && db.People.Any(p => p.Name == "王建国" && (p.Id == t.InitiatorId || p.Id == t.PartnerId))
                && !db.People.Any(p => (p.Name == "孙磊" || p.Name == "华素芬") && (p.Id == t.InitiatorId || p.Id == t.PartnerId)))
            .OrderBy(x => x.HeldOn).ThenBy(x => x.Id).Select(x => x.Id).FirstOrDefaultAsync(),
        ["researchTopic"] = await db.ResearchTopics.OrderBy(x => x.Title).Select(x => x.Id).FirstOrDefaultAsync(),
        ["outreachActivity"] = await db.OutreachActivities.OrderBy(x => x.Title).Select(x => x.Id).FirstOrDefaultAsync(),
        ["consultation"] = await db.Consultations.OrderBy(x => x.OpensOn).Select(x => x.Id).FirstOrDefaultAsync(),
        ["openConsultation"] = await db.Consultations.OrderByDescending(x => x.OpensOn).Select(x => x.Id).FirstOrDefaultAsync(),
        // A meeting of the 第一党小组 (孙磊's), held by the branch's office.
        ["branchMeeting"] = await db.BranchMeetings.Where(x => x.OrgUnit!.Code == "KJJ-JGDZB-1").OrderBy(x => x.HeldOn).Select(x => x.Id).FirstOrDefaultAsync(),
        ["missing"] = Guid.CreateVersion7(),
    });
}
