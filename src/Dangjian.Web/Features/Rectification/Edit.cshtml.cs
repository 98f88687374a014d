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

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ParentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ProblemId { get; set; }

    /// <summary>Whose 整改方案 a new item joins (null: the campaign's own); tasks and existing items keep theirs.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? PlanUnitId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Goal { get; set; }

    [BindProperty]
    public string? Measures { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly DueOn { get; set; }

    [BindProperty]
    public ProblemHorizon Horizon { get; set; } = ProblemHorizon.Deadline;

    [BindProperty]
    public Guid? LeaderPersonId { get; set; }

    [BindProperty]
    public Guid? DepartmentId { get; set; }

    [BindProperty]
    public string? Commitment { get; set; }

    [BindProperty]
    public string? Special { get; set; }

    [BindProperty]
    public string? RuleReference { get; set; }

    [BindProperty]
    public int Weight { get; set; } = 1;

    [BindProperty]
    public bool IsPublic { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public RectificationItem? Existing { get; private set; }

    public string? ParentTitle { get; private set; }

    public string PlanName { get; private set; } = "";

    public List<Option> Problems { get; private set; } = [];

    public List<Option> Leaders { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public List<string> Specials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        (StartsOn, DueOn) = (today < Campaign.StartsOn ? Campaign.StartsOn : today, Campaign.EndsOn);
        if (Existing is { } i)
        {
            (Title, Goal, Measures, StartsOn, DueOn, Horizon, LeaderPersonId, DepartmentId, Commitment, Special, RuleReference, Weight, IsPublic, ProblemId, LoadedVersion) =
                (i.Title, i.Goal, i.Measures, i.StartsOn, i.DueOn, i.Horizon, i.LeaderPersonId, i.DepartmentId, i.Commitment, i.Special, i.RuleReference, i.Weight, i.IsPublic, i.ProblemId, i.Version);
        }
        else if (ProblemId is { } pid && await db.Problems.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid && p.CampaignId == CampaignId, ct) is { } problem)
        {
            (Title, Horizon) = (problem.Title, problem.Horizon ?? ProblemHorizon.Deadline);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写整改事项（不超过200字）。");
        }

        if ((Goal?.Length ?? 0) > 2000 || (Measures?.Length ?? 0) > 4000 || (Commitment?.Length ?? 0) > 1000 || (Special?.Length ?? 0) > 100 || (RuleReference?.Length ?? 0) > 200)
        {
            ModelState.AddModelError(nameof(Measures), "目标不超过2000字，措施不超过4000字，承诺不超过1000字，专项整治名称不超过100字，制度名称不超过200字。");
        }

        if (ParentId is null && (string.IsNullOrWhiteSpace(Goal) || string.IsNullOrWhiteSpace(Measures)))
        {
            ModelState.AddModelError(nameof(Goal), "整改事项须明确目标和措施。");
        }

        if (!Enum.IsDefined(Horizon))
        {
            ModelState.AddModelError(nameof(Horizon), "请选择时限类型。");
        }
        else if (RectificationRules.CheckDates(StartsOn, DueOn, Horizon, Campaign.StartsOn, Campaign.EndsOn) is { } dates)
        {
            ModelState.AddModelError(nameof(DueOn), dates);
        }

        if (LeaderPersonId is null || Leaders.All(l => l.Id != LeaderPersonId))
        {
            ModelState.AddModelError(nameof(LeaderPersonId), "请选择责任领导（本活动范围内的班子成员）。");
        }

        if (DepartmentId is null || Units.All(u => u.Id != DepartmentId))
        {
            ModelState.AddModelError(nameof(DepartmentId), "请选择责任部门。");
        }

        if (ProblemId is { } pid && Problems.All(p => p.Id != pid))
        {
            ModelState.AddModelError(nameof(ProblemId), "只能对应本活动问题清单中的问题。");
        }

        if (Weight is < 1 or > 100)
        {
            ModelState.AddModelError(nameof(Weight), "权重须在1到100之间。");
        }

        if (IsPublic && ModelState.IsValid && await PrivateNameAsync(ct) is { } name)
        {
            ModelState.AddModelError(nameof(IsPublic), $"公示内容中出现了“{name}”的姓名。公示只写单位和领导职务，不写普通干部群众的姓名，请修改后再公示。");
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
            db.ExpectVersion(item, LoadedVersion);
        }

        item.Title = Title!.Trim();
        item.Goal = Goal.NullIfBlank();
        item.Measures = Measures.NullIfBlank();
        item.Commitment = Commitment.NullIfBlank();
        item.Special = Special.NullIfBlank();
        item.RuleReference = RuleReference.NullIfBlank();
        (item.StartsOn, item.DueOn, item.Horizon, item.LeaderPersonId, item.DepartmentId, item.Weight, item.IsPublic, item.ProblemId) =
            (StartsOn, DueOn, Horizon, LeaderPersonId!.Value, DepartmentId!.Value, Weight, IsPublic, ProblemId);
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
        var text = string.Join("\n", new[] { Title, Goal, Measures, Commitment }.Where(s => s is not null));
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
