using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// One period: every department's score on every leaf indicator (computed ones with the records behind them), the
/// assessor's scoring form for the indicators assigned to them only, the ranking under the stated tie rule, and
/// publishing — which locks the scores and awards the red flag.
/// </summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class AssessmentPeriodModel(AppDbContext db, AssessmentService service, CurrentUser me, TimeProvider clock) : PageModel
{
    public AssessmentPeriod Period { get; private set; } = null!;

    public AssessmentScheme Scheme { get; private set; } = null!;

    public bool Manage { get; private set; }

    public Guid? PersonId { get; private set; }

    public AssessmentService.Result Result { get; private set; } = null!;

    /// <summary>The scored leaves this person may score: those assigned to them.</summary>
    public List<Indicator> Mine { get; private set; } = [];

    public bool Published => Period.PublishedAt is not null;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostScoreAsync(Guid id, Guid indicatorId, Guid unitId, decimal? score, string? note, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var indicator = Result.Leaves.FirstOrDefault(i => i.Id == indicatorId) ?? throw new NotFoundException();
        if (indicator.Kind != IndicatorKind.Scored || indicator.AssessorPersonId != PersonId || PersonId is null)
        {
            throw new ForbiddenException();
        }

        if (Published)
        {
            TempData.Error("本期考核结果已发布，得分不能再修改。");
            return RedirectToPage(new { id });
        }

        if (Result.Units.All(u => u.Id != unitId))
        {
            throw new NotFoundException();
        }

        if (score is not { } value || AssessmentRules.CheckScore(value, indicator.Points) is { } problem)
        {
            TempData.Error($"“{indicator.Name}”{(score is null ? "请填写得分。" : AssessmentRules.CheckScore(score.Value, indicator.Points))}");
            return RedirectToPage(new { id });
        }

        if ((note?.Trim().Length ?? 0) > 200)
        {
            TempData.Error("评分说明不超过200字。");
            return RedirectToPage(new { id });
        }

        var existing = await db.IndicatorScores.SingleOrDefaultAsync(s => s.PeriodId == id && s.IndicatorId == indicatorId && s.UnitId == unitId, ct);
        if (existing is null)
        {
            existing = new IndicatorScore { PeriodId = id, IndicatorId = indicatorId, UnitId = unitId };
            db.IndicatorScores.Add(existing);
        }

        (existing.Score, existing.Explanation, existing.ScoredBy) = (value, note.NullIfBlank(), me.DisplayName);
        if (!await db.SaveUnlessTakenAsync(ct))
        {
            TempData.Warning("这一项刚刚已由他人评分，请查看后再修改。");
            return RedirectToPage(new { id });
        }

        TempData.Success("已评分。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostComputeAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        if (Published)
        {
            TempData.Error("本期考核结果已发布，不能重新计算。");
            return RedirectToPage(new { id });
        }

        await service.ComputeAsync(Period, ct);
        TempData.Success("已按最新记录重新计算。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        if (Published)
        {
            TempData.Error("本期考核结果已经发布。");
        }
        else if (Result.WeightProblem is { } weights)
        {
            TempData.Error($"指标分值不合规，不能发布：{weights}");
        }
        else if (Result.Missing > 0)
        {
            TempData.Error($"还有{Result.Missing}项得分没有评出，不能发布。");
        }
        else if (Result.Units.Count == 0)
        {
            TempData.Error("没有参评科室。");
        }
        else
        {
            await service.ComputeAsync(Period, ct);
            await LoadAsync(id, ct);
            var period = await db.AssessmentPeriods.SingleAsync(p => p.Id == id, ct);
            (period.PublishedAt, period.FlagHolders, period.TopScore) = (clock.GetUtcNow().UtcDateTime, string.Join("、", Result.FlagHolders.Select(u => u.Name)), Result.Ranking[0].Total);
            await db.SaveChangesAsync(ct);
            TempData.Success($"考核结果已发布，流动红旗由{period.FlagHolders}获得。");
        }

        return RedirectToPage(new { id });
    }

    /// <summary>考核排名表 in Excel: rank, department, each top-level indicator and the total.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var names = Result.Units.ToDictionary(u => u.Id, u => u.Name);
        var top = Result.TopLevel.ToList();
        var columns = new List<Platform.Documents.XlsxWriter.Column> { new("名次", 8), new("科室", 16) };
        columns.AddRange(top.Select(t => new Platform.Documents.XlsxWriter.Column($"{t.Name}（{t.Points:0.#}）", 14)));
        columns.Add(new("总分", 10));
        var rows = Result.Ranking.Select(r => (IReadOnlyList<object?>)new object?[] { r.Rank, names[r.UnitId] }.Concat(r.TopLevel.Select(v => (object?)v)).Append(r.Total).ToList()).ToList();
        db.Audit("export", nameof(AssessmentPeriod), id.ToString(), $"导出{Period.Label}考核排名表");
        await db.SaveChangesAsync(ct);
        return Platform.Documents.FileDownloads.Xlsx(Platform.Documents.XlsxWriter.Write("考核排名", $"{Period.Label}{Scheme.Name}排名表", columns, rows), $"{Period.Label}考核排名表.xlsx");
    }

    private void RequireManage()
    {
        if (!Manage)
        {
            throw new ForbiddenException();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Period = await db.AssessmentPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        (Scheme, Manage) = await service.FindAsync(Period.SchemeId, ct);
        PersonId = await service.PersonIdAsync(ct);
        Result = await service.ResultAsync(Period, ct);
        Mine = Result.Leaves.Where(l => l.Kind == IndicatorKind.Scored && l.AssessorPersonId == PersonId && PersonId is not null).ToList();
        ViewData.Trail(new Breadcrumb("季度考核", "/Ledgers/Assessment"), new Breadcrumb(Scheme.Name, $"/Ledgers/Assessment?schemeId={Scheme.Id}"), new Breadcrumb(Period.Label));
    }
}
