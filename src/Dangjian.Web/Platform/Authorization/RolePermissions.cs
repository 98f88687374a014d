using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Authorization;

/// <summary>
/// Reads and changes which permissions each role holds (role claims), keeping the administrator sets fixed.
/// Signed-in members pick up a change when the security stamp validator next refreshes their claims (5 minutes).
/// </summary>
public sealed class RolePermissions(AppDbContext db, RoleManager<AppRole> roles)
{
    /// <summary>Role name → granted permission names.</summary>
    public async Task<Dictionary<string, HashSet<string>>> CurrentAsync(CancellationToken ct = default)
    {
        var rows = await (from c in db.RoleClaims
                          join r in db.Roles on c.RoleId equals r.Id
                          where c.ClaimType == Permissions.ClaimType
                          select new { r.Name, c.ClaimValue })
                         .ToListAsync(ct);
        var map = Roles.DisplayNames.Keys.ToDictionary(r => r, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Name is not null && r.ClaimValue is not null && map.ContainsKey(r.Name)))
        {
            map[row.Name!].Add(row.ClaimValue!);
        }

        return map;
    }

    /// <summary>
    /// Gives each role the defaults it has never been offered (new roles get all of theirs; a permission added by
    /// a later release reaches existing roles once) and resets the administrators' fixed sets. What the security
    /// administrator removed stays removed, because the offer is remembered.
    /// </summary>
    public async Task EnsureDefaultsAsync(CancellationToken ct = default)
    {
        var current = await CurrentAsync(ct);
        var seen = (await (from c in db.RoleClaims
                           join r in db.Roles on c.RoleId equals r.Id
                           where c.ClaimType == Permissions.SeenClaimType
                           select new { r.Name, c.ClaimValue }).ToListAsync(ct))
            .ToLookup(x => x.Name!, x => x.ClaimValue!);
        foreach (var (roleName, defaults) in Permissions.Defaults)
        {
            if (Roles.IsAdministrator(roleName))
            {
                if (!current[roleName].SetEquals(defaults))
                {
                    await ReplaceAsync(roleName, defaults, ct);
                }

                continue;
            }

            var offered = seen[roleName].ToHashSet(StringComparer.Ordinal);
            var fresh = defaults.Where(p => !offered.Contains(p)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var role = await roles.FindByNameAsync(roleName) ?? throw new InvalidOperationException($"角色 {roleName} 不存在。");
            foreach (var permission in fresh)
            {
                if (!current[roleName].Contains(permission))
                {
                    db.RoleClaims.Add(new IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = permission });
                }

                db.RoleClaims.Add(new IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = Permissions.SeenClaimType, ClaimValue = permission });
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Sets a business role's grants; refuses administrator roles and administrator permissions. Returns a Chinese refusal or null.</summary>
    public async Task<string?> SetAsync(string roleName, IReadOnlyCollection<string> permissions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        if (!Roles.DisplayNames.ContainsKey(roleName))
        {
            return "没有该角色。";
        }

        if (Roles.IsAdministrator(roleName))
        {
            return "三员分立：管理员角色的权限是固定的，不能修改。";
        }

        var unknown = permissions.Where(p => Permissions.Grantable.All(g => g.Name != p)).ToList();
        if (unknown.Count > 0)
        {
            return $"不能授予业务角色以下权限：{string.Join("、", unknown.Select(Permissions.Title))}。";
        }

        var before = (await CurrentAsync(ct))[roleName].Order(StringComparer.Ordinal).ToList();
        var after = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return null;
        }

        await ReplaceAsync(roleName, after, ct);
        var role = await roles.FindByNameAsync(roleName);
        db.Audit(AuditActions.PermissionChange, "AppRole", role?.Id.ToString(), Roles.DisplayNames[roleName],
            before.Select(Permissions.Title), after.Select(Permissions.Title));
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task ReplaceAsync(string roleName, IEnumerable<string> permissions, CancellationToken ct)
    {
        var role = await roles.FindByNameAsync(roleName) ?? throw new InvalidOperationException($"角色 {roleName} 不存在。");
        var existing = await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        db.RoleClaims.RemoveRange(existing);
        db.RoleClaims.AddRange(permissions.Select(p => new IdentityRoleClaim<Guid> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
        await db.SaveChangesAsync(ct);
    }
}
