using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Reports;

/// <summary>Summaries drafted from the records, their figures kept and flagged when they change, and the GB/T 9704 Word export.</summary>
public sealed class SummaryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheCampaignSummaryQuotesTheRecordsAndExportsAsAnOfficialDocument()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        (await office.GetDocumentAsync($"/Reports?campaignId={campaign}")).QuerySelectorAll("[data-testid=summaries] form").Length.ShouldBe(2, "phases 1 and 2 are approved; phase 3 and the campaign can be drafted");
        var drafted = await office.PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft");
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var summaryUrl = drafted.Headers.Location!.OriginalString;
        summaryUrl.ShouldStartWith("/Reports/Summary?id=");

        var page = await office.GetDocumentAsync(summaryUrl);
        var body = page.QuerySelector("[data-testid=summary-body]")!.TextContent;
        SummaryText.ShouldReadAsWritten(body);
        body.ShouldContain("发放征求意见函50份、收回39份", Case.Sensitive, "seed 000's solicitation");
        body.ShouldContain("发出评议表80份，收回80份，综合评价较好以上达到100%", Case.Sensitive, "seed 000's appraisal");
        body.ShouldContain("开展谈心谈话25人次");
        body.ShouldContain("组成3个调研组", Case.Sensitive, "调研 counted from the topics");
        body.ShouldContain("深入4个县区，走访企业11家、高校1所", Case.Sensitive, "and from their visits");
        body.ShouldContain("形成调研报告2篇：《");
        body.ShouldContain("建立领导干部基层联系点2个，深入联系点3次");
        body.ShouldContain("走访慰问困难群众12户");
        body.ShouldContain("与马志远、林海、郭晓梅3名各界人士开展恳谈", Case.Sensitive, "恳谈 with people outside the roster");
        body.ShouldContain("挂在网上，广泛征求社会各界的意见和建议，收到网上意见2条");
        body.ShouldContain("还有1个调研课题尚未形成调研报告");
        body.ShouldContain("编发活动简报4期，向上级报送4期");
        body.ShouldContain("新建《");
        body.ShouldContain("中共市科技局党组自");
        page.QuerySelector("[data-testid=changed]").ShouldBeNull();
        page.QuerySelector("[data-key='letters.sent'] a")!.GetAttribute("href")!.ShouldStartWith("/Opinions/Letters");

        // A figure that changes after the draft is flagged.
        await app.WithDbAsync(async db =>
        {
            db.Opinions.Add(new Dangjian.Web.Features.Opinions.Opinion { CampaignId = campaign, Channel = Dangjian.Web.Features.Opinions.Channel.Box, ReceivedOn = app.Today, Text = "生成草稿后收到的意见。" });
            return await db.SaveChangesAsync();
        });
        var after = await office.GetDocumentAsync(summaryUrl);
        after.QuerySelector("[data-testid=changed]")!.TextContent.ShouldContain("2个数字", Case.Sensitive, "the total and the 意见箱 channel");
        after.QuerySelector("[data-key='opinions.total']")!.ClassName!.ShouldContain("table-warning");

        var word = await office.GetAsync(new Uri(summaryUrl + "&handler=Word", UriKind.Relative));
        word.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wordBytes = await word.Content.ReadAsByteArrayAsync();
        Downloads.Keep($"summary-{app.Database.Provider}.docx", wordBytes);
        if (app.Services.GetRequiredService<Dangjian.Web.Platform.Documents.PdfConverter>().Available)
        {
            var pdf = await office.GetAsync(new Uri(summaryUrl + "&handler=Pdf", UriKind.Relative));
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            Downloads.Keep($"summary-{app.Database.Provider}.pdf", await pdf.Content.ReadAsByteArrayAsync());
        }

        await using var stream = new MemoryStream(wordBytes);
        using var docx = WordprocessingDocument.Open(stream, false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        text.ShouldContain("发放征求意见函50份、收回39份");
        text.ShouldContain("综合评价较好以上达到100%");
        var section = docx.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value).ShouldBe((11906u, 16838u), "A4");
        section.GetFirstChild<PageMargin>()!.Top!.Value.ShouldBe(2098, "37 mm");
        section.GetFirstChild<DocGrid>()!.LinePitch!.Value.ShouldBe(579, "22 lines a page");
        docx.MainDocumentPart.FooterParts.Count().ShouldBe(2, "odd and even page numbers");
        docx.MainDocumentPart.FooterParts.First().Footer!.InnerText.ShouldContain("— ");
        var heading = docx.MainDocumentPart.Document.Body.Elements<Paragraph>().First(p => p.InnerText == "一、基本情况");
        heading.Descendants<RunFonts>().First().EastAsia!.Value.ShouldBe("黑体");
        var level2 = docx.MainDocumentPart.Document.Body.Elements<Paragraph>().First(p => p.InnerText.StartsWith("（一）", StringComparison.Ordinal));
        level2.Descendants<RunFonts>().First().EastAsia!.Value.ShouldBe("楷体_GB2312");
        level2.Elements<Run>().First().InnerText.ShouldEndWith("。", Case.Sensitive, "the 楷体 run is the heading alone");
        level2.Elements<Run>().Skip(1).Single().GetFirstChild<RunProperties>()!.GetFirstChild<RunFonts>()!.EastAsia!.Value.ShouldBe("仿宋_GB2312", "the sentences after the heading are body text");
        level2.ParagraphProperties!.Indentation!.FirstLine!.Value.ShouldBe("640", "two characters of 三号 in twips, which LibreOffice reads");
        var closing = docx.MainDocumentPart.Document.Body.Elements<Paragraph>().TakeLast(2).ToList();
        closing[0].InnerText.ShouldBe("中共市科技局党组", "the 落款 names the issuing Party organization");
        closing[1].InnerText.ShouldMatch(@"^\d{4}年\d{1,2}月\d{1,2}日$");
        closing.ShouldAllBe(p => p.ParagraphProperties!.Justification!.Val!.Value == JustificationValues.Right);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(CampaignSummary) && a.Action == "export"))).ShouldBeTrue();
    }

    [DbFact]
    public async Task ApprovedSummariesStayAndOthersMayOnlyRead()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var first = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign && p.Order == 1).Select(p => p.Id).SingleAsync());
        var refused = await office.PostHandlerAsync($"/Reports?campaignId={campaign}&phaseId={first}", "Draft");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await office.GetAsync(refused.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("已通过的材料不能修改");
        (await app.WithDbAsync(db => db.CampaignSummaries.CountAsync(s => s.PhaseId == first))).ShouldBe(0);

        var third = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign && p.Order == 3).Select(p => p.Id).SingleAsync());
        var phase = await office.PostHandlerAsync($"/Reports?campaignId={campaign}&phaseId={third}", "Draft");
        phase.Headers.Location!.OriginalString.ShouldStartWith("/Reports/Summary?id=");
        (await app.WithDbAsync(db => db.ApprovalDocuments.CountAsync(d => d.PhaseId == third && d.Kind == DocumentKind.PhaseSummary))).ShouldBe(1);
        var phaseText = (await office.GetDocumentAsync(phase.Headers.Location!.OriginalString)).QuerySelector("[data-testid=summary-body]")!.TextContent;
        Downloads.Keep($"phase3-summary-{app.Database.Provider}.txt", System.Text.Encoding.UTF8.GetBytes(phaseText));
        SummaryText.ShouldReadAsWritten(phaseText);
        phaseText.ShouldContain("“整改落实、建章立制”环节");
        phaseText.ShouldNotContain("征求意见函", Case.Sensitive, "the letters went out in the first phase, not in this one");
        phaseText.ShouldNotContain("民主评议", Case.Sensitive, "the appraisal belongs to the first phase");

        var member = await app.SignedInClientAsync("member");
        (await member.PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync(phase.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft summary stays with its authors and reviewers");
        (await (await app.SignedInClientAsync("unit")).PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetAsync(new Uri($"/Reports/Summary?id={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task ACampaignWithoutRecordsGetsASensibleEmptySummary()
    {
        var office = await app.SignedInClientAsync("office");
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var created = await office.PostFormAsync("/Campaigns/Create", new Dictionary<string, string>
        {
            ["TemplateKey"] = "mass-line", ["Title"] = "空白活动", ["StartsOn"] = app.Today.ToString("yyyy-MM-dd"), ["ScopeUnitId"] = bureau.ToString(), ["Theme"] = "",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        var campaign = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "空白活动").Select(c => c.Id).SingleAsync());
        var drafted = await office.PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft");
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var body = (await office.GetDocumentAsync(drafted.Headers.Location!.OriginalString)).QuerySelector("[data-testid=summary-body]")!.TextContent;
        SummaryText.ShouldReadAsWritten(body);
        body.ShouldContain("刚刚起步");
    }
}

/// <summary>The Excel ledgers offices use, with their title rows, headers and totals.</summary>
public sealed class ExcelLedgerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AttendanceSummaryExportsPerUnitWithATotal()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var response = await office.GetAsync(new Uri($"/Study/Attendance?handler=Export&campaignId={campaign}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var memory = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(memory, false);
        var sheet = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var text = sheet.InnerText + (xlsx.WorkbookPart.SharedStringTablePart?.SharedStringTable.InnerText ?? "");
        text.ShouldContain("学习考勤汇总表");
        text.ShouldContain("合计");
        text.ShouldContain("高新技术科");
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().ShouldNotBeEmpty("a merged title row");
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.Value.ShouldBe(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen);
        (await (await app.SignedInClientAsync("member")).GetAsync(new Uri($"/Study/Attendance?handler=Export&campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task TheTalkLedgerListsTalksWithoutWhatWasSaid()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var office = await app.SignedInClientAsync("office");
        var text = await office.XlsxTextAsync($"/Talks?handler=Export&campaignId={campaign}");
        text.ShouldContain("谈心谈话台账（共28人次）");
        text.ShouldContain("马志远（燕山大学教授）");
        var raised = await app.WithDbAsync(db => db.Talks.Where(t => t.Raised != null).Select(t => t.Raised!).FirstAsync());
        text.ShouldNotContain(raised, Case.Sensitive, "what was said stays on the talk's page");
        (await (await app.SignedInClientAsync("member")).GetAsync(new Uri($"/Talks?handler=Export&campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
