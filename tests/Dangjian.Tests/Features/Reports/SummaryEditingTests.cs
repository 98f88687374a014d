using System.Net;
using AngleSharp.Html.Dom;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Reports;
using Dangjian.Web.Platform.Documents;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Features.Reports;

/// <summary>Editing a generated summary: a very long narrative, two editors at once, PDF through LibreOffice, and exports outside one's scope.</summary>
public sealed class SummaryEditingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AHundredThousandCharacterNarrativeIsKeptAndOneMoreIsRefusedWithNothingLost()
    {
        var (office, documentUrl, summaryUrl) = await DraftAsync("市科技局第一季度工作活动", "office");
        var longest = "一、基本情况\n" + new string('实', 100_000 - 7);
        longest.Length.ShouldBe(100_000);
        var saved = await PostSaveAsync(office, await office.GetDocumentAsync(documentUrl), documentUrl, longest);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var tooLong = await PostSaveAsync(office, await office.GetDocumentAsync(documentUrl), documentUrl, longest + "字");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await tooLong.ParseAsync();
        page.Body!.TextContent.ShouldContain("不超过10万字");
        (await LatestBodyAsync(documentUrl)).ShouldBe(longest, "the refused text changed nothing");

        var word = await office.GetAsync(new Uri(summaryUrl + "&handler=Word", UriKind.Relative));
        word.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await word.Content.ReadAsByteArrayAsync());
        using var docx = WordprocessingDocument.Open(stream, false);
        docx.MainDocumentPart!.Document.Body!.InnerText.Count(c => c == '实').ShouldBe(100_000 - 7);
    }

    [DbFact]
    public async Task TwoEditorsAtOnceNeverOverwriteEachOther()
    {
        var (first, documentUrl, _) = await DraftAsync("市科技局第二季度工作活动", "office");
        var second = await app.SignedInClientAsync("office");
        var firstPage = await first.GetDocumentAsync(documentUrl);
        var secondPage = await second.GetDocumentAsync(documentUrl);

        (await PostSaveAsync(first, firstPage, documentUrl, "一、基本情况\n第一位编辑的修改。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var late = await PostSaveAsync(second, secondPage, documentUrl, "一、基本情况\n第二位编辑的修改。");
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await late.ParseAsync();
        page.Body!.TextContent.ShouldContain("已被他人修改");
        page.QuerySelector("textarea#Body")!.TextContent.ShouldContain("第二位编辑的修改", Case.Sensitive, "the late editor's text stays in the box");
        (await LatestBodyAsync(documentUrl)).ShouldContain("第一位编辑的修改");

        // Reloaded, the second editor works on the latest text and saves.
        (await PostSaveAsync(second, await second.GetDocumentAsync(documentUrl), documentUrl, "一、基本情况\n第一位编辑的修改。第二位编辑补充。")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LatestBodyAsync(documentUrl)).ShouldContain("第二位编辑补充");
    }

    [DbFact]
    public async Task PdfComesFromLibreOfficeOrTheOfficeIsToldWhy()
    {
        var (office, _, summaryUrl) = await DraftAsync("市科技局第三季度工作活动", "office");
        var converter = app.Services.GetRequiredService<PdfConverter>();
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            converter.Available.ShouldBeTrue("CI installs libreoffice-writer-nogui (scripts/test)");
        }

        var page = await office.GetDocumentAsync(summaryUrl);
        var response = await office.GetAsync(new Uri(summaryUrl + "&handler=Pdf", UriKind.Relative));
        if (converter.Available)
        {
            page.QuerySelector("[data-testid=pdf]").ShouldNotBeNull();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
            bytes.Length.ShouldBeGreaterThan(2000);
            (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(CampaignSummary) && a.Summary!.Contains("（PDF）")))).ShouldBeTrue();
        }
        else
        {
            page.QuerySelector("[data-testid=no-pdf]").ShouldNotBeNull();
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var after = await office.GetDocumentAsync(response.Headers.Location!.OriginalString);
            after.QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("LibreOffice");
        }
    }

    [Fact]
    public async Task WithoutLibreOfficeTheConverterSaysItCannot()
    {
        using var converter = new PdfConverter(Options.Create(new PdfOptions { SofficePath = "/nonexistent/soffice" }), NullLogger<PdfConverter>.Instance);
        converter.Available.ShouldBeFalse();
        (await converter.ConvertAsync([1, 2, 3])).ShouldBeNull();
    }

    [DbFact]
    public async Task ASummaryOutsideOnesScopeDoesNotExistForOne()
    {
        var summaryId = Guid.NewGuid();
        await app.AddCampaignAsync("外县的活动", foreign: true, (db, campaign) =>
        {
            var document = new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.CampaignSummary, Title = "外县的活动总结" };
            db.ApprovalDocuments.Add(document);
            db.DocumentVersions.Add(new DocumentVersion { DocumentId = document.Id, Number = 1, Body = "外县的活动总结\n一、基本情况" });
            db.CampaignSummaries.Add(new CampaignSummary { Id = summaryId, CampaignId = campaign.Id, DocumentId = document.Id, FiguresJson = "[]", GeneratedAt = DateTime.UtcNow });
        });
        var foreignSummary = summaryId;

        var office = await app.SignedInClientAsync("office");
        foreach (var handler in new[] { "", "&handler=Word", "&handler=Pdf" })
        {
            var response = await office.GetAsync(new Uri($"/Reports/Summary?id={foreignSummary}{handler}", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        }

        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectId == foreignSummary.ToString() && a.Action == "export"))).ShouldBeFalse();
    }

    /// <summary>A fresh campaign under the demo bureau, its 活动总结 drafted by <paramref name="user"/>: (client, document page, summary page).</summary>
    private async Task<(HttpClient Client, string DocumentUrl, string SummaryUrl)> DraftAsync(string title, string user)
    {
        var campaignId = await app.AddCampaignAsync(title);
        var client = await app.SignedInClientAsync(user);
        var drafted = await client.PostHandlerAsync($"/Reports?campaignId={campaignId}", "Draft");
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var summaryUrl = drafted.Headers.Location!.OriginalString;
        var documentUrl = (await client.GetDocumentAsync(summaryUrl)).QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => h.StartsWith("/Campaigns/Document?id=", StringComparison.Ordinal));
        return (client, documentUrl, summaryUrl);
    }

    /// <summary>Posts the draft form as a browser would from <paramref name="page"/> as it was loaded (its token and the version it showed).</summary>
    private static async Task<HttpResponseMessage> PostSaveAsync(HttpClient client, IHtmlDocument page, string documentUrl, string body)
    {
        var form = page.Forms.First(f => f.QuerySelector("textarea#Body") is not null);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["LoadedVersion"] = form.QuerySelector("input[name='LoadedVersion']")!.GetAttribute("value")!,
            ["Body"] = body,
        };
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(documentUrl + "&handler=Save", UriKind.Relative), content);
    }

    private Task<string> LatestBodyAsync(string documentUrl)
    {
        var id = Guid.Parse(documentUrl[(documentUrl.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        return app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == id).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync());
    }
}
