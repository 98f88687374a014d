using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>督办台账: the ledgers the caller sees, each with its items, how many lag behind time, and last month's missing reports.</summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class IndexModel(AppDbContext db, LedgerAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, LedgerKind Kind, string Owner, int ReportDay, int Items, int Open, int Reported);

    public sealed record Option(Guid Id, string Name);

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public LedgerKind Kind { get; set; } = LedgerKind.KeyTasks;

    [BindProperty]
    public Guid? OwnerUnitId { get; set; }

    [BindProperty]
    public int ReportDay { get; set; } = 10;

    public List<Row> Ledgers { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public DateOnly MonthDue { get; private set; }

    public bool CanCreate => User.Can(Permissions.LedgersEdit) && Units.Count > 0;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!User.Can(Permissions.LedgersEdit))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写台账名称（不超过200字）。");
        }

        if (!Enum.IsDefined(Kind) || OwnerUnitId is null || Units.All(u => u.Id != OwnerUnitId) || ReportDay is < 1 or > 28)
        {
            ModelState.AddModelError(nameof(OwnerUnitId), "请选择台账类别和所属单位；每月报送日须在1到28日之间。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var ledger = new Ledger { Title = Title!.Trim(), Kind = Kind, OwnerUnitId = OwnerUnitId!.Value, ReportDay = ReportDay };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        TempData.Success("台账已建立，可以逐项登记督办事项。");
        return RedirectToPage("/Ledgers/Ledger", new { id = ledger.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("督办台账"));
        MonthDue = LedgerRules.MonthDue(ChinaTime.Today(clock));
        var month = MonthDue;
        Ledgers = await (await access.VisibleAsync(ct)).OrderBy(l => l.OwnerUnit!.Path).ThenBy(l => l.CreatedAt).Take(200)
            .Select(l => new Row(l.Id, l.Title, l.Kind, l.OwnerUnit!.Name, l.ReportDay,
                db.LedgerItems.Count(i => i.LedgerId == l.Id),
                db.LedgerItems.Count(i => i.LedgerId == l.Id && i.DoneOn == null),
                db.LedgerItems.Count(i => i.LedgerId == l.Id && i.DoneOn == null && db.MonthlyReports.Any(r => r.ItemId == i.Id && r.Month == month))))
            .ToListAsync(ct);
        if (User.Can(Permissions.LedgersEdit))
        {
            Units = await db.OrgUnits.AsNoTracking().InScope(await guard.ScopeAsync(ct), u => u.Path)
                .Where(u => u.IsActive && (u.Kind == OrgUnitKind.Bureau || u.Kind == OrgUnitKind.PartyGroup || u.Kind == OrgUnitKind.PartyCommittee))
                .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Select(u => new Option(u.Id, u.Name)).Take(200).ToListAsync(ct);
        }
    }
}
