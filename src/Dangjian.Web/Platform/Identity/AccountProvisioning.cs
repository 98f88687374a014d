using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// Creates accounts with their roles in one transaction (an account is never left half-made), enforcing the
/// separation of the three administrator duties and the password policy.
/// </summary>
public sealed class AccountProvisioning(AppDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, Authorization.RolePermissions permissions, TimeProvider clock)
{
    /// <summary>Creates missing built-in roles and gives them their default permissions.</summary>
    public async Task EnsureRolesAsync()
    {
        var created = false;
        foreach (var (name, display) in Roles.DisplayNames)
        {
            if (await roles.FindByNameAsync(name) is null)
            {
                var result = await roles.CreateAsync(new AppRole { Name = name, DisplayName = display });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
                }

                created = true;
            }
        }

        if (created)
        {
            await permissions.EnsureDefaultsAsync();
        }
    }

    public async Task<IdentityResult> CreateAsync(
        string userName,
        string displayName,
        string password,
        IReadOnlyList<string> roleNames,
        bool mustChangePassword,
        Guid? personId = null)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        if (Roles.CheckSeparation(roleNames) is { } refusal)
        {
            return IdentityResult.Failed(new IdentityError { Code = "AdminSeparation", Description = refusal });
        }

        if (roleNames.FirstOrDefault(r => !Roles.DisplayNames.ContainsKey(r)) is { } unknown)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"没有名为“{unknown}”的角色。" });
        }

        await EnsureRolesAsync();
        // Join the caller's transaction when there is one (demo seeding), else make our own.
        var owns = db.Database.CurrentTransaction is null;
        await using var tx = owns ? await db.Database.BeginTransactionAsync() : null;
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            PersonId = personId,
            MustChangePassword = mustChangePassword,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded && roleNames.Count > 0)
        {
            result = await users.AddToRolesAsync(user, roleNames);
        }

        if (tx is not null)
        {
            if (result.Succeeded)
            {
                await tx.CommitAsync();
            }
            else
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
            }
        }

        return result;
    }
}
