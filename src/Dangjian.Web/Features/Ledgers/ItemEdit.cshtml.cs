using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>新增/修改督办事项: source (document or instruction, date, issuer), content, lead leader, responsible and cooperating departments, dates.</summary>
[RequirePermission(Permissions.LedgersEdit)]
public sealed class ItemEditModel(AppDbContext db, LedgerAccess access, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid LedgerId { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public DateOnly? SourceDate { get; set; }

    [BindProperty]
    public string? Issuer { get; set; }

    [BindProperty(Name = "Content")]
    public string? Text { get; set; }

    [BindProperty]
    public Guid? LeadLeaderId { get; set; }

    [BindProperty]
    public Guid? DepartmentId { get; set; }

    [BindProperty]
    public string? Cooperating { get; set; }

    [BindProperty]
    public DateOnly StartsOn { get; set; }

    [BindProperty]
    public DateOnly DueOn { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public Ledger Ledger { get; private set; } = null!;

    public LedgerItem? Existing { get; private set; }

    public List<Option> Leaders { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        (StartsOn, DueOn) = (today, new DateOnly(today.Year, 12, 31));
        if (Existing is { } i)
        {
            (Source, SourceDate, Issuer, Text, LeadLeaderId, DepartmentId, Cooperating, StartsOn, DueOn, LoadedVersion) =
                (i.Source, i.SourceDate, i.Issuer, i.Content, i.LeadLeaderId, i.DepartmentId, i.Cooperating, i.StartsOn, i.DueOn, i.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Source) || Source.Trim().Length > 200 || (Issuer?.Length ?? 0) > 100)
        {
            ModelState.AddModelError(nameof(Source), "请填写事项来源（批示或文件，不超过200字），批示人或发文单位不超过100字。");
        }

        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > 4000 || (Cooperating?.Length ?? 0) > 200)
        {
            ModelState.AddModelError("Content", "请填写督办内容（不超过4000字），配合部门不超过200字。");
        }

        if (LeadLeaderId is null || Leaders.All(l => l.Id != LeadLeaderId))
        {
            ModelState.AddModelError(nameof(LeadLeaderId), "请选择牵头领导（班子成员）。");
        }

        if (DepartmentId is null || Units.All(u => u.Id != DepartmentId))
        {
            ModelState.AddModelError(nameof(DepartmentId), "请选择责任部门。");
        }

        if (DueOn < StartsOn || StartsOn == default)
        {
            ModelState.AddModelError(nameof(DueOn), "完成时限不能早于开始时间。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = Existing;
        if (item is null)
        {
            item = new LedgerItem { LedgerId = LedgerId, Source = "", Content = "" };
            db.LedgerItems.Add(item);
        }
        else
        {
            db.ExpectVersion(item, LoadedVersion);
        }

        (item.Source, item.Content) = (Source!.Trim(), Text!.Trim());
        item.Issuer = Issuer.NullIfBlank();
        item.Cooperating = Cooperating.NullIfBlank();
        (item.SourceDate, item.LeadLeaderId, item.DepartmentId, item.StartsOn, item.DueOn) = (SourceDate, LeadLeaderId!.Value, DepartmentId!.Value, StartsOn, DueOn);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该督办事项", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? "督办事项已登记。" : "已保存。");
        return RedirectToPage("/Ledgers/Item", new { id = item.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await db.LedgerItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
            LedgerId = Existing.LedgerId;
        }

        (Ledger, var rights) = await access.FindAsync(LedgerId, ct);
        if (!rights.Manage)
        {
            throw new ForbiddenException();
        }

        var path = await db.OrgUnits.Where(u => u.Id == Ledger.OwnerUnitId).Select(u => u.Path).SingleAsync(ct);
        Leaders = await db.People.AsNoTracking().Where(p => p.PostRank == PostRank.TeamMember && !p.IsRetired && p.OrgUnit!.Path.StartsWith(path))
            .OrderBy(p => p.CreatedAt).Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? "") + "）")).Take(200).ToListAsync(ct);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive && u.Path.StartsWith(path) && (u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.Subsidiary))
            .OrderBy(u => u.SortOrder).Select(u => new Option(u.Id, u.Name)).Take(1000).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("督办台账", "/Ledgers"), new Breadcrumb(Ledger.Title, $"/Ledgers/Ledger?id={LedgerId}"), new Breadcrumb(Existing is null ? "新增督办事项" : "修改"));
    }
}
