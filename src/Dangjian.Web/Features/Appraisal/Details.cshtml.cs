using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// One appraisal: window, targets and turnout for everyone who sees the campaign; for the office the slips to print and
/// the paper-ballot entry; after the close, the tally (发出/收回/有效, per-target distribution, 好+较好) and its export.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, AppraisalAccess access, AppraisalService service) : PageModel
{
    public Appraisal Appraisal { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public bool CanManage { get; private set; }

    public List<AppraisalTarget> Targets { get; private set; } = [];

    public int Issued { get; private set; }

    public int Returned { get; private set; }

    public int PaperEntered { get; private set; }

    public AppraisalService.Tally? Tally { get; private set; }

    public DateTime Now => service.Now;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Tally is null)
        {
            TempData.Error("测评截止后才能导出结果。");
            return RedirectToPage(new { id });
        }

        var grades = Enum.GetValues<Grade>();
        var rows = Tally.Targets.Select(t => (IReadOnlyList<object?>)[t.Target.Name, .. grades.Select(g => (object?)t.Counts.GetValueOrDefault(g)), t.Rated, t.GoodShare / 100]).ToList();
        var content = XlsxWriter.Write("测评结果", $"{Appraisal.Title}（发出{Tally.Issued}份，收回{Tally.Returned}份，有效{Tally.Valid}份）",
            [new("测评对象", 24), .. grades.Select(g => new XlsxWriter.Column(AppraisalRules.Label(g), 8)), new("评价人数", 10), new("好和较好占比", 14)], rows);
        return FileDownloads.Xlsx(content, $"{Appraisal.Title}结果.xlsx");
    }

    public async Task<IActionResult> OnPostPaperAsync(Guid id, string? comment, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanManage)
        {
            return Forbid();
        }

        var posted = Targets.ToDictionary(t => t.Order, t => (string?)Request.Form[$"g-{t.Order}"].ToString());
        if (await service.EnterPaperAsync(Appraisal, posted, comment, ct) is { } problem)
        {
            TempData.Error(problem);
        }
        else
        {
            TempData.Success("已录入一张纸质票。");
        }

        return RedirectToPage(new { id });
    }

    /// <summary>
    /// 提前结束: the office closes a running appraisal now — all ballots are in (paper ones entered), or it was held before
    /// the office adopted Dangjian — so that its tally counts. Audited; no vote is accepted afterwards.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanManage)
        {
            return Forbid();
        }

        var now = service.Now;
        var appraisal = await db.Appraisals.SingleAsync(a => a.Id == id, ct);
        if (now < appraisal.OpensAt || now >= appraisal.ClosesAt)
        {
            TempData.Error(now < appraisal.OpensAt ? "测评尚未开始，不能提前结束；可修改测评时间。" : "测评已经结束。");
            return RedirectToPage(new { id });
        }

        var planned = appraisal.ClosesAt;
        appraisal.ClosesAt = now;
        db.Audit("close-early", nameof(Appraisal), id.ToString(), $"提前结束民主测评“{appraisal.Title}”（原定{ChinaTime.DateTimeText(planned)}截止）");
        await db.SaveChangesAsync(ct);
        TempData.Success("测评已结束，结果已统计。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Appraisal, var campaign, CanManage) = await access.FindAsync(id, ct);
        CampaignTitle = campaign.Title;
        Targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == id).OrderBy(t => t.Order).ToListAsync(ct);
        (Issued, Returned) = await service.TurnoutAsync(Appraisal, ct);
        PaperEntered = await db.AppraisalBallots.CountAsync(b => b.AppraisalId == id && b.Paper, ct);
        Tally = await service.TallyAsync(Appraisal, ct);
        ViewData.Trail(new Breadcrumb("民主测评", "/Appraisal"), new Breadcrumb(Appraisal.Title));
    }
}
