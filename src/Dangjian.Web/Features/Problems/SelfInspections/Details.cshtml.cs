using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems.SelfInspections;

/// <summary>
/// One self-inspection: its sections, versions (compared on the document page), colleagues' comments, and the
/// supervision group's review against the "四不过关" — any failing criterion returns it, none passes it. Word export.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, DocumentAccess documents, SelfInspectionService service, CampaignService campaigns, CurrentUser me) : PageModel
{
    public sealed record CommentRow(string Name, string Text, DateTime At);

    public SelfInspection Inspection { get; private set; } = null!;

    public ApprovalDocument Document { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string OwnerName { get; private set; } = "领导班子";

    public SelfInspectionService.Rights Rights { get; private set; } = null!;

    public List<DocumentVersion> Versions { get; private set; } = [];

    public List<SelfInspectionReview> Reviews { get; private set; } = [];

    public List<CommentRow> Comments { get; private set; } = [];

    public bool CanReview => Rights.MayReview && Document.Status == DocumentStatus.Submitted && Document.SubmittedById != me.Id;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, List<ReviewCriteria>? failed, string? comment, Guid loadedVersion, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.MayReview)
        {
            return Forbid();
        }

        var criteria = (failed ?? []).Where(Enum.IsDefined).Aggregate(ReviewCriteria.None, (a, c) => a | c);
        var passed = criteria == ReviewCriteria.None;
        if (!passed && string.IsNullOrWhiteSpace(comment))
        {
            comment = "不过关：" + SelfInspectionSections.Describe(criteria) + "。";
        }

        var number = Versions.FirstOrDefault()?.Number ?? 0;
        db.SelfInspectionReviews.Add(new SelfInspectionReview { SelfInspectionId = id, VersionNumber = number, Failed = criteria, Comment = comment.NullIfBlank(), ReviewerName = me.DisplayName });
        var document = await db.ApprovalDocuments.SingleAsync(d => d.Id == Inspection.DocumentId, ct);
        var fullComment = passed ? comment : $"不过关（{SelfInspectionSections.Describe(criteria)}）。{comment}";
        if (await campaigns.DecideAsync(document, loadedVersion, passed, fullComment, Rights.Actor, me.DisplayName, ct) is { } refusal)
        {
            db.ChangeTracker.Clear();
            TempData.Error(refusal);
            return RedirectToPage(new { id });
        }

        TempData.Success(passed ? "审核过关。" : $"不过关，已退回：{SelfInspectionSections.Describe(criteria)}。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, string? text, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.MayComment)
        {
            return Forbid();
        }

        if (Document.Status == DocumentStatus.Approved || string.IsNullOrWhiteSpace(text) || text.Trim().Length > 4000)
        {
            TempData.Error(Document.Status == DocumentStatus.Approved ? "材料已经过关，不再征求意见。" : "请填写意见（不超过4000字）。");
            return RedirectToPage(new { id });
        }

        db.SelfInspectionComments.Add(new SelfInspectionComment { SelfInspectionId = id, PersonId = Rights.PersonId!.Value, Text = text.Trim() });
        await db.SaveChangesAsync(ct);
        TempData.Success("意见已提交。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var title = OwnerName == "领导班子" ? "领导班子对照检查材料" : $"{OwnerName}同志对照检查材料";
        var content = DocxWriter.Write(title, [Campaign.Title, $"第{Versions.FirstOrDefault()?.Number ?? 0}版"],
            SelfInspectionSections.All.Select(s => new DocxWriter.Section(s.Title, s.Get(Inspection))));
        db.Audit("export", nameof(SelfInspection), id.ToString(), $"导出{title}（Word）");
        await db.SaveChangesAsync(ct);
        return FileDownloads.Docx(content, title + ".docx");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Inspection = await db.SelfInspections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        // Personal material: read by its author, the office, the leading group and the supervision group only (DocumentAccess).
        (_, Campaign, _, _) = await documents.FindAsync(Inspection.DocumentId, ct);
        Document = await db.ApprovalDocuments.AsNoTracking().SingleAsync(d => d.Id == Inspection.DocumentId, ct);
        Rights = await service.RightsAsync(Campaign, ct);
        if (Inspection.PersonId is { } person)
        {
            OwnerName = await db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync(ct);
        }

        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == Document.Id).OrderByDescending(v => v.Number).ToListAsync(ct);
        Reviews = await db.SelfInspectionReviews.AsNoTracking().Where(r => r.SelfInspectionId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        Comments = await db.SelfInspectionComments.AsNoTracking().Where(c => c.SelfInspectionId == id).OrderBy(c => c.CreatedAt).Take(500)
            .Select(c => new CommentRow(c.Person!.Name, c.Text, c.CreatedAt)).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("对照检查材料", $"/Problems/SelfInspections?campaignId={Inspection.CampaignId}"), new Breadcrumb(OwnerName));
    }
}
