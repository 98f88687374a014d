using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Problems;

public sealed class SelfInspectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    private Task<Guid> PersonAsync(string name) => app.WithDbAsync(db => db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>The review form's fields, with the version token the page carries (as a browser sends it).</summary>
    private static async Task<Dictionary<string, string>> ReviewFieldsAsync(HttpClient client, Guid id, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync($"/Problems/SelfInspections/Details?id={id}");
        return new Dictionary<string, string>(fields) { ["loadedVersion"] = page.QuerySelector("input[name=loadedVersion]")!.GetAttribute("value")! };
    }

    private static Dictionary<string, string> Sections(string prefix) =>
        SelfInspectionSections.All.ToDictionary(s => $"Input.Sections[{s.Key}]", s => $"{prefix}：{s.Title}的内容。");

    [DbFact]
    public async Task ALeaderWritesTheirOwnIsReturnedAsFailingThenPasses()
    {
        var campaign = await CampaignAsync();
        var wang = await PersonAsync("王建国");
        var leader = await app.SignedInClientAsync("leader");
        var url = $"/Problems/SelfInspections/Edit?campaignId={campaign}&personId={wang}";

        // Submitting needs every section; nothing is saved when it is refused.
        var versionsBefore = await app.WithDbAsync(db => db.DocumentVersions.CountAsync());
        var partial = new Dictionary<string, string>(Sections("第二稿")) { ["Input.Sections[RootCauses]"] = "" };
        var refused = await leader.PostHandlerAsync(url, "Submit", partial);
        (await refused.ParseAsync()).ErrorsText().ShouldContain("产生问题的根源剖析");
        (await app.WithDbAsync(db => db.DocumentVersions.CountAsync())).ShouldBe(versionsBefore);
        var tooLong = new Dictionary<string, string>(Sections("第二稿")) { ["Input.Sections[Formalism]"] = new string('长', SelfInspection.SectionMax + 1) };
        (await (await leader.PostFormAsync(url, tooLong)).ParseAsync()).ErrorsText().ShouldContain("不超过2万字");

        var submitted = await leader.PostHandlerAsync(url, "Submit", Sections("第二稿"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await submitted.ParseAsync()).ErrorsText());
        var id = Guid.Parse(submitted.Headers.Location!.OriginalString.Split("id=")[1]);
        var document = await app.WithDbAsync(db => db.SelfInspections.Where(s => s.Id == id).Select(s => s.DocumentId).SingleAsync());
        (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == document).Select(d => d.Status).SingleAsync())).ShouldBe(DocumentStatus.Submitted);

        // Under review it cannot be edited, by its author or through the document page.
        var locked = await leader.PostFormAsync(url, Sections("偷改"));
        (await locked.ParseAsync()).ErrorsText().ShouldContain("审");
        var office = await app.SignedInClientAsync("office");
        (await office.GetDocumentAsync($"/Campaigns/Document?id={document}")).QuerySelector("form[action*=Save]").ShouldBeNull();

        // Another leader may not write it; colleagues of the leading group comment; a member does not even read it.
        var other = await app.PersonClientAsync("张志强", Dangjian.Web.Platform.Identity.Roles.Leader);
        (await other.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await other.PostFormAsync($"/Problems/SelfInspections/Details?id={id}", new Dictionary<string, string> { ["text"] = "建议写出具体事例。" }, "handler=Comment")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await app.SignedInClientAsync("member")).GetAsync(new Uri($"/Problems/SelfInspections/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var supervisor = await app.SignedInClientAsync("supervisor");
        (await leader.GetDocumentAsync($"/Problems/SelfInspections/Details?id={id}")).QuerySelector("form[action*=Review]").ShouldBeNull();
        var review = await supervisor.PostFormAsync($"/Problems/SelfInspections/Details?id={id}",
            await ReviewFieldsAsync(supervisor, id, new Dictionary<string, string> { ["failed"] = "AnalysisShallow", ["comment"] = "根源剖析停留在表面。" }), "handler=Review");
        review.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == document).Select(d => d.Status).SingleAsync())).ShouldBe(DocumentStatus.Returned);
        var edit = await leader.GetDocumentAsync(url);
        edit.QuerySelector("[data-testid=last-review]")!.TextContent.ShouldContain("分析不深不透");

        var resubmitted = await leader.PostHandlerAsync(url, "Submit", Sections("第三稿"));
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await resubmitted.ParseAsync()).ErrorsText());
        (await supervisor.PostFormAsync($"/Problems/SelfInspections/Details?id={id}", await ReviewFieldsAsync(supervisor, id, new Dictionary<string, string> { ["comment"] = "过关。" }), "handler=Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == document).Select(d => d.Status).SingleAsync())).ShouldBe(DocumentStatus.Approved);
        var reviews = await app.WithDbAsync(db => db.SelfInspectionReviews.Where(r => r.SelfInspectionId == id).OrderBy(r => r.CreatedAt).ToListAsync());
        reviews.Select(r => r.Failed).ShouldBe([ReviewCriteria.AnalysisShallow, ReviewCriteria.None]);
        (await app.WithDbAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == document))).ShouldBe(2, "the demo draft became version 1 when submitted; the rewrite is version 2");
        var details = await leader.GetDocumentAsync($"/Problems/SelfInspections/Details?id={id}");
        details.QuerySelector("[data-testid=sections]")!.TextContent.ShouldContain("第三稿");
        details.QuerySelector("[data-testid=comments]")!.TextContent.ShouldContain("建议写出具体事例");

        var word = await leader.GetAsync(new Uri($"/Problems/SelfInspections/Details?handler=Word&id={id}", UriKind.Relative));
        word.Content.Headers.ContentType!.MediaType!.ShouldContain("wordprocessingml");
        using var stream = new MemoryStream(await word.Content.ReadAsByteArrayAsync());
        using var docx = WordprocessingDocument.Open(stream, false);
        docx.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("王建国同志对照检查材料");
        docx.MainDocumentPart.Document.Body.InnerText.ShouldContain("第三稿：七、努力方向和整改措施的内容。");
    }

    [DbFact]
    public async Task TheDemoShowsTheTeamPassedAndAReturnWaitingForReview()
    {
        var campaign = await CampaignAsync();
        var supervisor = await app.SignedInClientAsync("supervisor");
        var list = await supervisor.GetDocumentAsync($"/Problems/SelfInspections?campaignId={campaign}");
        var rows = list.QuerySelectorAll("[data-testid=self-inspections] li");
        rows.First(r => r.TextContent.Contains("领导班子")).TextContent.ShouldContain("过关");
        rows.First(r => r.TextContent.Contains("李红梅")).TextContent.ShouldContain("待审核");
        var li = await app.WithDbAsync(db => db.SelfInspections.Where(s => s.PersonId == db.People.Where(p => p.Name == "李红梅").Select(p => p.Id).Single()).Select(s => s.Id).SingleAsync());
        var page = await supervisor.GetDocumentAsync($"/Problems/SelfInspections/Details?id={li}");
        page.QuerySelector("[data-testid=reviews]")!.TextContent.ShouldContain("问题找得不准");
        page.QuerySelector("form[action*=Review]").ShouldNotBeNull();
        var office = await app.SignedInClientAsync("office");
        (await office.GetDocumentAsync($"/Problems/SelfInspections/Details?id={li}")).QuerySelector("form[action*=Review]").ShouldBeNull();
        (await office.PostHandlerAsync($"/Problems/SelfInspections/Details?id={li}", "Review", new Dictionary<string, string> { ["comment"] = "x" })).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }
}
