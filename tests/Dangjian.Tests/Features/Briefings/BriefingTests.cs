using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Briefings;
using Dangjian.Web.Features.Campaigns;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Briefings;

/// <summary>The demo's five briefings: the office sees every issue, everyone else the column.</summary>
public sealed class BriefingColumnTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheOfficeSeesEveryIssueAndTheColumnOnlyPublishedOnes()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Briefings?campaignId={campaign}");
        page.QuerySelector("[data-testid=briefing-counts]")!.TextContent.ShouldContain("共编发5期，已报送上级4期，已在专栏发布4期");
        page.QuerySelectorAll("[data-testid=briefings] > li").Length.ShouldBe(5);

        var member = await app.SignedInClientAsync("member");
        var column = await member.GetDocumentAsync($"/Briefings?campaignId={campaign}");
        column.QuerySelector("h1")!.TextContent.ShouldBe("活动专栏");
        column.QuerySelectorAll("[data-testid=briefings] > li").Length.ShouldBe(4);
        var fifth = await app.WithDbAsync(db => db.Briefings.Where(b => b.Number == 5).Select(b => b.Id).SingleAsync());
        (await member.GetAsync(new Uri($"/Briefings/Details?id={fifth}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is not in the column");
        (await member.GetFromJsonAsync<List<BriefingsApi.BriefingDto>>($"/api/v1/briefings?campaignId={campaign}"))!.Select(b => b.Number).ShouldBe([1, 2, 3, 4]);
        (await office.GetFromJsonAsync<List<BriefingsApi.BriefingDto>>($"/api/v1/briefings?campaignId={campaign}"))!.Last().Status.ShouldBe("Submitted");

        var first = await app.WithDbAsync(db => db.Briefings.Where(b => b.Number == 1).Select(b => b.Id).SingleAsync());
        var word = await member.GetAsync(new Uri($"/Briefings/Details?id={first}&handler=Word", UriKind.Relative));
        word.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await word.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldContain("第1期");
        text.ShouldContain("我局召开党的群众路线教育实践活动动员大会");
        text.ShouldContain("发出评议表80份");
    }
}

/// <summary>Writing, numbering, approving, sending and publishing a new issue (changes the demo, so kept apart).</summary>
public sealed class BriefingFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AnIssueIsNumberedApprovedSentAndPublished()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var url = $"/Briefings/New?campaignId={campaign}";
        var form = await office.GetDocumentAsync(url);
        form.QuerySelector("#Input_Number")!.GetAttribute("value").ShouldBe("6");
        form.QuerySelector("#Input_Body")!.GetAttribute("maxlength").ShouldBe("50000");
        var fields = new Dictionary<string, string> { ["Input.Number"] = "6", ["Input.Title"] = "建章立制 巩固活动成果", ["Input.Body"] = "我局开展制度清理，保留5项、废止1项、修订1项。" };
        foreach (var (field, value, error) in new (string, string, string)[]
        {
            ("Input.Number", "4", "第4期已经编发过了"),
            ("Input.Number", "8", "不能跳号"),
            ("Input.Title", "", "标题"),
            ("Input.Title", new string('题', Briefing.TitleMax + 1), "不超过100字"),
            ("Input.Body", "", "正文"),
        })
        {
            var bad = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { [field] = value });
            bad.StatusCode.ShouldBe(HttpStatusCode.OK, field);
            (await bad.ParseAsync()).ErrorsText().ShouldContain(error, Case.Sensitive, field);
        }

        (await app.WithDbAsync(db => db.Briefings.CountAsync(b => b.CampaignId == campaign))).ShouldBe(5, "nothing saved from bad input");
        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var detailsUrl = made.Headers.Location!.OriginalString;
        var briefing = await app.WithDbAsync(db => db.Briefings.Include(b => b.Document).SingleAsync(b => b.Number == 6));
        briefing.Document!.Kind.ShouldBe(DocumentKind.Briefing);

        // Not yet approved: it cannot be published or sent; an older issue cannot be deleted (no gaps).
        (await office.PostHandlerAsync(detailsUrl + "&publish=true", "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Briefings.Where(b => b.Id == briefing.Id).Select(b => b.PublishedAt).SingleAsync())).ShouldBeNull();
        var third = await app.WithDbAsync(db => db.Briefings.Where(b => b.Number == 3).Select(b => b.Id).SingleAsync());
        (await office.PostHandlerAsync($"/Briefings/Details?id={third}", "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Briefings.AnyAsync(b => b.Id == third))).ShouldBeTrue();

        // Through the campaign approvals.
        var documentUrl = $"/Campaigns/Document?id={briefing.DocumentId}";
        (await office.PostHandlerAsync(documentUrl, "Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var supervisor = await app.SignedInClientAsync("supervisor");
        var approve = await supervisor.PostHandlerAsync(documentUrl, "Approve", new Dictionary<string, string> { ["LoadedVersion"] = (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == briefing.DocumentId).Select(d => d.Version).SingleAsync())).ToString() });
        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == briefing.DocumentId).Select(d => d.Status).SingleAsync())).ShouldBe(DocumentStatus.Approved);

        (await office.PostHandlerAsync(detailsUrl, "Send", new Dictionary<string, string> { ["sentOn"] = app.Today.AddDays(1).ToString("yyyy-MM-dd"), ["sentTo"] = "市委督导组" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Briefings.Where(b => b.Id == briefing.Id).Select(b => b.SentOn).SingleAsync())).ShouldBeNull("a future date is refused");
        (await office.PostHandlerAsync(detailsUrl, "Send", new Dictionary<string, string> { ["sentOn"] = app.Today.ToString("yyyy-MM-dd"), ["sentTo"] = "市委督导组" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.PostHandlerAsync(detailsUrl + "&publish=true", "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await app.WithDbAsync(db => db.Briefings.SingleAsync(b => b.Id == briefing.Id));
        (published.SentOn, published.SentTo, published.PublishedAt is not null).ShouldBe((app.Today, "市委督导组", true));
        var member = await app.SignedInClientAsync("member");
        (await member.GetDocumentAsync(detailsUrl)).QuerySelector("[data-testid=briefing-body]")!.TextContent.ShouldContain("保留5项");
        (await member.PostHandlerAsync(detailsUrl + "&publish=false", "Publish")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The newest unapproved issue can be deleted, and its number is used again next.
        var seventh = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Number"] = "7", ["Input.Title"] = "第七期草稿" });
        var seventhUrl = seventh.Headers.Location!.OriginalString;
        (await office.PostHandlerAsync(seventhUrl, "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Briefings.AnyAsync(b => b.Number == 7))).ShouldBeFalse();
        (await office.GetDocumentAsync(url)).QuerySelector("#Input_Number")!.GetAttribute("value").ShouldBe("7");

        // Units below and members do not edit the bureau's briefings.
        (await (await app.SignedInClientAsync("unit")).GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync(new Uri(url, UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [Fact]
    public void NumbersRunWithoutGapsOrReuse()
    {
        BriefingRules.Next([]).ShouldBe(1);
        BriefingRules.CheckNumber(1, []).ShouldBeNull();
        BriefingRules.CheckNumber(2, []).ShouldNotBeNull();
        BriefingRules.CheckNumber(3, [1, 2]).ShouldBeNull();
        BriefingRules.CheckNumber(2, [1, 2])!.ShouldContain("不能重复");
        BriefingRules.CheckNumber(0, [1, 2])!.ShouldContain("下一期应为第3期");
    }
}
