using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>Drafts and approved versions per document kind through the pages, exports and API that show them, per demo role.</summary>
public sealed class DocumentAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<(Guid Briefing, Guid Document)> UnpublishedBriefingAsync() => app.WithDbAsync(async db =>
        await db.Briefings.Where(b => b.PublishedAt == null).OrderBy(b => b.Number).Select(b => new ValueTuple<Guid, Guid>(b.Id, b.DocumentId)).FirstAsync());

    private Task<Guid> SelfInspectionDocumentAsync(string name) => app.WithDbAsync(db =>
        db.SelfInspections.Where(s => s.Person!.Name == name).Select(s => s.DocumentId).SingleAsync());

    [DbTheory]
    [InlineData("member")]
    [InlineData("unit")]
    [InlineData("leader")]
    public async Task AnUnpublishedBriefingIsNotReadableOutsideTheOfficeAndTheSupervisionGroup(string user)
    {
        var (briefing, document) = await UnpublishedBriefingAsync();
        var client = await app.SignedInClientAsync(user);
        (await client.GetAsync(new Uri($"/Campaigns/Document?id={document}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
        (await client.GetAsync(new Uri($"/Briefings/Details?id={briefing}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
        (await client.GetAsync(new Uri($"/Briefings/Details?id={briefing}&handler=Word", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
        var campaign = await app.DemoCampaignIdAsync();
        (await client.GetDocumentAsync($"/Campaigns/Details?id={campaign}")).QuerySelector($"[data-testid=documents] a[href*='{document}']").ShouldBeNull("not even listed");
    }

    [DbTheory]
    [InlineData("office")]
    [InlineData("supervisor")]
    public async Task TheOfficeAndTheSupervisionGroupReadAnUnpublishedBriefing(string user)
    {
        var (briefing, document) = await UnpublishedBriefingAsync();
        var client = await app.SignedInClientAsync(user);
        (await client.GetAsync(new Uri($"/Campaigns/Document?id={document}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, user);
        (await client.GetAsync(new Uri($"/Briefings/Details?id={briefing}&handler=Word", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, user);
    }

    [DbTheory]
    [InlineData("member")]
    [InlineData("unit")]
    public async Task ALeadersSelfInspectionIsNotReadableByAMemberOrASubsidiarysOffice(string user)
    {
        var document = await SelfInspectionDocumentAsync("李红梅");
        var inspection = await app.WithDbAsync(db => db.SelfInspections.Where(s => s.DocumentId == document).Select(s => s.Id).SingleAsync());
        var client = await app.SignedInClientAsync(user);
        (await client.GetAsync(new Uri($"/Campaigns/Document?id={document}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/Problems/SelfInspections/Details?id={inspection}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/Problems/SelfInspections/Details?id={inspection}&handler=Word", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task ASelfInspectionIsReadByItsAuthorTheLeadingGroupAndTheSupervisionGroup()
    {
        var document = await SelfInspectionDocumentAsync("李红梅");
        var url = new Uri($"/Campaigns/Document?id={document}", UriKind.Relative);
        (await (await app.PersonClientAsync("李红梅", Roles.Leader)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, "the author");
        (await (await app.SignedInClientAsync("leader")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, "组长 of the leading group");
        (await (await app.SignedInClientAsync("supervisor")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.PersonClientAsync("陈立新", Roles.Leader)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a team member outside the leading group");
    }

    [DbFact]
    public async Task AMemberReadsTheApprovedImplementationPlanButNotItsReturnedDraftNorAnUnapprovedSpeech()
    {
        var (plan, speech) = await app.WithDbAsync(async db => (
            await db.ApprovalDocuments.Where(d => d.Kind == DocumentKind.ImplementationPlan).Select(d => d.Id).FirstAsync(),
            await db.ApprovalDocuments.Where(d => d.Kind == DocumentKind.Speech).Select(d => d.Id).FirstAsync()));
        var member = await app.SignedInClientAsync("member");
        var page = await member.GetDocumentAsync($"/Campaigns/Document?id={plan}");
        page.Body!.TextContent.ShouldNotContain("请补充“四个必谈”", Case.Sensitive, "the supervision group's comment on the returned first draft stays with the authors");
        (await member.GetAsync(new Uri($"/Campaigns/Document?id={speech}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var office = await app.SignedInClientAsync("office");
        (await office.GetDocumentAsync($"/Campaigns/Document?id={plan}")).Body!.TextContent.ShouldContain("请补充“四个必谈”");
    }
}
