using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Plans;

/// <summary>
/// 制定学习计划 with the 四落实. Saving writes a draft version of the plan's approval document; "保存并提交审核" also
/// submits it to the campaign's supervision group. A plan under review or approved cannot change.
/// </summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, StudyAccess access, CampaignAccess campaigns, CampaignService service, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Audience { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly EndsOn { get; set; }

    [BindProperty]
    public string? Topics { get; set; }

    [BindProperty]
    public List<Guid> ReadingIds { get; set; } = [];

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Responsible { get; set; }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public List<StudyMaterial> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var (plan, _) = await FindAsync(id, ct);
            (CampaignId, Title, Audience, StartsOn, EndsOn, Topics, ReadingIds, Outcome, Responsible) =
                (plan!.CampaignId, plan.Title, plan.Audience, plan.StartsOn, plan.EndsOn, plan.Topics, plan.Readings.ToList(), plan.Outcome, plan.Responsible);
            await LoadMaterialsAsync(ct);
        }
        else if (CampaignId is { } cid)
        {
            var phase = await db.Phases.AsNoTracking().Where(p => p.CampaignId == cid).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
            (StartsOn, EndsOn) = phase is null ? (default, default) : (phase.StartsOn, phase.EndsOn);
            Title ??= "学习计划";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool submit, CancellationToken ct)
    {
        var existing = Id is { } id ? await FindAsync(id, ct) : default;
        CampaignId = existing.Plan?.CampaignId ?? CampaignId;
        await LoadAsync(ct);
        var campaignId = existing.Plan?.CampaignId ?? CampaignId;
        if (campaignId is null || Campaigns.All(c => c.Id != campaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var campaign = await access.EditAsync(campaignId.Value, ct);
        Validate(nameof(Title), Title, 200, "请填写计划名称（不超过200字）。");
        Validate(nameof(Audience), Audience, 2000, "请写明学习对象（哪些人或单位参加，不超过2000字）。");
        Validate(nameof(Topics), Topics, 4000, "请写明学习内容（每行一个专题，不超过4000字）。");
        Validate(nameof(Outcome), Outcome, 2000, "请写明预期成效（不超过2000字）。");
        if (StartsOn == default || EndsOn == default || EndsOn < StartsOn)
        {
            ModelState.AddModelError(nameof(StartsOn), "请填写学习时间，结束日期不能早于开始日期。");
        }
        else if (StartsOn < campaign.StartsOn || EndsOn > campaign.EndsOn)
        {
            ModelState.AddModelError(nameof(StartsOn), $"学习时间须在活动期间内（{campaign.StartsOn:yyyy-MM-dd} 至 {campaign.EndsOn:yyyy-MM-dd}）。");
        }

        if ((Responsible?.Length ?? 0) > 200)
        {
            ModelState.AddModelError(nameof(Responsible), "责任人不超过200字。");
        }

        var readings = Materials.Where(m => ReadingIds.Contains(m.Id) && m.CampaignId == campaign.Id).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = await campaigns.ActorAsync(campaign.Id, ct);
        var (plan, document) = existing;
        if (document is null)
        {
            var phase = await db.Phases.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
            document = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phase?.Id, Kind = DocumentKind.StudyPlan, Title = Title!.Trim() };
            db.ApprovalDocuments.Add(document);
            plan = new StudyPlan { CampaignId = campaign.Id, DocumentId = document.Id, Title = "", Audience = "", Topics = "", Outcome = "" };
            db.StudyPlans.Add(plan);
        }

        plan!.Title = document.Title = Title!.Trim();
        plan.Audience = Audience!.Trim();
        (plan.StartsOn, plan.EndsOn) = (StartsOn, EndsOn);
        plan.Topics = Topics!.Trim();
        plan.ReadingIds = string.Join(',', readings.Select(r => r.Id));
        plan.Outcome = Outcome!.Trim();
        plan.Responsible = Responsible.NullIfBlank();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await service.SaveDraftAsync(document, StudyPlanText.Compose(plan, readings), actor, me.DisplayName, ct) is { } refusal
            || (submit && await service.SubmitAsync(document, actor, ct) is { } submitRefusal && (refusal = submitRefusal) is not null))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", refusal);
            return Page();
        }

        await transaction.CommitAsync(ct);
        TempData.Success(submit ? "学习计划已提交督导组审核。" : "学习计划已保存为草稿。");
        return RedirectToPage("/Study/Plans/Index");
    }

    private void Validate(string field, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            ModelState.AddModelError(field, message);
        }
    }

    private async Task<(StudyPlan? Plan, ApprovalDocument? Document)> FindAsync(Guid id, CancellationToken ct)
    {
        var plan = await db.StudyPlans.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        await access.EditAsync(plan.CampaignId, ct);
        var document = await db.ApprovalDocuments.SingleAsync(d => d.Id == plan.DocumentId, ct);
        return (plan, document);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习计划", "/Study/Plans"), new Breadcrumb(Id is null ? "制定学习计划" : "修改学习计划"));
        Campaigns = await access.CampaignsAsync(forEditing: true, includeEnded: false, ct: ct);
        CampaignId ??= Campaigns.Count == 1 ? Campaigns[0].Id : null;
        await LoadMaterialsAsync(ct);
    }

    private async Task LoadMaterialsAsync(CancellationToken ct) =>
        Materials = CampaignId is { } cid
            ? await db.StudyMaterials.AsNoTracking().Where(m => m.CampaignId == cid).OrderBy(m => m.Kind).ThenBy(m => m.Title).ToListAsync(ct)
            : [];
}
