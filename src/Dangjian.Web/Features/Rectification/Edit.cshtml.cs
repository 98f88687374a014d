using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>
/// 新增/修改整改事项 or 分解任务 (with a parent): the "四明确一承诺", dates checked against the campaign (a deadline after
/// it only for 长期坚持), 专项整治, 建章立制, weight, and 公示 — refused while the text names a person who is not a
/// leader, so nothing personal reaches the public page.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess access, RectificationService service, RectificationProgress progress, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    public sealed class ItemInput
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "请填写整改事项（不超过200字）。")]
        [StringLength(RectificationItem.TitleMax, ErrorMessage = "请填写整改事项（不超过200字）。")]
        [Display(Name = "整改事项")]
        public string Title { get; set; } = "";

        [Display(Name = "对应的问题")]
        public Guid? ProblemId { get; set; }

        [StringLength(RectificationItem.GoalMax)]
        [Display(Name = "明确目标")]
        public string? Goal { get; set; }

        [StringLength(RectificationItem.MeasuresMax)]
        [Display(Name = "明确措施")]
        public string? Measures { get; set; }

        [Display(Name = "开始时间")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "完成时限")]
        public DateOnly DueOn { get; set; }

        [Display(Name = "时限类型")]
        public ProblemHorizon Horizon { get; set; } = ProblemHorizon.Deadline;

        [Display(Name = "责任领导")]
        public Guid? LeaderPersonId { get; set; }

        [Display(Name = "责任部门")]
        public Guid? DepartmentId { get; set; }

        [StringLength(RectificationItem.CommitmentMax)]
        [Display(Name = "公开承诺")]
        public string? Commitment { get; set; }

        [StringLength(RectificationItem.SpecialMax)]
        [Display(Name = "专项整治")]
        public string? Special { get; set; }

        [StringLength(RectificationItem.RuleReferenceMax)]
        [Display(Name = "需新建或修订的制度")]
        public string? RuleReference { get; set; }

        [Range(1, 100, ErrorMessage = "权重须在1到100之间。")]
        [Display(Name = "权重")]
        public int Weight { get; set; } = 1;

        [Display(Name = "公示")]
        public bool IsPublic { get; set; }

        public static ItemInput From(RectificationItem i) => new()
        {
            Version = i.Version, Title = i.Title, ProblemId = i.ProblemId, Goal = i.Goal, Measures = i.Measures, StartsOn = i.StartsOn, DueOn = i.DueOn,
            Horizon = i.Horizon, LeaderPersonId = i.LeaderPersonId, DepartmentId = i.DepartmentId, Commitment = i.Commitment, Special = i.Special,
            RuleReference = i.RuleReference, Weight = i.Weight, IsPublic = i.IsPublic,
        };

        /// <summary>Writes the checked input onto the item (the leader and department are known to be chosen).</summary>
        public void ApplyTo(RectificationItem item)
        {
            item.Title = Title.Trim();
            item.ProblemId = ProblemId;
            item.Goal = Goal.NullIfBlank();
            item.Measures = Measures.NullIfBlank();
            item.StartsOn = StartsOn;
            item.DueOn = DueOn;
            item.Horizon = Horizon;
            item.LeaderPersonId = LeaderPersonId!.Value;
            item.DepartmentId = DepartmentId!.Value;
            item.Commitment = Commitment.NullIfBlank();
            item.Special = Special.NullIfBlank();
            item.RuleReference = RuleReference.NullIfBlank();
            item.Weight = Weight;
            item.IsPublic = IsPublic;
        }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ParentId { get; set; }

    /// <summary>Whose 整改方案 a new item joins (null: the campaign's own); tasks and existing items keep theirs.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? PlanUnitId { get; set; }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public RectificationItem? Existing { get; private set; }

    public string? ParentTitle { get; private set; }

    public string PlanName { get; private set; } = "";

    public List<Option> Problems { get; private set; } = [];

    public List<Option> Leaders { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public List<string> Specials { get; private set; } = [];

    /// <summary>A new item may start from a problem (<c>?problemId=</c>): its title and horizon.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? problemId, CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        if (Existing is { } i)
        {
            Input = ItemInput.From(i);
        }
        else
        {
            Input = new ItemInput { StartsOn = today < Campaign.StartsOn ? Campaign.StartsOn : today, DueOn = Campaign.EndsOn };
            if (problemId is { } pid && await db.Problems.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid && p.CampaignId == CampaignId, ct) is { } problem)
            {
                (Input.ProblemId, Input.Title, Input.Horizon) = (problem.Id, problem.Title, problem.Horizon ?? ProblemHorizon.Deadline);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ParentId is null && (string.IsNullOrWhiteSpace(Input.Goal) || string.IsNullOrWhiteSpace(Input.Measures)))
        {
            ModelState.AddModelError("Input.Goal", "整改事项须明确目标和措施。");
        }

        if (!Enum.IsDefined(Input.Horizon))
        {
            ModelState.AddModelError("Input.Horizon", "请选择时限类型。");
        }
        else if (RectificationRules.CheckDates(Input.StartsOn, Input.DueOn, Input.Horizon, Campaign.StartsOn, Campaign.EndsOn) is { } dates)
        {
            ModelState.AddModelError("Input.DueOn", dates);
        }

        if (Input.LeaderPersonId is not { } leader || Leaders.All(l => l.Id != leader))
        {
            ModelState.AddModelError("Input.LeaderPersonId", "请选择责任领导（本活动范围内的班子成员）。");
        }

        if (Input.DepartmentId is not { } department || Units.All(u => u.Id != department))
        {
            ModelState.AddModelError("Input.DepartmentId", "请选择责任部门。");
        }

        if (Input.ProblemId is { } pid && Problems.All(p => p.Id != pid))
        {
            ModelState.AddModelError("Input.ProblemId", "只能对应本活动问题清单中的问题。");
        }

        if (Input.IsPublic && ModelState.IsValid && await PrivateNameAsync(ct) is { } name)
        {
            ModelState.AddModelError("Input.IsPublic", $"公示内容中出现了“{name}”的姓名。公示只写单位和领导职务，不写普通干部群众的姓名，请修改后再公示。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = Existing;
        if (item is null)
        {
            var order = await db.RectificationItems.Where(i => i.CampaignId == CampaignId && i.ParentId == ParentId && i.PlanUnitId == PlanUnitId).Select(i => (int?)i.SortOrder).MaxAsync(ct) ?? 0;
            item = new RectificationItem { CampaignId = CampaignId, ParentId = ParentId, PlanUnitId = PlanUnitId, Title = "", SortOrder = order + 1 };
            db.RectificationItems.Add(item);
        }
        else
        {
            db.ExpectVersion(item, Input.Version);
        }

        Input.ApplyTo(item);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该整改事项", ct))
        {
            return Page();
        }

        await progress.RecomputeAsync(item.Id, ct);
        TempData.Success(Existing is null ? (ParentId is null ? "整改事项已新增。可以继续分解任务。" : "分解任务已新增。") : "已保存。");
        return RedirectToPage("/Rectification/Item", new { id = item.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var item = Existing ?? throw new NotFoundException();
        if (await db.RectificationItems.AnyAsync(i => i.ParentId == item.Id, ct))
        {
            TempData.Error("请先删除它的分解任务。");
            return RedirectToPage("/Rectification/Item", new { id = item.Id });
        }

        db.RectificationItems.Remove(item);
        await db.SaveChangesAsync(ct);
        if (item.ParentId is { } parent)
        {
            await progress.RecomputeAsync(parent, ct);
        }

        TempData.Success($"“{item.Title}”已删除。");
        return item.ParentId is { } p ? RedirectToPage("/Rectification/Item", new { id = p }) : RedirectToPage("/Rectification/Index", new { campaignId = item.CampaignId });
    }

    /// <summary>The first name of a non-leader in the campaign's units that the public text contains, if any.</summary>
    private async Task<string?> PrivateNameAsync(CancellationToken ct)
    {
        var text = string.Join("\n", new[] { Input.Title, Input.Goal, Input.Measures, Input.Commitment }.Where(s => s is not null));
        var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        return await db.People.Where(p => p.PostRank != PostRank.TeamMember && p.Name.Length >= 2 && p.OrgUnit!.Path.StartsWith(path) && text.Contains(p.Name))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await db.RectificationItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
            (CampaignId, ParentId, PlanUnitId) = (Existing.CampaignId, Existing.ParentId, Existing.PlanUnitId);
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsView, ct);
        if (ParentId is { } parent)
        {
            var found = await db.RectificationItems.Where(i => i.Id == parent && i.CampaignId == CampaignId).Select(i => new { i.Title, i.PlanUnitId }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            (ParentTitle, PlanUnitId) = (found.Title, found.PlanUnitId);
        }

        var plan = (await service.PlansAsync(Campaign, ct)).SingleOrDefault(p => p.UnitId == PlanUnitId) ?? throw new NotFoundException();
        if (!(await service.RightsAsync(Campaign, ct)).ManagesPlan(PlanUnitId))
        {
            throw new ForbiddenException();
        }

        PlanName = plan.Name;
        var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        Problems = await db.Problems.AsNoTracking().Where(p => p.CampaignId == CampaignId).OrderBy(p => p.CreatedAt).Select(p => new Option(p.Id, p.Title)).Take(1000).ToListAsync(ct);

        // A 直属单位's plan is led by the bureau's team members (分管领导) or the unit's own heads, and carried out by the unit.
        var unitPath = plan.Path;
        var own = PlanUnitId is not null;
        Leaders = await db.People.AsNoTracking()
            .Where(p => !p.IsRetired && ((p.PostRank == PostRank.TeamMember && p.OrgUnit!.Path.StartsWith(path))
                || (own && (p.PostRank == PostRank.MiddleChief || p.PostRank == PostRank.MiddleDeputy) && p.OrgUnit!.Path.StartsWith(unitPath))))
            .OrderBy(p => p.PostRank).ThenBy(p => p.CreatedAt).Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? "班子成员") + "）")).Take(200).ToListAsync(ct);
        Units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && u.Path.StartsWith(unitPath) && (u.Kind == OrgUnitKind.Bureau || u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.Subsidiary))
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Select(u => new Option(u.Id, u.Name)).Take(1000).ToListAsync(ct);
        Specials = await db.RectificationItems.Where(i => i.CampaignId == CampaignId && i.Special != null).Select(i => i.Special!).Distinct().OrderBy(x => x).Take(50).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("整改方案", $"/Rectification?campaignId={CampaignId}"), new Breadcrumb(Existing is null ? (ParentId is null ? "新增整改事项" : "新增分解任务") : "修改"));
    }
}
