using System.Net;
using Dangjian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Opinions;

/// <summary>
/// The bureau's listening material (opinions verbatim, letters and their addressees, forums, figures, problems and the
/// 梳理汇总表) through every page and export that shows it: the same rule as the API, for each role of the demo.
/// </summary>
public sealed class ListeningAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(Guid Campaign, Guid Forum, Guid Letter, Guid Problem)> IdsAsync() => await app.WithDbAsync(async db => (
        await db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync(),
        await db.Forums.Where(f => db.Opinions.Any(o => o.ForumId == f.Id)).OrderBy(f => f.HeldOn).Select(f => f.Id).FirstAsync(),
        await db.SolicitationLetters.OrderBy(l => l.SentOn).Select(l => l.Id).FirstAsync(),
        await db.Problems.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync()));

    [DbTheory]
    [InlineData("member")]
    [InlineData("unit")]
    public async Task AMemberAndASubsidiarysOfficeDoNotReadTheBureausListeningMaterial(string user)
    {
        var (campaign, forum, letter, problem) = await IdsAsync();
        var client = await app.SignedInClientAsync(user);

        foreach (var url in new[] { $"/Opinions/Forums/Details?id={forum}", $"/Opinions/Letters/Details?id={letter}", $"/Problems/Details?id={problem}", $"/Problems?handler=Export&campaignId={campaign}" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{user} {url}");
        }

        (await client.GetDocumentAsync("/Opinions/Letters")).QuerySelector("[data-testid=letters]").ShouldBeNull("no letter and no addressee is listed");
        (await client.GetDocumentAsync($"/Opinions/Overview?campaignId={campaign}")).QuerySelector("[data-testid=figures]").ShouldBeNull();
        (await client.GetDocumentAsync($"/Problems?campaignId={campaign}")).QuerySelector("[data-testid=problems]").ShouldBeNull();
        (await client.GetDocumentAsync($"/Opinions/Forums?campaignId={campaign}")).QuerySelector("[data-testid=forums]").ShouldBeNull();
        (await client.GetAsync(new Uri($"/api/v1/problems?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the API and the pages ask the same rule");
        (await client.GetAsync(new Uri($"/api/v1/listening?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbTheory]
    [InlineData("office")]
    [InlineData("leader")]
    [InlineData("supervisor")]
    public async Task TheOfficeLeadersAndTheSupervisionGroupReadIt(string user)
    {
        var (campaign, forum, letter, problem) = await IdsAsync();
        var client = await app.SignedInClientAsync(user);

        foreach (var url in new[] { $"/Opinions/Forums/Details?id={forum}", $"/Opinions/Letters/Details?id={letter}", $"/Problems/Details?id={problem}", $"/Problems?handler=Export&campaignId={campaign}" })
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} {url}");
        }

        (await client.GetDocumentAsync("/Opinions/Letters")).QuerySelector("[data-testid=letters]").ShouldNotBeNull();
        (await client.GetDocumentAsync($"/Opinions/Overview?campaignId={campaign}")).QuerySelector("[data-testid=figures]").ShouldNotBeNull();
        (await client.GetDocumentAsync($"/Problems?campaignId={campaign}")).QuerySelector("[data-testid=problems]").ShouldNotBeNull();
        (await client.GetAsync(new Uri($"/api/v1/problems?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
