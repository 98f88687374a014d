using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Admin.Users;

/// <summary>New account or an existing one: roles, linked person, 2FA requirement; reset password, unlock, disable.</summary>
[RequirePermission(Permissions.UsersManage)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users, UserAdministration admin, CurrentUser me, TimeProvider clock) : PageModel
{
    public const string TemporaryPasswordKey = "temporary-password";

    public sealed record PersonOption(Guid Id, string Name, string Unit);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The account's fields; bound on GET too, to carry what was typed through the person search.</summary>
    [BindProperty(SupportsGet = true)]
    public UserInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? PersonQ { get; set; }

    public List<PersonOption> PersonOptions { get; private set; } = [];

    public sealed class UserInput
    {
        /// <summary>Required for a new account only, so checked by hand on save (<see cref="OnPostAsync"/>).</summary>
        [ValidateNever]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写姓名。")]
        [StringLength(AppUser.DisplayNameMax)]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "角色")]
        public List<string> SelectedRoles { get; set; } = [];

        [Display(Name = "关联人员")]
        public Guid? PersonId { get; set; }

        [Display(Name = "要求两步验证")]
        public bool RequireTwoFactor { get; set; }
    }

    public AppUser? Account { get; private set; }

    public bool IsLocked { get; private set; }

    public string? TemporaryPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The form's fields are bound on GET only to carry them through the person search; nothing typed is checked yet.
        ModelState.Clear();
        var searching = Request.Query.ContainsKey(nameof(PersonQ));
        if (Id is { } id)
        {
            Account = await admin.FindAsync(id) ?? throw new NotFoundException();
        }

        if (Account is not null && !searching)
        {
            Input = new UserInput
            {
                UserName = Account.UserName!, DisplayName = Account.DisplayName, SelectedRoles = [.. await users.GetRolesAsync(Account)], PersonId = Account.PersonId,
                RequireTwoFactor = Account.RequireTwoFactor,
            };
        }
        else if (Account is not null)
        {
            Input.UserName = Account.UserName!;
        }

        TemporaryPassword = TempData[TemporaryPasswordKey] as string;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is null && string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(UserInput.UserName), "请填写用户名。");
        }

        if (Input.SelectedRoles.Count == 0)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(UserInput.SelectedRoles), "请至少选择一个角色。");
        }

        if (Input.PersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(UserInput.PersonId), "所选人员不存在。");
        }

        if (!ModelState.IsValid)
        {
            await ReloadAccountAsync(ct);
            return Page();
        }

        UserAdministration.Outcome outcome;
        if (Id is { } id)
        {
            var account = await admin.FindAsync(id) ?? throw new NotFoundException();
            outcome = await admin.UpdateAsync(account, Input.DisplayName, Input.SelectedRoles, Input.PersonId, Input.RequireTwoFactor);
        }
        else
        {
            outcome = await admin.CreateAsync(Input.UserName, Input.DisplayName, Input.SelectedRoles, Input.PersonId, Input.RequireTwoFactor);
        }

        if (!outcome.Ok)
        {
            ModelState.AddModelError("", outcome.Message);
            await ReloadAccountAsync(ct);
            return Page();
        }

        TempData.Success(outcome.Message);
        if (outcome.TemporaryPassword is not null)
        {
            TempData[TemporaryPasswordKey] = outcome.TemporaryPassword;
        }

        var saved = Id ?? (await users.FindByNameAsync(Input.UserName.Trim()))!.Id;
        return RedirectToPage(new { id = saved });
    }

    public Task<IActionResult> OnPostResetPasswordAsync() => ActAsync(admin.ResetPasswordAsync);

    public Task<IActionResult> OnPostUnlockAsync() => ActAsync(admin.UnlockAsync);

    public Task<IActionResult> OnPostDisableAsync() => ActAsync(u => admin.SetDisabledAsync(u, true, me.Id!.Value));

    public Task<IActionResult> OnPostEnableAsync() => ActAsync(u => admin.SetDisabledAsync(u, false, me.Id!.Value));

    private async Task<IActionResult> ActAsync(Func<AppUser, Task<UserAdministration.Outcome>> action)
    {
        var account = await admin.FindAsync(Id ?? Guid.Empty) ?? throw new NotFoundException();
        var outcome = await action(account);
        if (outcome.Ok)
        {
            TempData.Success(outcome.Message);
        }
        else
        {
            TempData.Error(outcome.Message);
        }

        if (outcome.TemporaryPassword is not null)
        {
            TempData[TemporaryPasswordKey] = outcome.TemporaryPassword;
        }

        return RedirectToPage(new { id = account.Id });
    }

    private async Task ReloadAccountAsync(CancellationToken ct)
    {
        Account = Id is { } id ? await admin.FindAsync(id) : null;
        await LoadAsync(ct);
    }

    /// <summary>
    /// The person picker shows only names and units (no personal data): the system administrator manages
    /// accounts, not the roster.
    /// </summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        IsLocked = Account?.LockoutEnd > clock.GetUtcNow();
        var people = db.People.AsNoTracking();
        var query = string.IsNullOrWhiteSpace(PersonQ)
            ? people.Where(p => p.Id == Input.PersonId)
            : people.Where(p => p.Name.Contains(PersonQ.Trim()) || p.Id == Input.PersonId);
        PersonOptions = await query.OrderBy(p => p.Name).Take(30)
            .Select(p => new PersonOption(p.Id, p.Name, p.OrgUnit!.Name)).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("用户", "/Admin/Users"), new Breadcrumb(Id is null ? "新建用户" : Input.UserName));
    }
}
