using System.Net;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Tests.Infrastructure.FormCatalog;

namespace Dangjian.Tests.Platform.Web;

/// <summary>
/// Bad input is an answer (400, 405, 413), never a fault: every form and API write of the application gets malformed
/// values, each known cause of a 500 is pinned by its own test, and nothing malformed is saved.
/// </summary>
public sealed class MalformedInputTests(SmallBodyAppFactory app) : IClassFixture<SmallBodyAppFactory>
{
    [DbFact]
    public async Task NulInAFormBodyIsRefusedWith400AndNothingIsSaved()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var before = await app.WithDbAsync(db => db.SecurityEvents.CountAsync());
        var anonymous = app.CreateBrowserLikeClient();

        var login = await anonymous.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "mem\0ber", ["Input.Password"] = "x" });

        login.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await login.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("请求格式不正确");
        (await app.WithDbAsync(db => db.SecurityEvents.CountAsync())).ShouldBe(before, "a refused request records no failed sign-in with the NUL name");
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    [DbFact]
    public async Task ThePostedCodeFieldDoesNotChangeTheErrorPage()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var client = app.CreateBrowserLikeClient();

        foreach (var code in new[] { "abc", "404", "200" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "member", ["code"] = code });
            var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"code={code} without an antiforgery token");
        }

        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    [DbFact]
    public async Task ANonBooleanForACheckBoxIs400()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var office = await app.SignedInClientAsync("office");
        var person = await app.WithDbAsync(db => db.People.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync());
        var page = $"/Organization/People/Edit?id={person}";

        var response = await office.PostFormAsync(page, new Dictionary<string, string> { ["Input.IsRetired"] = "abc" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    [DbFact]
    public async Task AnEmptyUnitCodeIsAChineseValidationMessage()
    {
        var office = await app.SignedInClientAsync("office");
        var parent = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-ZCFG").Select(u => u.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.OrgUnits.CountAsync());

        var response = await office.PostFormAsync($"/Organization/EditUnit?parentId={parent}", new Dictionary<string, string>
        {
            ["Input.ParentId"] = parent.ToString(), ["Input.Name"] = "新单位", ["Input.Code"] = "", ["Input.Kind"] = "Department", ["Input.SortOrder"] = "10",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).ErrorsText().ShouldContain("请填写单位编码。");
        (await app.WithDbAsync(db => db.OrgUnits.CountAsync())).ShouldBe(before);
    }

    [DbTheory]
    [InlineData("/Campaigns")]
    [InlineData("/Rules")]
    [InlineData("/Dashboard")]
    public async Task APostToAPageWithoutAPostHandlerIs405(string page)
    {
        var errorsBefore = app.Errors.Entries.Count;
        var office = await app.SignedInClientAsync("office");

        var token = (await office.GetDocumentAsync("/Account/Security")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var response = await office.PostAsync(new Uri(page, UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldContain("GET");
        (await response.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("不支持该操作");
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    [DbFact]
    public async Task AChunkedPageBodyOverTheLimitIs413()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var client = app.CreateBrowserLikeClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("Input.UserName=" + new string('x', 10_000))));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("大小限制");
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    [DbFact]
    public async Task AReflectionWithNulThroughTheApiIsRefusedAndStoredControlCharactersDoNotBreakTheAuditExport()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var member = await app.SignedInClientAsync("member");
        var campaign = await app.DemoCampaignIdAsync();
        var notes = await app.WithDbAsync(db => db.StudyNotes.CountAsync());

        var response = await member.PostAsync(
            new Uri("/api/v1/study/reflections", UriKind.Relative),
            new StringContent($$"""{"campaignId":"{{campaign}}","kind":"Reflection","title":"心得\u0000","body":"正文\u0007"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.StudyNotes.CountAsync())).ShouldBe(notes);

        // Text stored by another way in (PostgreSQL holds every control character but NUL) still exports.
        await app.WithDbAsync(db =>
        {
            db.Audit(AuditActions.Export, "Test", null, "含控制字符\u0001\u0007\uFFFF的摘要");
            return db.SaveChangesAsync();
        });
        var auditor = await app.AdminClientAsync(Roles.AuditAdmin);
        var export = await auditor.GetAsync(new Uri("/Audit?handler=Export", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    /// <summary>
    /// Every page write (as the role whose pages they are) and every API write, with control characters, wrong types
    /// and overlong text, absurd dates, unknown and foreign ids, and without the antiforgery token: no 5xx, no error logged.
    /// </summary>
    [DbFact]
    public async Task EveryFormAndApiWriteAnswersMalformedInputWithoutA5xx()
    {
        var errorsBefore = app.Errors.Entries.Count;
        var clients = await ClientsAsync();
        var foreign = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync());
        var pages = await PageWritesAsync(app.Services);
        var apis = ApiWrites(app.Services);
        pages.Count.ShouldBeGreaterThan(50, "the catalogue reads the application's pages");
        apis.Count.ShouldBeGreaterThanOrEqualTo(2, "the API's writes: study sign-in and reflections");
        var faults = new List<string>();
        var requests = 0;

        foreach (var (write, index) in pages.Select((w, i) => (w, i)))
        {
            if (write.Route.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) || write.Route.StartsWith("/Error", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (client, token) = clients(write.Route);

            // Each write gets wrong types and foreign ids; control characters and a missing token alternate (both are
            // refused before the handler, so every second write is enough to show it holds for forms of every kind).
            var variants = new List<(Variant Variant, bool Token)> { (Variant.WrongTypes, true), (Variant.ForeignIds, true) };
            variants.Add(index % 2 == 0 ? (Variant.ControlCharacters, true) : (Variant.WrongTypes, false));
            foreach (var (variant, withToken) in variants)
            {
                var url = Url(write, variant, foreign);
                using var content = Content(write, variant, foreign, withToken ? token : null);
                var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
                requests++;
                if ((int)response.StatusCode >= 500)
                {
                    faults.Add($"POST {url} ({variant}{(withToken ? "" : ", no token")}) → {(int)response.StatusCode}");
                }

                if (variant == Variant.ControlCharacters && write.Fields.Any(f => f.Type == typeof(string)) && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    faults.Add($"POST {url} with control characters → {(int)response.StatusCode}, expected 400");
                }
            }
        }

        var (api, _) = clients("/");
        foreach (var write in apis)
        {
            foreach (var variant in new[] { Variant.ControlCharacters, Variant.WrongTypes, Variant.ForeignIds })
            {
                var url = FillRoute(write.Route, variant, foreign);
                using var request = new HttpRequestMessage(new HttpMethod(write.Method), new Uri(url, UriKind.Relative)) { Content = ApiContent(write, variant, foreign) };
                var response = await api.SendAsync(request);
                requests++;
                if ((int)response.StatusCode >= 500)
                {
                    faults.Add($"{write.Method} {url} ({variant}) → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }

            using var broken = new HttpRequestMessage(new HttpMethod(write.Method), new Uri(FillRoute(write.Route, Variant.WrongTypes, foreign), UriKind.Relative)) { Content = new StringContent("{\"title\": [", Encoding.UTF8, "application/json") };
            var brokenResponse = await api.SendAsync(broken);
            requests++;
            if ((int)brokenResponse.StatusCode >= 500)
            {
                faults.Add($"{write.Method} {write.Route} (broken JSON) → {(int)brokenResponse.StatusCode}");
            }
        }

        requests.ShouldBeLessThan(1000, "the fuzz stays bounded");
        faults.ShouldBeEmpty($"{faults.Count} of {requests} malformed requests answered 5xx:\n{string.Join("\n", faults)}");
        app.Errors.Entries.Skip(errorsBefore).ShouldBeEmpty();
    }

    /// <summary>The signed-in client (and its antiforgery token) for a route: the administrator of the route's duty, anonymous for public pages, the office otherwise.</summary>
    private async Task<Func<string, (HttpClient Client, string Token)>> ClientsAsync()
    {
        async Task<(HttpClient, string)> WithTokenAsync(HttpClient client, string page)
        {
            var document = await client.GetDocumentAsync(page);
            return (client, document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
        }

        var office = await WithTokenAsync(await app.SignedInClientAsync("office"), "/Account/Security");
        var system = await WithTokenAsync(await app.AdminClientAsync(Roles.SystemAdmin), "/Account/Security");
        var security = await WithTokenAsync(await app.AdminClientAsync(Roles.SecurityAdmin), "/Account/Security");
        var audit = await WithTokenAsync(await app.AdminClientAsync(Roles.AuditAdmin), "/Account/Security");
        var anonymous = await WithTokenAsync(app.CreateBrowserLikeClient(), "/Account/Login");
        return route =>
            route.StartsWith("/Admin/Users", StringComparison.OrdinalIgnoreCase) ? system
            : route.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) ? security
            : route.StartsWith("/Audit", StringComparison.OrdinalIgnoreCase) ? audit
            : route.StartsWith("/Public", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) ? anonymous
            : office;
    }
}
