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
    public ItemInput Input { get; set; } = new();

    public Ledger Ledger { get; private set; } = null!;

    public LedgerItem? Existing { get; private set; }

    public List<Option> Leaders { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public sealed class ItemInput
    {
        [Required]
        [StringLength(LedgerItem.SourceMax)]
        [Display(Name = "事项来源")]
        public string? Source { get; set; }

        [Display(Name = "批示/发文日期")]
        public DateOnly? SourceDate { get; set; }

        [StringLength(LedgerItem.IssuerMax)]
        [Display(Name = "批示人/发文单位")]
        public string? Issuer { get; set; }

        [Required]
        [StringLength(LedgerItem.ContentMax)]
        [Display(Name = "督办内容")]
        public string? Content { get; set; }

        [Display(Name = "牵头领导")]
        public Guid? LeadLeaderId { get; set; }

        [Display(Name = "责任部门")]
        public Guid? DepartmentId { get; set; }

        [StringLength(LedgerItem.CooperatingMax)]
        [Display(Name = "配合部门")]
        public string? Cooperating { get; set; }

        [Display(Name = "开始时间")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "完成时限")]
        public DateOnly DueOn { get; set; }

        public Guid Version { get; set; }

        public static ItemInput From(LedgerItem i) => new()
        {
            Source = i.Source, SourceDate = i.SourceDate, Issuer = i.Issuer, Content = i.Content, LeadLeaderId = i.LeadLeaderId, DepartmentId = i.DepartmentId,
            Cooperating = i.Cooperating, StartsOn = i.StartsOn, DueOn = i.DueOn, Version = i.Version,
        };

        public void ApplyTo(LedgerItem item)
        {
            (item.Source, item.Content) = (Source!.Trim(), Content!.Trim());
            item.Issuer = Issuer.NullIfBlank();
            item.Cooperating = Cooperating.NullIfBlank();
            (item.SourceDate, item.LeadLeaderId, item.DepartmentId, item.StartsOn, item.DueOn) = (SourceDate, LeadLeaderId!.Value, DepartmentId!.Value, StartsOn, DueOn);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        Input = Existing is { } i ? ItemInput.From(i) : new ItemInput { StartsOn = today, DueOn = new DateOnly(today.Year, 12, 31) };

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.LeadLeaderId is null || Leaders.All(l => l.Id != Input.LeadLeaderId))
        {
            ModelState.AddModelError(Field(nameof(ItemInput.LeadLeaderId)), "请选择牵头领导（班子成员）。");
        }

        if (Input.DepartmentId is null || Units.All(u => u.Id != Input.DepartmentId))
        {
            ModelState.AddModelError(Field(nameof(ItemInput.DepartmentId)), "请选择责任部门。");
        }

        if (Input.DueOn < Input.StartsOn || Input.StartsOn == default)
        {
            ModelState.AddModelError(Field(nameof(ItemInput.DueOn)), "完成时限不能早于开始时间。");
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
            db.ExpectVersion(item, Input.Version);
        }

        Input.ApplyTo(item);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该督办事项", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? "督办事项已登记。" : "已保存。");
        return RedirectToPage("/Ledgers/Item", new { id = item.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

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
