using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization.People;

/// <summary>
/// New person (<c>?unitId=</c>) or edit (<c>?id=</c>). A stale save is refused with the person's input kept, and the
/// form then carries the newer version so a second 保存 deliberately overwrites.
/// </summary>
[RequirePermission(Permissions.PeopleEdit)]
public sealed class EditModel(AppDbContext db, ScopeGuard guard, PersonEditor editor) : PageModel
{
    [BindProperty]
    public PersonEditor.Input Input { get; set; } = new();

    [BindProperty]
    public Guid? Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public string? IdNumberMasked { get; private set; }

    public string? PhoneMasked { get; private set; }

    public List<OrgTree.Node> Units { get; private set; } = [];

    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? unitId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var person = await FindAsync(existing, ct);
            Id = person.Id;
            Version = person.Version;
            Input = new PersonEditor.Input
            {
                Name = person.Name, Gender = person.Gender, BirthDate = person.BirthDate, OrgUnitId = person.OrgUnitId, BranchId = person.BranchId, Title = person.Title,
                PartyStatus = person.PartyStatus, JoinedPartyOn = person.JoinedPartyOn, FullMemberOn = person.FullMemberOn,
                PostRank = person.PostRank, IsRetired = person.IsRetired,
            };
            (IdNumberMasked, PhoneMasked) = (person.IdNumberMasked, person.PhoneMasked);
        }
        else if (unitId is { } unit)
        {
            Input.OrgUnitId = unit;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Person person;
        if (Id is { } id)
        {
            person = await FindAsync(id, ct);
            db.ExpectVersion(person, Version);
            (IdNumberMasked, PhoneMasked) = (person.IdNumberMasked, person.PhoneMasked);
        }
        else
        {
            person = new Person { Name = "" };
        }

        var unitPath = await db.OrgUnits.Where(u => u.Id == Input.OrgUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null || !await guard.CoversAsync(unitPath, ct))
        {
            ModelState.AddModelError("Input.OrgUnitId", "请选择您管理范围内的单位。");
        }

        var branchPath = Input.BranchId is { } b ? await db.OrgUnits.Where(u => u.Id == b).Select(u => u.Path).SingleOrDefaultAsync(ct) : null;
        if (Input.BranchId is not null && (branchPath is null || !(await guard.ScopeAsync(ct)).Concerns(branchPath)))
        {
            ModelState.AddModelError("Input.BranchId", "请选择您管理范围内的党组织。");
        }

        if (ModelState.IsValid)
        {
            foreach (var (field, message) in await editor.ApplyAsync(person, Input, ct))
            {
                ModelState.AddModelError("Input." + field, message);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (IsNew)
        {
            db.People.Add(person);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.People.AsNoTracking().Where(p => p.Id == person.Id).Select(p => new { p.Version, p.Name, p.UpdatedAt }).SingleOrDefaultAsync(ct);
            if (current is null)
            {
                throw new NotFoundException("该人员已被删除。");
            }

            Version = current.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", $"该人员已于 {ChinaTime.DateTimeText(current.UpdatedAt)} 被他人修改，您的修改尚未保存。您填写的内容仍在下方：请打开“查看最新”核对后，再次点击“保存”覆盖，或放弃修改。");
            await LoadAsync(ct);
            return Page();
        }

        TempData.Success(IsNew ? $"已新增“{person.Name}”。" : "已保存。");
        return RedirectToPage("/Organization/People/Details", new { id = person.Id });
    }

    private async Task<Person> FindAsync(Guid id, CancellationToken ct)
    {
        var found = await db.People.Where(p => p.Id == id).Select(p => new { Person = p, p.OrgUnit!.Path }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        await guard.RequireAsync(found.Path, Permissions.PeopleEdit, ct);
        return found.Person;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await OrgTree.ListAsync(db, await guard.ScopeAsync(ct), ct: ct);
        ViewData.Trail(new Breadcrumb("人员", "/Organization/People"), new Breadcrumb(IsNew ? "新增人员" : "修改人员"));
    }
}
