using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>群众观察员: an appointed observer follows the campaign's progress and public material, and nothing personal.</summary>
public sealed class ObserverTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AnAppointedObserverSeesProgressPhasesMilestonesPublicDocumentsAndPublishedBriefings()
    {
        var observer = await app.SignedInClientAsync("observer");
        var page = await observer.GetDocumentAsync("/Campaigns/Observe");
        page.QuerySelector("[data-testid=campaign-title]")!.TextContent.ShouldBe("市科技局党的群众路线教育实践活动");
        page.QuerySelector("[data-testid=progress]")!.TextContent.ShouldContain("总体进度");
        page.QuerySelectorAll("[data-testid=phases] > .card").Length.ShouldBe(3);
        page.QuerySelector("[data-testid=milestones]")!.TextContent.ShouldContain("开展谈心谈话");

        var documents = page.QuerySelectorAll("[data-testid=documents] a").Select(a => a.TextContent).ToList();
        documents.ShouldContain(d => d.Contains("实施方案"));
        documents.ShouldNotContain(d => d.Contains("对照检查材料"), "personal");
        documents.ShouldNotContain(d => d.Contains("讲话稿"), "internal, and still a draft");
        var published = await app.WithDbAsync(db => db.Briefings.CountAsync(b => b.PublishedAt != null));
        page.QuerySelectorAll("[data-testid=briefings] li").Length.ShouldBe(published);

        var plan = page.QuerySelector("[data-testid=documents] a")!.GetAttribute("href")!;
        (await observer.GetAsync(new Uri(plan, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var briefing = page.QuerySelector("[data-testid=briefings] a")!.GetAttribute("href")!;
        (await observer.GetDocumentAsync(briefing)).QuerySelector("[data-testid=briefing-body]")!.TextContent.Length.ShouldBeGreaterThan(0);
        (await observer.GetAsync(new Uri(briefing + "&handler=Word", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var campaign = await app.DemoCampaignIdAsync();
        var api = await observer.GetStringAsync(new Uri($"/api/v1/briefings?campaignId={campaign}", UriKind.Relative));
        api.ShouldContain("\"number\":1");
    }

    [DbFact]
    public async Task AnObserverSeesNothingPersonal()
    {
        var observer = await app.SignedInClientAsync("observer");
        var campaign = await app.DemoCampaignIdAsync();
        var (selfInspection, unpublished, speech) = await app.WithDbAsync(async db => (
            await db.ApprovalDocuments.Where(d => d.Kind == DocumentKind.SelfInspection).Select(d => d.Id).FirstAsync(),
            await db.Briefings.Where(b => b.PublishedAt == null).Select(b => b.DocumentId).FirstAsync(),
            await db.ApprovalDocuments.Where(d => d.Kind == DocumentKind.Speech).Select(d => d.Id).FirstAsync()));

        var page = await observer.GetStringAsync(new Uri("/Campaigns/Observe", UriKind.Relative));
        foreach (var name in new[] { "王建国", "赵敏", "周海涛", "孙磊" })
        {
            page.ShouldNotContain(name, Case.Sensitive, "no owners, no groups");
        }

        foreach (var url in new[] { $"/Campaigns/Details?id={campaign}", $"/Campaigns/Document?id={selfInspection}", $"/Campaigns/Document?id={unpublished}", $"/Campaigns/Document?id={speech}" })
        {
            (await observer.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await observer.GetDocumentAsync($"/Opinions?campaignId={campaign}")).QuerySelector("[data-testid=opinions]")?.TextContent.Trim().ShouldBeNullOrEmpty();
        (await observer.GetAsync(new Uri($"/api/v1/problems?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await observer.GetAsync(new Uri("/Organization/People", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no permission to read people");
    }

    [DbFact]
    public async Task AnObserverNotAppointedToAnyCampaignIsToldSo()
    {
        var userName = await app.CreateUserAsync([Roles.Observer]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(userName, "Passw0rd!x");
        var page = await client.GetDocumentAsync("/Campaigns/Observe");
        page.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=observed-campaign]").ShouldBeNull();
        var document = await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Kind == DocumentKind.ImplementationPlan).Select(d => d.Id).FirstAsync());
        (await client.GetAsync(new Uri($"/Campaigns/Document?id={document}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "public to appointed observers, not to every observer account");
    }
}
