using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization.People;

/// <summary>人员: the roster of the caller's scope, filtered, sorted and paginated on the server; export of the same view.</summary>
[RequirePermission(Permissions.PeopleView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, Gender Gender, string Unit, string? Title, PartyStatus PartyStatus, PostRank PostRank, bool IsRetired, string? IdNumberMasked, string? PhoneMasked, DateTime? DeletedAt, string? Branch = null);

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public PartyStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PostRank? Rank { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Retired { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>name | unit | status</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> People { get; private set; } = null!;

    public List<OrgTree.Node> Units { get; private set; } = [];

    public bool CanEdit => User.Can(Permissions.PeopleEdit);

    public bool CanExport => User.Can(Permissions.PeopleExport);

    public bool CanImport => User.Can(Permissions.PeopleImport);

    public bool CanCreateAccounts => User.Can(Permissions.PeopleAccounts);

    public bool Filtered => Unit is not null || Status is not null || Rank is not null || Retired is not null || !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("人员"));
        var scope = await guard.ScopeAsync(ct);
        Units = await OrgTree.ListAsync(db, scope, activeOnly: false, ct: ct);
        var query = await FilterAsync(scope, ct);
        People = await query.ToPageAsync(PageNumber, PagedQueryExtensions.DefaultPageSize, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!CanExport)
        {
            return Forbid();
        }

        var scope = await guard.ScopeAsync(ct);
        var rows = await (await FilterAsync(scope, ct)).Take(100_000).ToListAsync(ct);
        db.Audit(AuditActions.Export, nameof(Person), null, $"导出人员{rows.Count}人", null, new { 筛选 = Request.QueryString.Value, 人数 = rows.Count });
        await db.SaveChangesAsync(ct);
        var today = ChinaTime.Today(clock);
        var content = XlsxWriter.Write("人员名单", $"人员名单（{ChinaTime.LongDate(today)}导出）",
            [new("序号", 6), new("姓名", 10), new("性别", 6), new("所在单位", 18), new("职务", 22), new("政治面貌", 12), new("所在党组织", 14), new("职级", 10), new("身份证号", 22), new("手机号", 14), new("离退休", 8)],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Name, r.Gender == Gender.Male ? "男" : r.Gender == Gender.Female ? "女" : "", r.Unit, r.Title, OrgLabels.Of(r.PartyStatus), r.Branch, OrgLabels.Of(r.PostRank), r.IdNumberMasked, r.PhoneMasked, r.IsRetired]));
        return FileDownloads.Xlsx(content, $"人员名单-{ChinaTime.DateText(today)}.xlsx");
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters().Include(p => p.OrgUnit).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        await guard.RequireAsync(person.OrgUnit?.Path, Permissions.PeopleEdit, ct);
        person.Restore();
        await db.SaveChangesAsync(ct);
        TempData.Success($"已恢复“{person.Name}”。");
        return RedirectToPage("/Organization/People/Details", new { id });
    }

    private async Task<IQueryable<Row>> FilterAsync(DataScope scope, CancellationToken ct)
    {
        var people = Deleted && CanEdit ? db.People.OnlyDeleted() : db.People.AsQueryable();
        people = people.AsNoTracking().InScope(scope, p => p.OrgUnit!.Path);
        if (Unit is { } unitId)
        {
            var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            // A 党支部 or 党小组 chosen lists its members (所在党组织) as well as anyone working in it.
            people = path is null ? people.Where(_ => false) : people.Where(p => p.OrgUnit!.Path.StartsWith(path) || (p.Branch != null && p.Branch.Path.StartsWith(path)));
        }

        var q = Q?.Trim() ?? "";
        people = people
            .WhereIf(Status is not null, p => p.PartyStatus == Status)
            .WhereIf(Rank is not null, p => p.PostRank == Rank)
            .WhereIf(Retired is not null, p => p.IsRetired == Retired)
            .WhereIf(q.Length > 0, p => p.Name.Contains(q) || (p.Title != null && p.Title.Contains(q)));

        people = Sort switch
        {
            "unit" => people.OrderBy(p => p.OrgUnit!.Path).ThenBy(p => p.PostRank).ThenBy(p => p.Name),
            "status" => people.OrderBy(p => p.PartyStatus).ThenBy(p => p.Name),
            _ => people.OrderBy(p => p.Name),
        };
        return ((IOrderedQueryable<Person>)people).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Name, p.Gender, p.OrgUnit!.Name, p.Title, p.PartyStatus, p.PostRank, p.IsRetired, p.IdNumberMasked, p.PhoneMasked, p.DeletedAt, p.Branch!.Name));
    }
}
