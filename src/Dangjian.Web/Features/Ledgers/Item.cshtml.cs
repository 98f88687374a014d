using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// One ledger item: its monthly reports (one per month, filed by the responsible department — changeable until the office
/// comments), the office's comments, and 办结.
/// </summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class ItemModel(AppDbContext db, LedgerAccess access, CurrentUser me, TimeProvider clock) : PageModel
{
    public LedgerItem Item { get; private set; } = null!;

    public Ledger Ledger { get; private set; } = null!;

    public string Leader { get; private set; } = "";

    public string Department { get; private set; } = "";

    public LedgerAccess.Rights Rights { get; private set; } = null!;

    public bool CanReport { get; private set; }

    public List<MonthlyReport> Reports { get; private set; } = [];

    public List<DateOnly> Months { get; private set; } = [];

    public DateOnly Today => ChinaTime.Today(clock);

    public Pace Pace => LedgerRules.PaceOf(Item.Progress, Item.StartsOn, Item.DueOn, Today, Item.DoneOn is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, DateOnly? month, int? progress, string? narrative, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanReport)
        {
            return Forbid();
        }

        var problem = Item.DoneOn is not null ? "事项已办结，不再报送。"
            : month is null || !Months.Contains(month.Value) ? "请选择事项期间内、不晚于本月的月份。"
            : progress is null ? "请填写进度。"
            : LedgerRules.CheckReport(progress.Value, narrative);
        if (problem is not null)
        {
            TempData.Error(problem);
            return RedirectToPage(new { id });
        }

        var m = month!.Value;

        var report = await db.MonthlyReports.SingleOrDefaultAsync(r => r.ItemId == id && r.Month == m, ct);
        if (report is { Comment: not null })
        {
            TempData.Error($"{m:yyyy年M月}的报送已经点评，不能再改。");
            return RedirectToPage(new { id });
        }

        if (report is null)
        {
            db.MonthlyReports.Add(new MonthlyReport { ItemId = id, Month = m, Progress = progress!.Value, Narrative = narrative!.Trim(), ReporterId = Rights.PersonId });
        }
        else
        {
            (report.Progress, report.Narrative, report.ReporterId) = (progress!.Value, narrative!.Trim(), Rights.PersonId);
        }

        var latest = await db.MonthlyReports.Where(r => r.ItemId == id && r.Month > m).OrderByDescending(r => r.Month).Select(r => (int?)r.Progress).FirstOrDefaultAsync(ct);
        var tracked = await db.LedgerItems.SingleAsync(i => i.Id == id, ct);
        tracked.Progress = latest ?? progress!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData.Error("这个月刚刚已有人报送，请刷新后查看。");
            return RedirectToPage(new { id });
        }

        TempData.Success($"{m:yyyy年M月}进展已报送。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, Guid reportId, string? comment, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        var report = await db.MonthlyReports.SingleOrDefaultAsync(r => r.Id == reportId && r.ItemId == id, ct) ?? throw new NotFoundException();
        if (string.IsNullOrWhiteSpace(comment) || comment.Trim().Length > 2000)
        {
            TempData.Error("请填写点评意见（不超过2000字）。");
            return RedirectToPage(new { id });
        }

        (report.Comment, report.CommentBy) = (comment.Trim(), me.DisplayName);
        await db.SaveChangesAsync(ct);
        TempData.Success("点评已保存。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, bool undo, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        if (!undo && Item.Progress < 100)
        {
            TempData.Error("责任部门报送的进度尚未达到100%，不能办结。");
            return RedirectToPage(new { id });
        }

        var item = await db.LedgerItems.SingleAsync(i => i.Id == id, ct);
        item.DoneOn = undo ? null : Today;
        await db.SaveChangesAsync(ct);
        TempData.Success(undo ? "已撤销办结。" : "已办结。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.LedgerItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { Item = i, Leader = i.LeadLeader!.Name, Department = i.Department!.Name, DepartmentPath = i.Department.Path }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Item, Leader, Department) = (found.Item, found.Leader, found.Department);
        (Ledger, Rights) = await access.FindAsync(Item.LedgerId, ct);
        CanReport = Rights.MayReport(found.DepartmentPath);
        Reports = await db.MonthlyReports.AsNoTracking().Where(r => r.ItemId == id).OrderByDescending(r => r.Month).Take(120).ToListAsync(ct);
        var first = new DateOnly(Item.StartsOn.Year, Item.StartsOn.Month, 1);
        var last = new DateOnly(Today.Year, Today.Month, 1);
        Months = [];
        for (var m = last; m >= first && Months.Count < 36; m = m.AddMonths(-1))
        {
            Months.Add(m);
        }

        ViewData.Trail(new Breadcrumb("督办台账", "/Ledgers"), new Breadcrumb(Ledger.Title, $"/Ledgers/Ledger?id={Ledger.Id}"), new Breadcrumb("督办事项"));
    }
}
