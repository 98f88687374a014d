using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// One ledger: its items with "时间过半、任务过半" — elapsed time against reported progress, green/amber/red — per item and
/// per department, filterable by department and pace.
/// </summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class LedgerModel(AppDbContext db, LedgerAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Source, string Content, string Leader, Guid DepartmentId, string Department, DateOnly StartsOn, DateOnly DueOn, int Progress, int Elapsed, Pace Pace, DateOnly? LastMonth);

    public sealed record DepartmentPace(string Department, int Green, int Amber, int Red, int Done);

    [BindProperty(SupportsGet = true)]
    public Guid? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Pace? Pace { get; set; }

    public Ledger Ledger { get; private set; } = null!;

    public LedgerAccess.Rights Rights { get; private set; } = null!;

    public List<Row> Items { get; private set; } = [];

    public List<Row> Shown { get; private set; } = [];

    public List<DepartmentPace> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        (Ledger, Rights) = await access.FindAsync(id, ct);
        var today = ChinaTime.Today(clock);
        var rows = await db.LedgerItems.AsNoTracking().Where(i => i.LedgerId == id).OrderBy(i => i.DueOn).ThenBy(i => i.CreatedAt).Take(2000)
            .Select(i => new
            {
                i.Id, i.Source, i.Content, Leader = i.LeadLeader!.Name, i.DepartmentId, Department = i.Department!.Name, i.StartsOn, i.DueOn, i.Progress, i.DoneOn,
                LastMonth = db.MonthlyReports.Where(r => r.ItemId == i.Id).OrderByDescending(r => r.Month).Select(r => (DateOnly?)r.Month).FirstOrDefault(),
            }).ToListAsync(ct);
        Items = rows.Select(i => new Row(i.Id, i.Source, i.Content, i.Leader, i.DepartmentId, i.Department, i.StartsOn, i.DueOn, i.Progress,
            LedgerRules.Elapsed(i.StartsOn, i.DueOn, today), LedgerRules.PaceOf(i.Progress, i.StartsOn, i.DueOn, today, i.DoneOn is not null), i.LastMonth)).ToList();
        Departments = Items.GroupBy(i => i.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentPace(g.Key, g.Count(i => i.Pace == Ledgers.Pace.Green), g.Count(i => i.Pace == Ledgers.Pace.Amber), g.Count(i => i.Pace == Ledgers.Pace.Red), g.Count(i => i.Pace == Ledgers.Pace.Done)))
            .ToList();
        Shown = Items.Where(i => (DepartmentId is null || i.DepartmentId == DepartmentId) && (Pace is null || i.Pace == Pace)).ToList();
        ViewData.Trail(new Breadcrumb("督办台账", "/Ledgers"), new Breadcrumb(Ledger.Title));
        return Page();
    }

    /// <summary>督办台账 in Excel with a column per month of the year so far: each month's reported cumulative progress.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        (Ledger, Rights) = await access.FindAsync(id, ct);
        var today = ChinaTime.Today(clock);
        var items = await db.LedgerItems.AsNoTracking().Where(i => i.LedgerId == id).OrderBy(i => i.DueOn).ThenBy(i => i.CreatedAt).Take(5000)
            .Select(i => new { i.Id, i.Source, i.Issuer, i.Content, Leader = i.LeadLeader!.Name, Department = i.Department!.Name, i.Cooperating, i.StartsOn, i.DueOn, i.Progress, i.DoneOn })
            .ToListAsync(ct);
        var first = new DateOnly(today.Year, 1, 1);
        var months = Enumerable.Range(0, today.Month).Select(m => first.AddMonths(m)).ToList();
        var ids = items.Select(i => i.Id).ToList();
        var reports = (await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.ItemId) && r.Month >= first).Select(r => new { r.ItemId, r.Month, r.Progress }).ToListAsync(ct))
            .ToDictionary(r => (r.ItemId, r.Month), r => r.Progress);
        var n = 0;
        var rows = items.Select(i => (IReadOnlyList<object?>)new object?[] { ++n, i.Source, i.Issuer, i.Content, i.Leader, i.Department, i.Cooperating, i.StartsOn, i.DueOn }
            .Concat(months.Select(m => reports.TryGetValue((i.Id, m), out var p) ? (object?)p : null))
            .Append(i.Progress)
            .Append(LedgerRules.Label(LedgerRules.PaceOf(i.Progress, i.StartsOn, i.DueOn, today, i.DoneOn is not null)))
            .ToList()).ToList();
        var columns = new List<Platform.Documents.XlsxWriter.Column> { new("序号", 6), new("来源", 28), new("批示/交办人", 12), new("督办事项", 36), new("牵头领导", 10), new("责任部门", 14), new("配合部门", 14), new("开始", 12), new("完成时限", 12) };
        columns.AddRange(months.Select(m => new Platform.Documents.XlsxWriter.Column($"{m.Month}月进度%", 9)));
        columns.Add(new("当前进度%", 10));
        columns.Add(new("时间与任务", 12));
        db.Audit("export", nameof(Ledger), id.ToString(), $"导出{Ledger.Title}");
        await db.SaveChangesAsync(ct);
        return Platform.Documents.FileDownloads.Xlsx(Platform.Documents.XlsxWriter.Write("督办台账", $"{Ledger.Title}（截至{ChinaTime.LongDate(today)}）", columns, rows), $"{Ledger.Title}.xlsx");
    }
}
