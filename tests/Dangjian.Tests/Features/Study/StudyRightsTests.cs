using System.Net;
using System.Security.Claims;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Study;

/// <summary>The study edit permission alone is not enough: only editors whose scope covers the campaign's organization run its study work.</summary>
public sealed class StudyRightsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AnEditorBelowTheCampaignsOrganizationOnlyReads()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
            var member = (await roles.FindByNameAsync(Roles.Member))!;
            (await roles.AddClaimAsync(member, new Claim(Permissions.ClaimType, Permissions.StudyEdit))).Succeeded.ShouldBeTrue();
        }

        var session = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Title == "主要负责同志讲专题党课").Select(s => s.Id).SingleAsync());
        var material = await app.WithDbAsync(db => db.StudyMaterials.Select(m => m.Id).FirstAsync());
        var client = await app.SignedInClientAsync("member");

        (await client.GetAsync(new Uri($"/Study/Sessions/Edit?id={session}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri($"/Study/Sessions/Qr?id={session}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var details = await client.GetDocumentAsync($"/Study/Sessions/Details?id={session}");
        details.QuerySelector("form[action*=handler\\=Delete]").ShouldBeNull("the member-level editor reads the session only");
        details.QuerySelectorAll("[data-testid=attendance] tbody tr").Length.ShouldBe(1, "and sees only their own line");
        (await client.GetDocumentAsync($"/Study/Materials/Details?id={material}")).QuerySelector("[data-testid=distribution]").ShouldBeNull();
        (await client.GetAsync(new Uri("/Study/Attendance", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetDocumentAsync("/Study/Attendance")).QuerySelector("[data-testid=unit-attendance]").ShouldBeNull();
    }
}
