using System.ComponentModel.DataAnnotations;
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

    public SchemeInput NewScheme { get; set; } = new();

    public IndicatorInput NewIndicator { get; set; } = new();

    public PeriodInput NewPeriod { get; set; } = new();

    public List<SchemeRow> Schemes { get; private set; } = [];

    public List<Option> Owners { get; private set; } = [];

    /// <summary>The campaigns in scope a new scheme may belong to.</summary>
    public List<Option> Campaigns { get; private set; } = [];

    public AssessmentScheme? Scheme { get; private set; }

    public bool Manage { get; private set; }

    public List<Indicator> Indicators { get; private set; } = [];

    public string? WeightProblem { get; private set; }

    public List<PeriodRow> Periods { get; private set; } = [];

    public List<Option> Assessors { get; private set; } = [];

    public List<AssessmentService.Unit> Units { get; private set; } = [];

    /// <summary>新建考核方案.</summary>
    public sealed class SchemeInput
    {
        [Required(ErrorMessage = "请填写考核方案名称（不超过100字）。")]
        [StringLength(AssessmentScheme.NameMax, ErrorMessage = "请填写考核方案名称（不超过100字）。")]
        [Display(Name = "名称")]
        public string? Name { get; set; }

        [Display(Name = "单位")]
        public Guid? OwnerUnitId { get; set; }

        [Display(Name = "考核周期")]
        public int PeriodMonths { get; set; } = 3;

        /// <summary>所属活动: blank for a standing scheme.</summary>
        [Display(Name = "所属活动")]
        public Guid? CampaignId { get; set; }
    }

    /// <summary>添加考核指标.</summary>
    public sealed class IndicatorInput
    {
        [Display(Name = "上级指标")]
        public Guid? ParentId { get; set; }

        [Required(ErrorMessage = "请填写指标名称（不超过100字）。")]
        [StringLength(Indicator.NameMax, ErrorMessage = "请填写指标名称（不超过100字）。")]
        [Display(Name = "指标名称")]
        public string? Name { get; set; }

        [Display(Name = "分值")]
        public decimal? Points { get; set; }

        [Display(Name = "评分方式")]
        public IndicatorKind Kind { get; set; } = IndicatorKind.Scored;

        [Display(Name = "评分人")]
        public Guid? AssessorPersonId { get; set; }
    }

    /// <summary>开始考核期.</summary>
    public sealed class PeriodInput
    {
        [Required(ErrorMessage = "请填写考核期名称（不超过50字）。")]
        [StringLength(AssessmentPeriod.LabelMax, ErrorMessage = "请填写考核期名称（不超过50字）。")]
        [Display(Name = "考核期")]
        public string? Label { get; set; }

        [Display(Name = "开始")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "结束")]
        public DateOnly EndsOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Scheme is not null)
        {
            var (starts, ends, label) = DefaultPeriod(Scheme.PeriodMonths, ChinaTime.Today(clock));
            NewPeriod = new PeriodInput { StartsOn = starts, EndsOn = ends, Label = label };
        }
    }

    public async Task<IActionResult> OnPostSchemeAsync(SchemeInput newScheme, CancellationToken ct)
    {
        NewScheme = newScheme;
        SchemeId = null;
        await LoadAsync(ct);
        if (Owners.Count == 0)
        {
            throw new ForbiddenException();
        }

        if (NewScheme.OwnerUnitId is null || Owners.All(o => o.Id != NewScheme.OwnerUnitId) || NewScheme.PeriodMonths is not (1 or 3 or 12))
        {
            ModelState.AddModelError(nameof(NewScheme) + "." + nameof(SchemeInput.OwnerUnitId), "请选择单位和考核周期（月度、季度或年度）。");
        }

        if (NewScheme.CampaignId is { } campaign && Campaigns.All(c => c.Id != campaign))
        {
            ModelState.AddModelError(nameof(NewScheme) + "." + nameof(SchemeInput.CampaignId), "所属活动须是您管理范围内的活动；常设的考核方案请留空。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scheme = new AssessmentScheme { Name = NewScheme.Name!.Trim(), OwnerUnitId = NewScheme.OwnerUnitId!.Value, PeriodMonths = NewScheme.PeriodMonths, CampaignId = NewScheme.CampaignId };
        db.AssessmentSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        TempData.Success("考核方案已建立。请添加考核指标，一级指标分值合计100分。");
        return RedirectToPage(new { schemeId = scheme.Id });
    }

    public async Task<IActionResult> OnPostIndicatorAsync(IndicatorInput newIndicator, CancellationToken ct)
    {
        NewIndicator = newIndicator;
        await LoadManagedAsync(ct);
        if (NewIndicator.Points is not { } points || points <= 0 || points > AssessmentRules.FullMarks || decimal.Round(points, 1) != points)
        {
            ModelState.AddModelError(nameof(NewIndicator) + "." + nameof(IndicatorInput.Points), "分值须大于0、不超过100分，最多一位小数。");
        }

        if (NewIndicator.ParentId is { } parent && Indicators.All(i => i.Id != parent))
        {
            ModelState.AddModelError(nameof(NewIndicator) + "." + nameof(IndicatorInput.ParentId), "上级指标不属于这个方案。");
        }
        else if (NewIndicator.ParentId is { } p && await db.IndicatorScores.AnyAsync(s => s.IndicatorId == p, ct))
        {
            ModelState.AddModelError(nameof(NewIndicator) + "." + nameof(IndicatorInput.ParentId), "上级指标已经有得分，不能再分解。");
        }

        if (!Enum.IsDefined(NewIndicator.Kind))
        {
            ModelState.AddModelError(nameof(NewIndicator) + "." + nameof(IndicatorInput.Kind), "请选择评分方式。");
        }
        else if (NewIndicator.Kind == IndicatorKind.Scored && (NewIndicator.AssessorPersonId is null || Assessors.All(a => a.Id != NewIndicator.AssessorPersonId)))
        {
            ModelState.AddModelError(nameof(NewIndicator) + "." + nameof(IndicatorInput.AssessorPersonId), "评分指标须指定评分人（本单位人员）。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var order = Indicators.Where(i => i.ParentId == NewIndicator.ParentId).Select(i => i.SortOrder).DefaultIfEmpty(0).Max();
        db.Indicators.Add(new Indicator
        {
            SchemeId = Scheme!.Id, ParentId = NewIndicator.ParentId, Name = NewIndicator.Name!.Trim(), Points = NewIndicator.Points!.Value, Kind = NewIndicator.Kind, SortOrder = order + 1,
            AssessorPersonId = NewIndicator.Kind == IndicatorKind.Scored ? NewIndicator.AssessorPersonId : null,
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

    public async Task<IActionResult> OnPostPeriodAsync(PeriodInput newPeriod, CancellationToken ct)
    {
        NewPeriod = newPeriod;
        await LoadManagedAsync(ct);
        if (WeightProblem is not null)
        {
            ModelState.AddModelError("", $"指标分值不合规，不能开始考核：{WeightProblem}");
        }

        if (NewPeriod.EndsOn < NewPeriod.StartsOn || NewPeriod.StartsOn == default)
        {
            ModelState.AddModelError(nameof(NewPeriod) + "." + nameof(PeriodInput.EndsOn), "请填写起止日期，结束日期不能早于开始日期。");
        }
        else if (Periods.Any(p => p.StartsOn <= NewPeriod.EndsOn && NewPeriod.StartsOn <= p.EndsOn))
        {
            ModelState.AddModelError(nameof(NewPeriod) + "." + nameof(PeriodInput.StartsOn), "与已有考核期的时间重叠。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var period = new AssessmentPeriod { SchemeId = Scheme!.Id, Label = NewPeriod.Label!.Trim(), StartsOn = NewPeriod.StartsOn, EndsOn = NewPeriod.EndsOn };
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
            var scope = await guard.ScopeAsync(ct);
            Owners = await db.OrgUnits.AsNoTracking().InScope(scope, u => u.Path).Organizations()
                .Take(200).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
            Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).Where(c => c.Status != Features.Campaigns.CampaignStatus.Ended)
                .OrderByDescending(c => c.StartsOn).Take(50).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
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
