using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reports;

/// <summary>活动总结: a campaign's generated summaries — each phase's 环节小结 and the 活动总结 — with their approval state; the office drafts them from the records.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, CampaignAccess access, SummaryWriter writer) : CampaignPageModel
{
    public sealed record Row(Guid? PhaseId, string Name, Guid? SummaryId, Guid? DocumentId, DocumentStatus? Status, DateTime? GeneratedAt);

    public bool CanDraft { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDraftAsync(Guid? phaseId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Campaign is null)
        {
            throw new NotFoundException();
        }

        var phase = phaseId is { } id ? await db.Phases.SingleOrDefaultAsync(p => p.Id == id && p.CampaignId == Campaign.Id, ct) ?? throw new NotFoundException() : null;
        var (summary, refusal) = await writer.DraftAsync(Campaign, phase, ct);
        if (refusal is not null)
        {
            TempData.Error(refusal);
            return RedirectToPage(new { campaignId = CampaignId });
        }

        TempData.Success("已按记录生成草稿：数字都取自台账记录，请修改文字后提交督导组审核。");
        return RedirectToPage("/Reports/Summary", new { id = summary!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("活动总结"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        CanDraft = (await access.ActorAsync(campaign.Id, ct)).IsOffice;
        var summaries = await db.CampaignSummaries.AsNoTracking().Where(s => s.CampaignId == CampaignId)
            .Select(s => new { s.Id, s.PhaseId, s.DocumentId, s.Document!.Status, s.GeneratedAt }).ToListAsync(ct);
        var phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == CampaignId).OrderBy(p => p.Order).Select(p => new { p.Id, p.Name, p.Order }).ToListAsync(ct);

        // A phase may have a hand-written 环节小结 already (approved ones cannot be redrafted).
        var written = await db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == CampaignId && d.Kind == DocumentKind.PhaseSummary)
            .Select(d => new { d.Id, d.PhaseId, d.Status }).ToListAsync(ct);
        Rows = phases.Select(p => (Id: (Guid?)p.Id, Name: $"第{p.Order}环节“{p.Name}”小结"))
            .Append((Id: null, Name: "活动总结"))
            .Select(p => summaries.FirstOrDefault(s => s.PhaseId == p.Id) is { } s
                ? new Row(p.Id, p.Name, s.Id, s.DocumentId, s.Status, s.GeneratedAt)
                : written.FirstOrDefault(d => p.Id is not null && d.PhaseId == p.Id) is { } d
                    ? new Row(p.Id, p.Name, null, d.Id, d.Status, null)
                    : new Row(p.Id, p.Name, null, null, null, null))
            .ToList();
    }
}
