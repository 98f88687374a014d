using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// 季考核: assessment schemes (an indicator tree whose points add up to 100, each leaf scored by its assessor or
/// computed from the records) and their periods; a scheme's page keeps its indicators and opens periods.
/// </summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class AssessmentModel(AppDbContext db, AssessmentService service, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record SchemeRow(Guid Id, string Name, string Owner, int PeriodMonths, int Periods, string? LastPublished);

    public sealed record PeriodRow(Guid Id, string Label, DateOnly StartsOn, DateOnly EndsOn, DateTime? PublishedAt);

    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? SchemeId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? OwnerUnitId { get; set; }

    [BindProperty]
    public int PeriodMonths { get; set; } = 3;

    [BindProperty]
    public Guid? ParentId { get; set; }

    [BindProperty]
    public decimal Points { get; set; }

    [BindProperty]
    public IndicatorKind Kind { get; set; } = IndicatorKind.Scored;

    [BindProperty]
    public Guid? AssessorPersonId { get; set; }

    [BindProperty]
    public string? Label { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly EndsOn { get; set; }

    public List<SchemeRow> Schemes { get; private set; } = [];

    public List<Option> Owners { get; private set; } = [];

    public AssessmentScheme? Scheme { get; private set; }

    public bool Manage { get; private set; }

    public List<Indicator> Indicators { get; private set; } = [];

    public string? WeightProblem { get; private set; }

    public List<PeriodRow> Periods { get; private set; } = [];

    public List<Option> Assessors { get; private set; } = [];

    public List<AssessmentService.Unit> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Scheme is not null)
        {
            (StartsOn, EndsOn, Label) = DefaultPeriod(Scheme.PeriodMonths, ChinaTime.Today(clock));
        }
    }

    public async Task<IActionResult> OnPostSchemeAsync(CancellationToken ct)
    {
        SchemeId = null;
        await LoadAsync(ct);
        if (Owners.Count == 0)
        {
            throw new ForbiddenException();
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Name), "请填写考核方案名称（不超过100字）。");
        }

        if (OwnerUnitId is null || Owners.All(o => o.Id != OwnerUnitId) || PeriodMonths is not (1 or 3 or 12))
        {
            ModelState.AddModelError(nameof(OwnerUnitId), "请选择单位和考核周期（月度、季度或年度）。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scheme = new AssessmentScheme { Name = Name!.Trim(), OwnerUnitId = OwnerUnitId!.Value, PeriodMonths = PeriodMonths };
        db.AssessmentSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        TempData.Success("考核方案已建立。请添加考核指标，一级指标分值合计100分。");
        return RedirectToPage(new { schemeId = scheme.Id });
    }

    public async Task<IActionResult> OnPostIndicatorAsync(CancellationToken ct)
    {
        await LoadManagedAsync(ct);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Name), "请填写指标名称（不超过100字）。");
        }

        if (Points <= 0 || Points > AssessmentRules.FullMarks || decimal.Round(Points, 1) != Points)
        {
            ModelState.AddModelError(nameof(Points), "分值须大于0、不超过100分，最多一位小数。");
        }

        if (ParentId is { } parent && Indicators.All(i => i.Id != parent))
        {
            ModelState.AddModelError(nameof(ParentId), "上级指标不属于这个方案。");
        }
        else if (ParentId is { } p && await db.IndicatorScores.AnyAsync(s => s.IndicatorId == p, ct))
        {
            ModelState.AddModelError(nameof(ParentId), "上级指标已经有得分，不能再分解。");
        }

        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "请选择评分方式。");
        }
        else if (Kind == IndicatorKind.Scored && (AssessorPersonId is null || Assessors.All(a => a.Id != AssessorPersonId)))
        {
            ModelState.AddModelError(nameof(AssessorPersonId), "评分指标须指定评分人（本单位人员）。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var order = Indicators.Where(i => i.ParentId == ParentId).Select(i => i.SortOrder).DefaultIfEmpty(0).Max();
        db.Indicators.Add(new Indicator
        {
            SchemeId = Scheme!.Id, ParentId = ParentId, Name = Name!.Trim(), Points = Points, Kind = Kind, SortOrder = order + 1,
            AssessorPersonId = Kind == IndicatorKind.Scored ? AssessorPersonId : null,
        });
        await db.SaveChangesAsync(ct);
        TempData.Success("指标已添加。");
        return RedirectToPage(new { schemeId = SchemeId });
    }

    public async Task<IActionResult> OnPostDeleteIndicatorAsync(Guid indicatorId, CancellationToken ct)
    {
        await LoadManagedAsync(ct);
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId && i.SchemeId == SchemeId, ct) ?? throw new NotFoundException();
        if (await db.Indicators.AnyAsync(i => i.ParentId == indicatorId, ct) || await db.IndicatorScores.AnyAsync(s => s.IndicatorId == indicatorId, ct))
        {
            TempData.Error("该指标有下级指标或已经有得分，不能删除。");
            return RedirectToPage(new { schemeId = SchemeId });
        }

        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(ct);
        TempData.Success($"指标“{indicator.Name}”已删除。");
        return RedirectToPage(new { schemeId = SchemeId });
    }

    public async Task<IActionResult> OnPostPeriodAsync(CancellationToken ct)
    {
        await LoadManagedAsync(ct);
        if (WeightProblem is not null)
        {
            ModelState.AddModelError("", $"指标分值不合规，不能开始考核：{WeightProblem}");
        }

        if (string.IsNullOrWhiteSpace(Label) || Label.Trim().Length > 50)
        {
            ModelState.AddModelError(nameof(Label), "请填写考核期名称（不超过50字）。");
        }

        if (EndsOn < StartsOn || StartsOn == default)
        {
            ModelState.AddModelError(nameof(EndsOn), "请填写起止日期，结束日期不能早于开始日期。");
        }
        else if (Periods.Any(p => p.StartsOn <= EndsOn && StartsOn <= p.EndsOn))
        {
            ModelState.AddModelError(nameof(StartsOn), "与已有考核期的时间重叠。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var period = new AssessmentPeriod { SchemeId = Scheme!.Id, Label = Label!.Trim(), StartsOn = StartsOn, EndsOn = EndsOn };
        db.AssessmentPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        await service.ComputeAsync(period, ct);
        TempData.Success("考核期已开始，计算类指标已按记录算出得分；请评分人完成评分。");
        return RedirectToPage("/Ledgers/AssessmentPeriod", new { id = period.Id });
    }

    /// <summary>The last complete period before today: last month, last quarter or last year.</summary>
    public static (DateOnly Start, DateOnly End, string Label) DefaultPeriod(int months, DateOnly today)
    {
        var current = months switch
        {
            1 => new DateOnly(today.Year, today.Month, 1),
            3 => new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1),
            _ => new DateOnly(today.Year, 1, 1),
        };
        var start = current.AddMonths(-months);
        var label = months switch
        {
            1 => $"{start.Year}年{start.Month}月",
            3 => $"{start.Year}年第{((start.Month - 1) / 3) + 1}季度",
            _ => $"{start.Year}年度",
        };
        return (start, current.AddDays(-1), label);
    }

    private async Task LoadManagedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Scheme is null)
        {
            throw new NotFoundException();
        }

        if (!Manage)
        {
            throw new ForbiddenException();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("季度考核"));
        var visible = await service.VisibleAsync(ct);
        Schemes = await visible.OrderBy(s => s.CreatedAt).Take(100)
            .Select(s => new SchemeRow(s.Id, s.Name, s.OwnerUnit!.Name, s.PeriodMonths, db.AssessmentPeriods.Count(p => p.SchemeId == s.Id),
                db.AssessmentPeriods.Where(p => p.SchemeId == s.Id && p.PublishedAt != null).OrderByDescending(p => p.EndsOn).Select(p => p.Label).FirstOrDefault()))
            .ToListAsync(ct);
        if (User.Can(Permissions.LedgersEdit))
        {
            Owners = await db.OrgUnits.AsNoTracking().InScope(await guard.ScopeAsync(ct), u => u.Path).Organizations()
                .Take(200).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
        }

        if (SchemeId is not { } id)
        {
            return;
        }

        (Scheme, Manage) = await service.FindAsync(id, ct);
        Indicators = await service.IndicatorsAsync(id, ct);
        WeightProblem = AssessmentRules.CheckWeights(Indicators.Select(i => new AssessmentRules.Node(i.Id, i.ParentId, i.Name, i.Points)).ToList());
        Periods = await db.AssessmentPeriods.AsNoTracking().Where(p => p.SchemeId == id).OrderByDescending(p => p.StartsOn).Take(100)
            .Select(p => new PeriodRow(p.Id, p.Label, p.StartsOn, p.EndsOn, p.PublishedAt)).ToListAsync(ct);
        Units = await service.UnitsAsync(Scheme, ct);
        if (Manage)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Scheme.OwnerUnitId).Select(u => u.Path).SingleAsync(ct);
            Assessors = await db.People.AsNoTracking().Where(p => !p.IsRetired && p.OrgUnit!.Path.StartsWith(path)).OrderBy(p => p.PostRank).ThenBy(p => p.CreatedAt)
                .Take(500).Select(p => new Option(p.Id, p.Name + "（" + p.OrgUnit!.Name + "）")).ToListAsync(ct);
        }

        ViewData.Trail(new Breadcrumb("季度考核", "/Ledgers/Assessment"), new Breadcrumb(Scheme.Name));
    }
}
