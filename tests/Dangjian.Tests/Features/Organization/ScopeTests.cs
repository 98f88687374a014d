using System.Net;
using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

/// <summary>A member sees their own subtree; nothing outside it can be read, listed, exported or guessed.</summary>
public sealed class ScopeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task MemberCannotReadListExportOrGuessAnotherDepartmentsPeople()
    {
        var office = await IdOfAsync("赵敏");
        var colleague = await IdOfAsync("朱婷");
        var member = app.CreateBrowserLikeClient();
        await member.SignInAsync("member");

        (await member.GetAsync(new Uri($"/Organization/People/Details?id={colleague}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(new Uri($"/Organization/People/Details?id={office}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync(new Uri($"/Organization/People/Details?id={Guid.CreateVersion7()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await member.GetDocumentAsync("/Organization/People");
        var names = list.QuerySelectorAll("[data-testid=people] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        names.ShouldContain("朱婷");
        names.ShouldNotContain("赵敏");
        (await member.GetAsync(new Uri("/Organization/People?handler=Export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "members hold no export permission");

        var api = await member.GetStringAsync(new Uri("/api/v1/people?pageSize=100", UriKind.Relative));
        api.ShouldContain("朱婷");
        api.ShouldNotContain("赵敏");
        (await member.GetAsync(new Uri($"/api/v1/people/{office}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var officeUnit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-BGS").Select(u => u.Id).SingleAsync());
        (await member.GetAsync(new Uri($"/Organization/Unit?id={officeUnit}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync(new Uri($"/api/v1/org-units/{officeUnit}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task OfficeExportHoldsTheBureauButNotTheSupervisionGroup()
    {
        var office = app.CreateBrowserLikeClient();
        await office.SignInAsync("office");

        var response = await office.GetAsync(new Uri("/Organization/People?handler=Export", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = Dangjian.Web.Platform.Documents.SpreadsheetReader.Read(await response.Content.ReadAsByteArrayAsync());
        var names = rows.Skip(2).Select(r => r[1]).ToList();
        names.Count.ShouldBe(37);
        names.ShouldContain("赵敏");
        names.ShouldNotContain("喻晓军");
        rows[1][8].ShouldBe("身份证号", "所在党组织 comes before 职级 since issue 24");
        rows.Skip(2).ShouldAllBe(r => r[8].Contains("********"));
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.UserName == "office"));
        audited.ShouldBeTrue();
    }

    [DbFact]
    public async Task SupervisionGroupSeesTheUnitsItSupervises()
    {
        var supervisor = app.CreateBrowserLikeClient();
        await supervisor.SignInAsync("supervisor");

        var json = await supervisor.GetStringAsync(new Uri("/api/v1/people?pageSize=100", UriKind.Relative));

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("total").GetInt32().ShouldBe(40);
        json.ShouldContain("赵敏");
        json.ShouldContain("喻晓军");
        json.ShouldNotMatch(@"""idNumber"":""\d{17}[\dX]""");
        json.ShouldContain("********");
    }

    [DbFact]
    public async Task AdministratorsSeeNoBusinessDataAndOnlyTheAuditorReadsTheAuditLog()
    {
        var system = await app.AdminClientAsync(Roles.SystemAdmin);
        var security = await app.AdminClientAsync(Roles.SecurityAdmin);
        var auditor = await app.AdminClientAsync(Roles.AuditAdmin);

        foreach (var client in new[] { system, security })
        {
            var audit = await client.GetAsync(new Uri("/Audit", UriKind.Relative));
            audit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            audit.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
            (await client.GetAsync(new Uri("/Audit/Verify", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
            (await client.GetAsync(new Uri("/Organization/People", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
            (await client.GetAsync(new Uri("/api/v1/people", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await auditor.GetAsync(new Uri("/Audit", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await system.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await system.GetAsync(new Uri("/Admin/Roles", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await security.GetAsync(new Uri("/Admin/Roles", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await security.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    private Task<Guid> IdOfAsync(string name) => app.WithDbAsync(db => db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
}
