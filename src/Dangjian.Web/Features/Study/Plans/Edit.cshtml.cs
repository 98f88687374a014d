using System.ComponentModel.DataAnnotations;
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
    public PlanInput Input { get; set; } = new();

    public sealed class PlanInput
    {
        [Required(ErrorMessage = "请填写计划名称（不超过200字）。")]
        [StringLength(StudyPlan.TitleMax, ErrorMessage = "请填写计划名称（不超过200字）。")]
        [Display(Name = "计划名称")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请写明学习对象（哪些人或单位参加，不超过2000字）。")]
        [StringLength(StudyPlan.AudienceMax, ErrorMessage = "请写明学习对象（哪些人或单位参加，不超过2000字）。")]
        [Display(Name = "学习对象")]
        public string Audience { get; set; } = "";

        [Display(Name = "学习时间：自")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "至")]
        public DateOnly EndsOn { get; set; }

        [Required(ErrorMessage = "请写明学习内容（每行一个专题，不超过4000字）。")]
        [StringLength(StudyPlan.TopicsMax, ErrorMessage = "请写明学习内容（每行一个专题，不超过4000字）。")]
        [Display(Name = "学习内容")]
        public string Topics { get; set; } = "";

        [Display(Name = "规定读本和学习材料")]
        public List<Guid> ReadingIds { get; set; } = [];

        [Required(ErrorMessage = "请写明预期成效（不超过2000字）。")]
        [StringLength(StudyPlan.OutcomeMax, ErrorMessage = "请写明预期成效（不超过2000字）。")]
        [Display(Name = "预期成效")]
        public string Outcome { get; set; } = "";

        [StringLength(StudyPlan.ResponsibleMax, ErrorMessage = "责任人不超过200字。")]
        [Display(Name = "责任人")]
        public string? Responsible { get; set; }

        public static PlanInput From(StudyPlan plan) => new()
        {
            Title = plan.Title, Audience = plan.Audience, StartsOn = plan.StartsOn, EndsOn = plan.EndsOn, Topics = plan.Topics,
            ReadingIds = plan.Readings.ToList(), Outcome = plan.Outcome, Responsible = plan.Responsible,
        };

        /// <summary>Writes the checked input onto the plan, with the readings that belong to its campaign.</summary>
        public void ApplyTo(StudyPlan plan, IEnumerable<StudyMaterial> readings)
        {
            plan.Title = Title.Trim();
            plan.Audience = Audience.Trim();
            (plan.StartsOn, plan.EndsOn) = (StartsOn, EndsOn);
            plan.Topics = Topics.Trim();
            plan.ReadingIds = string.Join(',', readings.Select(r => r.Id));
            plan.Outcome = Outcome.Trim();
            plan.Responsible = Responsible.NullIfBlank();
        }
    }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public List<StudyMaterial> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var (plan, _) = await FindAsync(id, ct);
            CampaignId = plan!.CampaignId;
            Input = PlanInput.From(plan);
            await LoadMaterialsAsync(ct);
        }
        else if (CampaignId is { } cid)
        {
            var phase = await db.Phases.AsNoTracking().Where(p => p.CampaignId == cid).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
            Input = new PlanInput { Title = "学习计划" };
            (Input.StartsOn, Input.EndsOn) = phase is null ? (default, default) : (phase.StartsOn, phase.EndsOn);
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
        if (Input.StartsOn == default || Input.EndsOn == default || Input.EndsOn < Input.StartsOn)
        {
            ModelState.AddModelError("Input.StartsOn", "请填写学习时间，结束日期不能早于开始日期。");
        }
        else if (Input.StartsOn < campaign.StartsOn || Input.EndsOn > campaign.EndsOn)
        {
            ModelState.AddModelError("Input.StartsOn", $"学习时间须在活动期间内（{campaign.StartsOn:yyyy-MM-dd} 至 {campaign.EndsOn:yyyy-MM-dd}）。");
        }

        var readings = Materials.Where(m => Input.ReadingIds.Contains(m.Id) && m.CampaignId == campaign.Id).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = await campaigns.ActorAsync(campaign.Id, ct);
        var (plan, document) = existing;
        if (document is null)
        {
            var phase = await db.Phases.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
            document = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phase?.Id, Kind = DocumentKind.StudyPlan, Title = "" };
            db.ApprovalDocuments.Add(document);
            plan = new StudyPlan { CampaignId = campaign.Id, DocumentId = document.Id, Title = "", Audience = "", Topics = "", Outcome = "" };
            db.StudyPlans.Add(plan);
        }

        Input.ApplyTo(plan!, readings);
        document.Title = plan!.Title;
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
