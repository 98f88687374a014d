using Dangjian.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Problems;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Problems;

public sealed class ProblemTests(AppFactory app) : IClassFixture<AppFactory>
{
    // With a second campaign in the database the top bar carries the campaign switcher's form too.
    private const string EditForm = "/Problems/Edit";

    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    [DbFact]
    public async Task TheConsolidatedListLinksProblemsToTheirOpinionsAndExportsThemVerbatim()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Problems?campaignId={campaign}");
        var problems = page.QuerySelectorAll("[data-testid=problems] li");
        problems.Length.ShouldBe(await app.WithDbAsync(db => db.Problems.CountAsync(p => p.CampaignId == campaign)));
        problems.Length.ShouldBeGreaterThanOrEqualTo(3);
        problems.First(li => li.TextContent.Contains("项目审批环节多")).TextContent.ShouldContain("意见3条");
        page.QuerySelector("[data-testid=by-category]")!.TextContent.ShouldContain("官僚主义");

        var waiting = await office.GetDocumentAsync("/Opinions?consolidated=no");
        waiting.QuerySelector("[data-testid=opinions]")!.TextContent.ShouldNotContain("检查评比太多，基层疲于应付。");
        var linked = await office.GetDocumentAsync("/Opinions?consolidated=yes&q=检查评比");
        linked.QuerySelector("[data-testid=problem-links]")!.TextContent.ShouldContain("会议文件多");

        var text = await office.XlsxTextAsync($"/Problems?handler=Export&campaignId={campaign}");
        text.ShouldContain("公务接待标准执行不够严格");
        text.ShouldContain("建议公务接待严格执行标准，杜绝铺张。");

        var api = await office.GetFromJsonAsync<Paged<ProblemsApi.ProblemDto>>($"/api/v1/problems?campaignId={campaign}");
        api!.Items.Single(p => p.Title == "公务接待标准执行不够严格").OpinionIds.Count.ShouldBe(1);
        api.Items.Single(p => p.Title.StartsWith("项目审批", StringComparison.Ordinal)).OpinionIds.Count.ShouldBe(3);
        (await office.GetAsync(new Uri($"/api/v1/problems?campaignId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task TheOfficeGroupsOpinionsIntoAProblemAndNothingElseChanges()
    {
        var campaign = await app.AddCampaignAsync("问题梳理测试活动");
        var opinion = await app.AddOpinionAsync(campaign, "建议定期公开科技经费使用情况。");
        await app.AddOpinionAsync(campaign, "希望简化报销手续。");
        var otherCampaigns = await app.WithDbAsync(db => db.Opinions.Where(o => o.CampaignId != campaign).Select(o => o.Id).FirstAsync());
        var office = await app.SignedInClientAsync("office");
        var url = $"/Problems/Edit?campaignId={campaign}";
        (await (await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "" }, EditForm)).ParseAsync()).ErrorsText().ShouldContain("概括问题");
        (await (await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = new string('问', Problem.TitleMax + 1) }, EditForm)).ParseAsync()).ErrorsText().ShouldContain("不超过200字");
        (await (await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "x", ["Input.Concerns"] = new string('科', Problem.ConcernsMax + 1) }, EditForm)).ParseAsync()).ErrorsText().ShouldContain("反映对象不超过100字");
        (await office.GetDocumentAsync(url)).QuerySelector("input[name='Input.Title']")!.GetAttribute("maxlength").ShouldBe("200", "the length comes from the entity, once");
        (await (await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "x", ["Input.Category"] = "99" }, EditForm)).ParseAsync()).ErrorsText().ShouldContain("无效");
        (await app.WithDbAsync(db => db.Problems.CountAsync(p => p.CampaignId == campaign))).ShouldBe(0, "refused forms save nothing");

        var made = await office.PostFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "科技经费使用公开不够", ["Input.Category"] = "Other", ["Input.Source"] = "Opinions", ["Input.Concerns"] = "计划财务科" }, EditForm);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var id = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);

        var details = await office.GetDocumentAsync($"/Problems/Details?id={id}&q=科技经费");
        var candidate = details.QuerySelectorAll("[data-testid=candidates] input[name=opinionIds]").Select(i => i.GetAttribute("value")).ShouldHaveSingleItem("only the opinion the search finds")!;
        candidate.ShouldBe(opinion.ToString());
        var textBefore = await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == Guid.Parse(candidate)).Select(o => o.Text).SingleAsync());
        (await office.PostFormAsync($"/Problems/Details?id={id}", new Dictionary<string, string>(), "handler=Link")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Problems/Details?id={id}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("请勾选");
        (await office.PostFormAsync($"/Problems/Details?id={id}", new Dictionary<string, string> { ["opinionIds"] = Guid.NewGuid().ToString() }, "handler=Link")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Problems/Details?id={id}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("只能关联本活动的意见");
        (await office.PostFormAsync($"/Problems/Details?id={id}", new Dictionary<string, string> { ["opinionIds"] = otherCampaigns.ToString() }, "handler=Link")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Problems/Details?id={id}")).QuerySelector(".alert-danger")!.TextContent.ShouldContain("只能关联本活动的意见");
        (await app.WithDbAsync(db => db.ProblemOpinions.CountAsync(l => l.ProblemId == id))).ShouldBe(0, "another campaign's opinion is not linked");
        (await office.PostFormAsync($"/Problems/Details?id={id}", new Dictionary<string, string> { ["opinionIds"] = candidate }, "handler=Link")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = await office.GetDocumentAsync($"/Problems/Details?id={id}");
        shown.QuerySelector("[data-testid=linked]")!.TextContent.ShouldContain(textBefore);

        // Linking twice is harmless; a leader reads but cannot link; deleting the problem keeps its opinions.
        (await office.PostFormAsync($"/Problems/Details?id={id}", new Dictionary<string, string> { ["opinionIds"] = candidate }, "handler=Link")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ProblemOpinions.CountAsync(l => l.ProblemId == id))).ShouldBe(1);
        (await office.GetDocumentAsync($"/Problems?campaignId={campaign}")).QuerySelectorAll("[data-testid=problems] li").Length.ShouldBe(1);
        var reader = await app.SignedInClientAsync("leader");
        (await reader.GetAsync(new Uri($"/Problems/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostHandlerAsync($"/Problems/Details?id={id}", "Unlink", new Dictionary<string, string> { ["opinionId"] = candidate })).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await reader.GetAsync(new Uri($"/Problems/Edit?id={id}", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await app.WithDbAsync(db => db.ProblemOpinions.CountAsync(l => l.ProblemId == id))).ShouldBe(1);

        (await office.PostFormAsync($"/Problems/Edit?id={id}", new Dictionary<string, string>(), "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Problems.AnyAsync(p => p.Id == id))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == Guid.Parse(candidate)).Select(o => o.Text).SingleAsync())).ShouldBe(textBefore);
        (await app.WithDbAsync(db => db.Opinions.CountAsync(o => o.CampaignId == campaign))).ShouldBe(2);
        (await office.GetDocumentAsync($"/Problems?campaignId={campaign}")).QuerySelectorAll("[data-testid=problems] li").ShouldBeEmpty();
    }

    [DbFact]
    public async Task EveryListeningFigureComesFromTheRecords()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var figures = await office.GetFromJsonAsync<ListeningFigures.Figures>($"/api/v1/listening?campaignId={campaign}");
        (figures!.LettersSent, figures.LettersReturned).ShouldBe((50, 39));
        figures.ByNature["肯定"].ShouldBe(10);
        figures.ByNature["建议"].ShouldBe(8);
        figures.Forums.ShouldBe(3);
        figures.Talks.Talks.ShouldBe(28, "25 of the roster and three 恳谈");
        figures.Problems.ShouldBe(3);
        figures.OpinionsConsolidated.ShouldBe(await app.WithDbAsync(db => db.ProblemOpinions.Where(l => db.Problems.Any(p => p.Id == l.ProblemId)).Select(l => l.OpinionId).Distinct().CountAsync()));
        var closed = figures.Appraisals.Single(a => a.Closed);
        (closed.Issued, closed.Returned, closed.GoodShare).ShouldBe((80, 80, 100.0));
        figures.Appraisals.Where(a => !a.Closed).ShouldAllBe(a => a.GoodShare == null && a.Valid == null);

        var page = await office.GetDocumentAsync($"/Opinions/Overview?campaignId={campaign}");
        page.QuerySelector("[data-testid=letters]")!.TextContent.Trim().ShouldBe("39 / 50");
        page.QuerySelector("[data-testid=sentence]")!.TextContent.ShouldContain("肯定10条");
        (await office.GetAsync(new Uri($"/api/v1/listening?campaignId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>Merging duplicates, on its own database.</summary>
public sealed class ProblemMergeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task MergingADuplicateKeepsEveryLinkOnceAndMovesItsItems()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
        var target = await app.WithDbAsync(db => db.Problems.Where(p => p.Title.StartsWith("项目审批")).Select(p => p.Id).SingleAsync());
        var office = await app.SignedInClientAsync("office");
        var made = await office.PostFormAsync($"/Problems/Edit?campaignId={campaign}", new Dictionary<string, string> { ["Title"] = "审批慢", ["Source"] = "Opinions", ["Horizon"] = "Immediate" });
        var duplicate = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);
        var targetOpinions = await app.WithDbAsync(db => db.ProblemOpinions.Where(l => l.ProblemId == target).Select(l => l.OpinionId).ToListAsync());
        var extra = await app.WithDbAsync(db => db.Opinions.Where(o => o.CampaignId == campaign && !db.ProblemOpinions.Any(l => l.OpinionId == o.Id)).Select(o => o.Id).FirstAsync());
        await office.PostFormAsync($"/Problems/Details?id={duplicate}", new Dictionary<string, string> { ["opinionIds"] = targetOpinions[0].ToString() }, "handler=Link");
        await office.PostFormAsync($"/Problems/Details?id={duplicate}", new Dictionary<string, string> { ["opinionIds"] = extra.ToString() }, "handler=Link");
        var item = await app.WithDbAsync(db => db.RectificationItems.Where(i => i.ProblemId == target).Select(i => i.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            (await db.RectificationItems.SingleAsync(i => i.Id == item)).ProblemId = duplicate;
            return await db.SaveChangesAsync();
        });

        (await office.PostFormAsync($"/Problems/Details?id={duplicate}", new Dictionary<string, string> { ["targetId"] = Guid.NewGuid().ToString() }, "handler=Merge")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Problems.AnyAsync(p => p.Id == duplicate))).ShouldBeTrue("an unknown target merges nothing");
        var merged = await office.PostFormAsync($"/Problems/Details?id={duplicate}", new Dictionary<string, string> { ["targetId"] = target.ToString() }, "handler=Merge");
        merged.Headers.Location!.OriginalString.ShouldContain(target.ToString());

        var links = await app.WithDbAsync(db => db.ProblemOpinions.Where(l => l.ProblemId == target).Select(l => l.OpinionId).ToListAsync());
        links.Count.ShouldBe(targetOpinions.Count + 1, "the shared opinion once, the extra one added");
        links.ShouldContain(extra);
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Id == item).Select(i => i.ProblemId).SingleAsync())).ShouldBe(target);
        var gone = await app.WithDbAsync(db => db.Problems.IgnoreQueryFilters().SingleAsync(p => p.Id == duplicate));
        (gone.DeletedAt is not null, gone.MergedIntoId).ShouldBe((true, (Guid?)target));
    }
}
