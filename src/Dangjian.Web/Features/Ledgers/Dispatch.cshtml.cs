using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// 月调度: for one month, every open item with its department's report (or 未报送), progress against time and the office's
/// comment; the missing ones listed and reminded (the department's heads and the lead leader); the dispatch sheet in Excel.
/// </summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class DispatchModel(AppDbContext db, LedgerAccess access, Notifier notifier, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Content, Guid DepartmentId, string Department, string Leader, Guid LeaderId, DateOnly StartsOn, DateOnly DueOn, int ItemProgress, MonthlyReport? Report, Pace Pace);

    /// <summary>"2026-10" (from a month input) or "2026-10-01".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public Ledger Ledger { get; private set; } = null!;

    public LedgerAccess.Rights Rights { get; private set; } = null!;

    public List<Row> Rows { get; private set; } = [];

    public DateOnly Shown { get; private set; }

    public DateOnly ReportBy => Shown.AddMonths(1).AddDays(Ledger.ReportDay - 1);

    public IEnumerable<Row> Missing => Rows.Where(r => r.Report is null);

    /// <summary>Without a ledger (from the menu), the first ledger the caller sees.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var ledgerId = id ?? await (await access.VisibleAsync(ct)).OrderBy(l => l.CreatedAt).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        if (ledgerId is null)
        {
            TempData.Error("还没有可调度的督办台账。");
            return RedirectToPage("/Ledgers/Index");
        }

        await LoadAsync(ledgerId.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        db.Audit("export", nameof(Ledger), id.ToString(), $"导出{Ledger.Title}{Shown:yyyy年M月}调度表");
        await db.SaveChangesAsync(ct);
        var content = XlsxWriter.Write("月调度", $"{Ledger.Title}{Shown:yyyy年M月}调度表",
            [new("序号", 6), new("督办事项", 40), new("责任部门", 14), new("牵头领导", 10), new("完成时限", 12), new("进度", 8), new("时间与任务", 10), new("本月进展", 50), new("点评", 30)],
            Rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Content, r.Department, r.Leader, r.DueOn, r.Report is { } rep ? $"{rep.Progress}%" : "未报送", LedgerRules.Label(r.Pace), r.Report?.Narrative, r.Report?.Comment]));
        return FileDownloads.Xlsx(content, $"{Ledger.Title}{Shown:yyyy年M月}调度表.xlsx");
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Manage)
        {
            return Forbid();
        }

        var missing = Missing.ToList();
        if (missing.Count == 0)
        {
            TempData.Success("本月各部门都已报送。");
            return RedirectToPage(new { id, month = Shown.ToString("yyyy-MM-dd") });
        }

        var departments = missing.Select(r => r.DepartmentId).Distinct().ToList();
        var heads = await db.People.Where(p => departments.Contains(p.OrgUnitId) && p.PostRank == PostRank.MiddleChief).Select(p => p.Id).ToListAsync(ct);
        var recipients = heads.Concat(missing.Select(r => r.LeaderId)).Distinct().ToList();
        await notifier.ToPeopleAsync(recipients, $"请报送{Shown:yyyy年M月}督办事项进展", $"{Ledger.Title}：还有{missing.Count}项未报送，报送截止{ReportBy:M月d日}。", $"/Ledgers/Dispatch?id={id}&month={Shown:yyyy-MM-dd}", ct);
        await db.SaveChangesAsync(ct);
        await notifier.DeliverAsync(ct);
        TempData.Success($"已提醒{departments.Count}个部门（{recipients.Count}人）报送。");
        return RedirectToPage(new { id, month = Shown.ToString("yyyy-MM-dd") });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Ledger, Rights) = await access.FindAsync(id, ct);
        var today = ChinaTime.Today(clock);
        Shown = DateOnly.TryParseExact(Month?.Length == 7 ? Month + "-01" : Month, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m)
            ? new DateOnly(m.Year, m.Month, 1)
            : LedgerRules.MonthDue(today);
        var month = Shown;
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var rows = await db.LedgerItems.AsNoTracking()
            .Where(i => i.LedgerId == id && i.StartsOn <= monthEnd && (i.DoneOn == null || i.DoneOn >= month))
            .OrderBy(i => i.Department!.SortOrder).ThenBy(i => i.DueOn).Take(2000)
            .Select(i => new { i.Id, i.Content, i.DepartmentId, Department = i.Department!.Name, Leader = i.LeadLeader!.Name, i.LeadLeaderId, i.StartsOn, i.DueOn, i.Progress, i.DoneOn, Report = db.MonthlyReports.FirstOrDefault(r => r.ItemId == i.Id && r.Month == month) })
            .ToListAsync(ct);
        var asOf = monthEnd < today ? monthEnd : today;
        Rows = rows.Select(r => new Row(r.Id, r.Content, r.DepartmentId, r.Department, r.Leader, r.LeadLeaderId, r.StartsOn, r.DueOn, r.Progress, r.Report,
            LedgerRules.PaceOf(r.Report?.Progress ?? 0, r.StartsOn, r.DueOn, asOf, r.DoneOn is { } d && d <= monthEnd))).ToList();
        ViewData.Trail(new Breadcrumb("督办台账", "/Ledgers"), new Breadcrumb(Ledger.Title, $"/Ledgers/Ledger?id={id}"), new Breadcrumb("月调度"));
    }
}
