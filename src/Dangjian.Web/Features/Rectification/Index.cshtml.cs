using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>
/// 整改方案: the campaign's rectification items with their tasks, status (overdue in red), progress and owners; figures
/// (closed and on-time rates); filters; the 整改台账 in Excel.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, RectificationService service, FigureCache cache, TimeProvider clock) : CampaignPageModel
{
    /// <summary>What a save of these rows changes in the figures and filters kept for this page.</summary>
    private static readonly Type[] Counted = [typeof(RectificationItem), typeof(ProgressReport), typeof(Problem), typeof(Platform.Organization.OrgUnit)];

    public sealed record Option(Guid Id, string Name);

    public sealed record Row(Guid Id, Guid? ParentId, string Title, DateOnly StartsOn, DateOnly DueOn, ProblemHorizon Horizon, string Leader, string Department, int Progress, ItemStatus Status, bool IsPublic, string? Special, string? Problem, Guid? PlanUnitId)
    {
        public bool Overdue(DateOnly today) => RectificationRules.IsOverdue(Status, Horizon, DueOn, today);
    }

    /// <summary>An <see cref="ItemStatus"/> name, or "overdue".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Which plan to show: empty for all, "own" for the campaign's own (本级), or a 直属单位's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Option> Departments { get; private set; } = [];

    public RectificationProgress.Figures? Figures { get; private set; }

    public RectificationService.Rights Rights { get; private set; } = RectificationService.Rights.None;

    /// <summary>A plan with its figures and its 整改方案 document, if written.</summary>
    public sealed record PlanRow(RectificationService.Plan Plan, RectificationProgress.PlanFigures Figures, Guid? DocumentId, DocumentStatus? DocumentStatus)
    {
        public string Key => Plan.UnitId?.ToString() ?? "own";
    }

    public List<PlanRow> Plans { get; private set; } = [];

    /// <summary>A 直属单位 plan's name for an item's badge; null for the campaign's own.</summary>
    public string? PlanName(Guid? unitId) => unitId is null ? null : Plans.FirstOrDefault(p => p.Plan.UnitId == unitId)?.Plan.Name;

    /// <summary>The plan chosen with <see cref="Plan"/>, if any.</summary>
    public RectificationService.Plan? SelectedPlan { get; private set; }

    /// <summary>Where 新增整改事项 adds: the chosen plan if the caller keeps it, else the first plan they keep.</summary>
    public RectificationService.Plan? NewItemPlan => SelectedPlan is { } p && Rights.ManagesPlan(p.UnitId) ? p : Plans.Select(r => r.Plan).FirstOrDefault(p => Rights.ManagesPlan(p.UnitId));

    public Paged<Row> Items { get; private set; } = null!;

    public ILookup<Guid, Row> Tasks { get; private set; } = Array.Empty<Row>().ToLookup(r => r.ParentId ?? Guid.Empty);

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("整改方案"));
        if (await LoadCampaignAsync(ct) is not { } campaign)
        {
            return;
        }

        Rights = await service.RightsAsync(campaign, ct);
        // The campaign's figures, each plan's and the departments holding items are kept (forgotten as soon as an item, a
        // progress report, a problem or a unit is saved on this instance): the list below is what changes with the filters.
        var id = campaign.Id;
        Figures = await cache.GetAsync($"rectification-figures:{id}", (services, token) => services.GetRequiredService<RectificationProgress>().FiguresAsync(id, token), Counted, ct);
        var figures = await cache.GetAsync($"rectification-plans:{id}", async (services, token) => (IReadOnlyList<RectificationProgress.PlanFigures>)await services.GetRequiredService<RectificationProgress>().PlanFiguresAsync(id, token), Counted, ct);
        var documents = await db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == campaign.Id && d.Kind == DocumentKind.RectificationPlan)
            .Select(d => new { d.Id, d.UnitId, d.Status }).ToListAsync(ct);
        var plans = await service.PlansAsync(campaign, ct);
        Plans = plans.Select(p => new PlanRow(
                p,
                figures.SingleOrDefault(f => f.UnitId == p.UnitId) ?? new RectificationProgress.PlanFigures(p.UnitId, 0, 0, 0, 0),
                documents.FirstOrDefault(d => d.UnitId == p.UnitId)?.Id,
                documents.FirstOrDefault(d => d.UnitId == p.UnitId)?.Status))
            .ToList();
        var all = db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        if (SelectPlan(plans))
        {
            all = all.Where(i => i.PlanUnitId == SelectedPlan!.UnitId);
        }

        // The departments holding items, as a semi-join on their ids (a DISTINCT over joined unit rows cost 3 ms at L).
        var plan = SelectedPlan;
        Departments = await cache.GetAsync($"rectification-departments:{id}:{Plan}", (services, token) => DepartmentsAsync(services.GetRequiredService<AppDbContext>(), id, plan, token), Counted, ct);
        Items = await Project(Filter(all.Where(i => i.ParentId == null))).ToPageAsync(PageNumber, 20, ct);
        var ids = Items.Items.Select(i => i.Id).ToList();
        Tasks = (await Project(all.Where(i => i.ParentId != null && ids.Contains(i.ParentId!.Value))).ToListAsync(ct)).ToLookup(r => r.ParentId!.Value);
    }

    /// <summary>整改台账: every item and task, numbered 1, 1.1, 1.1.1 …, with the "四明确一承诺" and the latest state.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        var query = db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        var plans = await service.PlansAsync(campaign, ct);
        if (SelectPlan(plans))
        {
            query = query.Where(i => i.PlanUnitId == SelectedPlan!.UnitId);
        }

        var items = await query.OrderBy(i => i.SortOrder).ThenBy(i => i.CreatedAt)
            .Select(i => new { Item = i, Leader = i.LeaderPerson!.Name, Department = i.Department!.Name, Problem = i.Problem != null ? i.Problem.Title : null })
            .Take(20000).ToListAsync(ct);
        var byParent = items.Select(x => (x.Item, x.Problem, x.Leader, x.Department)).ToLookup(x => x.Item.ParentId);
        var today = Today;
        var rows = new List<IReadOnlyList<object?>>();
        void Walk(IEnumerable<(RectificationItem Item, string? Problem, string Leader, string Department)> level, string prefix, string plan)
        {
            var n = 0;
            foreach (var (i, problem, leader, department) in level)
            {
                var number = prefix + (++n);
                rows.Add([plan, number, i.Title, problem, i.Goal, i.Measures, leader, department, i.StartsOn, i.DueOn, ProblemLabels.Of(i.Horizon), i.Commitment, $"{i.Progress}%",
                    i.IsOverdue(today) ? "逾期" : RectificationLabels.Of(i.Status), i.Special, i.RuleReference]);
                Walk(byParent[i.Id], number + ".", plan);
            }
        }

        // Each plan keeps its own numbering: 本级 1, 2 …; a 直属单位's plan starts again at 1.
        foreach (var plan in plans.Where(p => SelectedPlan is null || p.UnitId == SelectedPlan.UnitId))
        {
            Walk(byParent[null].Where(x => x.Item.PlanUnitId == plan.UnitId), "", plan.Name);
        }

        db.Audit("export", nameof(RectificationItem), null, $"导出整改台账{rows.Count}项");
        await db.SaveChangesAsync(ct);
        var content = XlsxWriter.Write("整改台账", $"{campaign.Title}整改落实台账",
            [new("整改方案", 18), new("序号", 8), new("整改事项", 36), new("对应问题", 30), new("整改目标", 30), new("整改措施", 40), new("责任领导", 10), new("责任部门", 14), new("开始时间", 12), new("完成时限", 12), new("时限类型", 10), new("公开承诺", 30), new("进度", 8), new("状态", 10), new("专项整治", 14), new("建章立制", 20)],
            rows);
        return FileDownloads.Xlsx(content, "整改台账.xlsx");
    }

    /// <summary>生成整改方案文稿: writes the plan's items into its 整改方案 as a draft and opens it for editing and submission.</summary>
    public async Task<IActionResult> OnPostComposeAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        if (!SelectPlan(await service.PlansAsync(campaign, ct)))
        {
            throw new NotFoundException();
        }

        var (document, refusal) = await service.ComposeDocumentAsync(campaign, SelectedPlan!, await service.RightsAsync(campaign, ct), ct);
        if (refusal is not null)
        {
            TempData.Error(refusal);
            return RedirectToPage(new { campaignId = campaign.Id, plan = Plan });
        }

        TempData.Success("已按整改事项生成整改方案草稿。请修改完善后提交督导组审阅。");
        return RedirectToPage("/Campaigns/Document", new { id = document!.Id });
    }

    /// <summary>Resolves <see cref="Plan"/> among <paramref name="plans"/>; false when no plan is chosen. An unknown plan is a 404.</summary>
    private bool SelectPlan(IReadOnlyList<RectificationService.Plan> plans)
    {
        if (string.IsNullOrEmpty(Plan))
        {
            return false;
        }

        Guid? unit = Plan == "own" ? null : Guid.TryParse(Plan, out var g) ? g : throw new NotFoundException();
        SelectedPlan = plans.FirstOrDefault(p => p.UnitId == unit) ?? throw new NotFoundException();
        return true;
    }

    /// <summary>The departments holding the campaign's items, or one plan's.</summary>
    private static async Task<List<Option>> DepartmentsAsync(AppDbContext db, Guid campaignId, RectificationService.Plan? plan, CancellationToken ct)
    {
        var items = db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaignId);
        if (plan is not null)
        {
            items = items.Where(i => i.PlanUnitId == plan.UnitId);
        }

        var departmentIds = items.Select(i => i.DepartmentId);
        return await db.OrgUnits.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).OrderBy(d => d.SortOrder).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct);
    }

    private static IQueryable<Row> Project(IQueryable<RectificationItem> query) =>
        query.OrderBy(i => i.PlanUnitId != null).ThenBy(i => i.PlanUnitId).ThenBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new Row(i.Id, i.ParentId, i.Title, i.StartsOn, i.DueOn, i.Horizon, i.LeaderPerson!.Name, i.Department!.Name, i.Progress, i.Status, i.IsPublic, i.Special, i.Problem != null ? i.Problem.Title : null, i.PlanUnitId));

    private IQueryable<RectificationItem> Filter(IQueryable<RectificationItem> query)
    {
        var today = Today;
        var text = Q?.Trim() ?? "";
        var status = Enum.TryParse<ItemStatus>(Status, out var s) ? s : (ItemStatus?)null;
        return query
            .WhereIf(Status == "overdue", i => (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today)
            .WhereIf(status is not null, i => i.Status == status)
            .WhereIf(DepartmentId is not null, i => i.DepartmentId == DepartmentId)
            .WhereIf(text.Length > 0, i => i.Title.Contains(text) || (i.Measures != null && i.Measures.Contains(text)));
    }

    private Task<Campaign?> LoadCampaignAsync(CancellationToken ct) =>
        ChooseAsync(picker.PickAsync(CampaignId, ct));
}
