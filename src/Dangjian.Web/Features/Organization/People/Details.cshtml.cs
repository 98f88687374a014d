using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization.People;

/// <summary>A person: facts with masked ID and phone (revealed only by an audited "查看"), extra roles, account.</summary>
[RequirePermission(Permissions.PeopleView)]
public sealed class DetailsModel(AppDbContext db, ScopeGuard guard, SensitiveData sensitive, RosterAccounts accounts) : PageModel
{
    public Person Person { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    /// <summary>所在党组织, null when not assigned.</summary>
    public string? BranchName { get; private set; }

    public List<(Guid Id, string Unit, string Title)> Roles { get; private set; } = [];

    public string? AccountName { get; private set; }

    public List<OrgTree.Node> Units { get; private set; } = [];

    /// <summary>"id" or "phone" after an audited reveal.</summary>
    public string? Revealed { get; private set; }

    public string? RevealedValue { get; private set; }

    public bool CanEdit => User.Can(Permissions.PeopleEdit);

    public bool CanReveal => User.Can(Permissions.PeopleSensitive);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, Permissions.PeopleView, ct);
        return Page();
    }

    /// <summary>Shows one sensitive value in full, once, and writes who saw whose what to the audit log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id, string field, CancellationToken ct)
    {
        await LoadAsync(id, Permissions.PeopleSensitive, ct);
        var cipher = field == "phone" ? Person.PhoneCipher : Person.IdNumberCipher;
        if (cipher is null)
        {
            return Page();
        }

        Revealed = field == "phone" ? "phone" : "id";
        RevealedValue = sensitive.Unprotect(cipher);
        db.Audit(AuditActions.ViewSensitive, nameof(Platform.Organization.Person), Person.Id.ToString(), Person.Name, null, new { 字段 = Revealed == "phone" ? "手机号" : "身份证号" });
        await db.SaveChangesAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, Permissions.PeopleEdit, ct);
        // The person leaves the roster and their sign-in stops, together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.People.Remove(Person);
        await db.SaveChangesAsync(ct);
        await accounts.DisableForPersonAsync(Person.Id, Person.Name, ct);
        await tx.CommitAsync(ct);
        TempData.Success($"已删除“{Person.Name}”。可在“已删除的人员”中恢复。");
        return RedirectToPage("/Organization/People/Index");
    }

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, Guid unitId, string? title, CancellationToken ct)
    {
        await LoadAsync(id, Permissions.PeopleEdit, ct);
        title = title?.Trim();
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.IsActive, ct);
        if (unit is null || !await guard.CoversAsync(unit.Path, ct))
        {
            TempData.Error("请选择您管理范围内在用的单位。");
        }
        else if (string.IsNullOrEmpty(title) || title.Length > 100)
        {
            TempData.Error("请填写兼任职务（1–100个字），例如“机关党支部书记”。");
        }
        else if (await db.PersonUnitRoles.AnyAsync(r => r.PersonId == id && r.OrgUnitId == unitId && r.Title == title, ct))
        {
            TempData.Warning("已有相同的兼任职务。");
        }
        else
        {
            db.PersonUnitRoles.Add(new PersonUnitRole { PersonId = id, OrgUnitId = unitId, Title = title });
            await db.SaveChangesAsync(ct);
            TempData.Success($"已添加兼任职务：{unit.Name}{title}。");
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, Guid roleId, CancellationToken ct)
    {
        await LoadAsync(id, Permissions.PeopleEdit, ct);
        var role = await db.PersonUnitRoles.SingleOrDefaultAsync(r => r.Id == roleId && r.PersonId == id, ct);
        if (role is not null)
        {
            db.PersonUnitRoles.Remove(role);
            await db.SaveChangesAsync(ct);
            TempData.Success("已删除该兼任职务。");
        }

        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, string permission, CancellationToken ct)
    {
        var found = await db.People.Where(p => p.Id == id).Select(p => new { Person = p, p.OrgUnit!.Path, p.OrgUnit.Name, Branch = p.Branch!.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        await guard.RequireAsync(found.Path, permission, ct);
        Person = found.Person;
        UnitName = found.Name;
        BranchName = found.Branch;
        Roles = (await db.PersonUnitRoles.AsNoTracking().Where(r => r.PersonId == id).Select(r => new { r.Id, Unit = r.OrgUnit!.Name, r.Title }).ToListAsync(ct))
            .Select(r => (r.Id, r.Unit, r.Title)).ToList();
        AccountName = await db.Users.Where(u => u.PersonId == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (CanEdit)
        {
            Units = await OrgTree.ListAsync(db, await guard.ScopeAsync(ct), ct: ct);
        }

        ViewData.Trail(new Breadcrumb("人员", "/Organization/People"), new Breadcrumb(Person.Name));
    }
}
