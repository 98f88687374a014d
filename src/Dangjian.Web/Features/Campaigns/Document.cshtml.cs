using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// One document in the approval flow: the draft editor, submission, the supervision group's decision, and every
/// version with what changed since the one before.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DocumentModel(AppDbContext db, CampaignAccess access, DocumentAccess documents, CampaignService service, CurrentUser me) : PageModel
{
    public ApprovalDocument Document { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public List<DocumentVersion> Versions { get; private set; } = [];

    public ApprovalRules.Actor Actor { get; private set; } = null!;

    /// <summary>Line changes from the previous version to the newest one.</summary>
    public DiffPaneModel? Changes { get; private set; }

    /// <summary>For a 对照检查材料, the page where it is written and reviewed.</summary>
    public Guid? SelfInspectionId { get; private set; }

    /// <summary>For a 简报, its issue page (sending and publishing).</summary>
    public Guid? BriefingId { get; private set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public bool CanEdit => ApprovalRules.Apply(Document.Status, ApprovalRules.Action.Edit, Actor, Document.SubmittedById, null).Refusal is null;

    public bool CanSubmit => CanEdit && Versions.FirstOrDefault() is { Decision: DocumentStatus.Draft };

    public bool CanDecide => Document.Status == DocumentStatus.Submitted && Actor.IsSupervisor && Document.SubmittedById != Actor.UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Body ??= Versions.FirstOrDefault()?.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await service.SaveDraftAsync(Document, Body ?? "", Actor, me.DisplayName, LoadedVersion, ct) is { } refusal)
        {
            ModelState.AddModelError(nameof(Body), refusal);
            return Page();
        }

        TempData.Success("草稿已保存。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!string.IsNullOrWhiteSpace(Body) && Body != Versions.FirstOrDefault()?.Body
            && await service.SaveDraftAsync(Document, Body, Actor, me.DisplayName, LoadedVersion, ct) is { } saveRefusal)
        {
            ModelState.AddModelError(nameof(Body), saveRefusal);
            return Page();
        }

        if (await service.SubmitAsync(Document, Actor, ct) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            await LoadAsync(id, ct);
            return Page();
        }

        TempData.Success("已提交督导组审阅。");
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, true, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => DecideAsync(id, false, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await service.DecideAsync(Document, LoadedVersion, approve, Comment, Actor, me.DisplayName, ct) is { } refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(Comment), refusal);
            await LoadAsync(id, ct);
            return Page();
        }

        TempData.Success(approve ? "已审核通过。" : "已退回并附上修改意见。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Document, Campaign, var standing, var readsDrafts) = await documents.FindAsync(id, ct);
        Actor = standing.Participates ? await access.ActorAsync(Campaign.Id, ct) : new ApprovalRules.Actor(me.Id!.Value, false, false);
        if (Document.Kind == DocumentKind.SelfInspection)
        {
            // Written section by section and reviewed against the "四不过关" on its own page; here it is read only.
            Actor = Actor with { IsOffice = false, IsSupervisor = false };
            SelfInspectionId = await db.SelfInspections.Where(s => s.DocumentId == id).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
        }
        else if (Document.Kind == DocumentKind.Briefing)
        {
            BriefingId = await db.Briefings.Where(b => b.DocumentId == id).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(ct);
        }
        else if (Document.Kind == DocumentKind.RectificationPlan)
        {
            // A 直属单位's 整改方案 is written by those who keep that unit's plan; the bureau's by the campaign office.
            Actor = Actor with { IsOffice = standing.Plans?.ManagesPlan(Document.UnitId) == true };
        }

        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).WhereIf(!readsDrafts, v => v.Decision == DocumentStatus.Approved)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        if (LoadedVersion == Guid.Empty)
        {
            LoadedVersion = Document.Version;
        }

        if (Versions.Count >= 2)
        {
            Changes = new InlineDiffBuilder(new Differ()).BuildDiffModel(Versions[1].Body, Versions[0].Body);
        }

        Breadcrumb[] trail = standing.Participates
            ? [new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={Campaign.Id}"), new Breadcrumb(Document.Title)]
            : [new Breadcrumb("观察的活动", $"/Campaigns/Observe?id={Campaign.Id}"), new Breadcrumb(Document.Title)];
        ViewData.Trail(trail);
    }
}
