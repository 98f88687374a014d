using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// One generated summary: its text (edited and submitted on its document page), every figure it was written from with
/// today's value — changed ones flagged — and a link to the records behind each, and the GB/T 9704 Word export.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class SummaryModel(AppDbContext db, CampaignAccess access, DocumentAccess documents, SummaryFigures figures, PdfConverter pdf) : PageModel
{
    public sealed record Row(SummaryFigures.Figure Current, string? Drafted)
    {
        public bool Changed => Drafted is not null && Drafted != Current.Value;
    }

    public CampaignSummary Summary { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string Body { get; private set; } = "";

    public List<Row> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Whether LibreOffice is installed here to make PDFs.</summary>
    public bool PdfAvailable => pdf.Available;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var drafted = Summary.Figures().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var phase = Summary.PhaseId is { } p ? await db.Phases.AsNoTracking().SingleAsync(x => x.Id == p, ct) : null;
        Rows = (await figures.ForCampaignAsync(Campaign, phase, ct)).Select(f => new Row(f, drafted.GetValueOrDefault(f.Key))).ToList();
    }

    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var content = await OfficialAsync(ct);
        db.Audit("export", nameof(CampaignSummary), id.ToString(), $"导出{Summary.Document!.Title}（Word）");
        await db.SaveChangesAsync(ct);
        return File(content, DocxWriter.DocxType, $"{Summary.Document.Title}.docx");
    }

    /// <summary>The same official document as PDF, through LibreOffice; a clear refusal when it is not installed or fails.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!pdf.Available)
        {
            TempData.Error("本服务器未安装 LibreOffice，暂不能导出PDF；请导出Word后另存为PDF，或请系统管理员安装 libreoffice-writer-nogui。");
            return RedirectToPage(new { id });
        }

        var content = await pdf.ConvertAsync(await OfficialAsync(ct), ct);
        if (content is null)
        {
            TempData.Error("PDF转换失败，请稍后重试，或先导出Word。");
            return RedirectToPage(new { id });
        }

        db.Audit("export", nameof(CampaignSummary), id.ToString(), $"导出{Summary.Document!.Title}（PDF）");
        await db.SaveChangesAsync(ct);
        return File(content, PdfConverter.PdfType, $"{Summary.Document.Title}.pdf");
    }

    /// <summary>The text as an official document, signed by the campaign's Party organization on the day the text was written.</summary>
    private async Task<byte[]> OfficialAsync(CancellationToken ct)
    {
        var lines = Body.Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList();
        var title = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? Summary.Document!.Title;
        var issuer = await figures.IssuerAsync(Campaign, ct);
        var day = DateOnly.FromDateTime(ChinaTime.ToLocal(WrittenAt));
        return DocxWriter.WriteOfficial(title, lines.SkipWhile(l => l.Trim().Length == 0).Skip(1), (issuer, day));
    }

    /// <summary>When the version shown was written (its 成文日期).</summary>
    private DateTime WrittenAt { get; set; }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Summary = await db.CampaignSummaries.AsNoTracking().Include(s => s.Document).SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        (_, Campaign, _, var readsDrafts) = await documents.FindAsync(Summary.DocumentId, ct);
        CanEdit = (await access.ActorAsync(Campaign.Id, ct)).IsOffice;
        var version = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == Summary.DocumentId).WhereIf(!readsDrafts, v => v.Decision == DocumentStatus.Approved)
            .OrderByDescending(v => v.Number).Select(v => new { v.Body, v.CreatedAt }).FirstOrDefaultAsync(ct);
        (Body, WrittenAt) = (version?.Body ?? "", version?.CreatedAt ?? Summary.GeneratedAt);
        ViewData.Trail(new Breadcrumb("活动总结", $"/Reports?campaignId={Summary.CampaignId}"), new Breadcrumb(Summary.Document!.Title));
    }
}
