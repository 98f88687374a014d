using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Audit;

/// <summary>审计日志: search, filter, read and export the audit trail. Audit administrator only.</summary>
[RequirePermission(Permissions.AuditView)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ObjectType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Entries { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("审计日志"));
        Entries = await Filter().ToPageAsync(PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Filter().Take(100_000).ToListAsync(ct);
        db.Audit(AuditActions.Export, "AuditLog", null, $"导出审计日志{rows.Count}条", null, new { 筛选 = Request.QueryString.Value });
        await db.SaveChangesAsync(ct);
        var today = ChinaTime.Today(clock);
        var content = XlsxWriter.Write("审计日志", $"审计日志（{ChinaTime.LongDate(today)}导出）",
            [new("序号", 8), new("时间", 18), new("用户", 14), new("地址", 16), new("操作", 14), new("对象", 10), new("对象名称", 20), new("结果", 8), new("修改前", 40), new("修改后", 40), new("哈希", 20)],
            rows.Select(e => (IReadOnlyList<object?>)[e.Sequence, ChinaTime.ToLocal(e.OccurredAt), e.UserName, e.ClientAddress, AuditActions.Label(e.Action), AuditActions.ObjectLabel(e.ObjectType), e.Summary, e.Outcome, e.Before, e.After, e.Hash[..16]]));
        return FileDownloads.Xlsx(content, $"审计日志-{ChinaTime.DateText(today)}.xlsx");
    }

    private IQueryable<AuditEntry> Filter()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
            entries = entries.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
            entries = entries.Where(e => e.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            entries = entries.Where(e => e.UserName == UserName.Trim());
        }

        if (!string.IsNullOrEmpty(Action))
        {
            entries = Action == "security" ? entries.Where(e => e.Action.StartsWith(AuditActions.SecurityPrefix)) : entries.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrEmpty(ObjectType))
        {
            entries = entries.Where(e => e.ObjectType == ObjectType);
        }

        if (!string.IsNullOrEmpty(Outcome))
        {
            entries = entries.Where(e => e.Outcome == Outcome);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            entries = entries.Where(e => (e.Summary != null && e.Summary.Contains(q)) || e.ObjectId == q);
        }

        return entries.OrderByDescending(e => e.Sequence);
    }
}
