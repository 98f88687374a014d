using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Problems;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Problems;

/// <summary>方面: the office groups problems into a few aspects (归纳梳理为六个方面), which the summary enumerates.</summary>
public sealed class ProblemAspectTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheOfficeGroupsProblemsIntoAspectsAndTheSummaryEnumeratesThem()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var url = $"/Problems?campaignId={campaign}";

        (await office.PostHandlerAsync(url, "AddAspect", new Dictionary<string, string> { ["title"] = "  " })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.PostHandlerAsync(url, "AddAspect", new Dictionary<string, string> { ["title"] = new string('方', ProblemAspect.TitleMax + 1) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ProblemAspects.CountAsync())).ShouldBe(0, "an empty or over-long aspect is refused");
        var member = await app.SignedInClientAsync("member");
        var denied = await member.PostHandlerAsync(url, "AddAspect", new Dictionary<string, string> { ["title"] = "成员添加的方面" });
        denied.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.ProblemAspects.CountAsync())).ShouldBe(0, "only the office groups problems");

        foreach (var title in new[] { "转变作风，减少会议文件，减轻基层负担", "严格执行公务接待标准" })
        {
            (await office.PostHandlerAsync(url, "AddAspect", new Dictionary<string, string> { ["title"] = title })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var aspects = await app.WithDbAsync(db => db.ProblemAspects.OrderBy(a => a.Order).ToListAsync());
        aspects.Select(a => a.Order).ShouldBe([1, 2]);
        var problem = await app.WithDbAsync(db => db.Problems.Where(p => p.CampaignId == campaign).OrderBy(p => p.CreatedAt).FirstAsync());
        var edit = await office.PostFormAsync($"/Problems/Edit?id={problem.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = problem.Version.ToString(), ["Input.Title"] = problem.Title, ["Input.Source"] = problem.Source.ToString(), ["Input.AspectId"] = aspects[0].Id.ToString(),
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await edit.ParseAsync()).ErrorsText());
        var list = await office.GetDocumentAsync(url);
        list.QuerySelector("[data-testid=aspects]")!.TextContent.ShouldContain("问题1个");

        var drafted = await office.PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft");
        var body = (await office.GetDocumentAsync(drafted.Headers.Location!.OriginalString)).QuerySelector("[data-testid=summary-body]")!.TextContent;
        body.ShouldContain("归纳梳理为两个方面：一是转变作风，减少会议文件，减轻基层负担；二是严格执行公务接待标准。");

        (await office.PostHandlerAsync(url + $"&aspectId={aspects[0].Id}", "DeleteAspect")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Problems.Where(p => p.Id == problem.Id).Select(p => p.AspectId).SingleAsync())).ShouldBeNull("its problems stay, ungrouped");
        (await app.WithDbAsync(db => db.ProblemAspects.CountAsync())).ShouldBe(1);
    }
}
