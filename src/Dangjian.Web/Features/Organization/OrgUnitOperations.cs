// EF translates string.Substring inside ExecuteUpdate to SQL; span-based concatenation cannot be translated.
#pragma warning disable CA1845
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// The rules of changing the tree: moving a subtree (never under itself), merging two units, deactivating,
/// and deleting only a unit that never held anything. Each runs in one transaction and is audited.
/// Callers have already checked scope and permission.
/// </summary>
public sealed class OrgUnitOperations(AppDbContext db)
{
    /// <summary>Moves <paramref name="unit"/> with its whole subtree under <paramref name="newParent"/>. Returns a Chinese refusal or null.</summary>
    public async Task<string?> MoveAsync(OrgUnit unit, OrgUnit newParent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(newParent);
        if (newParent.Id == unit.Id || newParent.Path.StartsWith(unit.Path, StringComparison.Ordinal))
        {
            return "不能把单位移动到它自己或它的下级单位之下。";
        }

        if (unit.ParentId == newParent.Id)
        {
            return "该单位已经在所选上级单位之下。";
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var oldPath = unit.Path;
        var oldParent = unit.ParentId;
        unit.PlaceUnder(newParent);
        var newPath = unit.Path;
        var descendants = await db.OrgUnits
            .Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Path, u => newPath + u.Path.Substring(oldPath.Length)), ct);
        db.Audit(AuditActions.Move, nameof(OrgUnit), unit.Id.ToString(), unit.Name,
            new { ParentId = oldParent }, new { ParentId = newParent.Id, 上级单位 = newParent.Name, 下级单位随迁 = descendants });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Merges <paramref name="source"/> into <paramref name="target"/>: its people, sub-units, extra roles and
    /// supervision links move to the target; the source stays, deactivated, pointing at the target.
    /// </summary>
    public async Task<string?> MergeAsync(OrgUnit source, OrgUnit target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Id == target.Id || target.Path.StartsWith(source.Path, StringComparison.Ordinal))
        {
            return "不能合并到单位自己或它的下级单位。";
        }

        if (!target.IsActive)
        {
            return "不能合并到已停用的单位。";
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var people = await db.People.IgnoreQueryFilters().Where(p => p.OrgUnitId == source.Id).ToListAsync(ct);
        foreach (var person in people)
        {
            person.OrgUnitId = target.Id;
        }

        var targetRoles = await db.PersonUnitRoles.Where(r => r.OrgUnitId == target.Id).Select(r => new { r.PersonId, r.Title }).ToListAsync(ct);
        foreach (var role in await db.PersonUnitRoles.Where(r => r.OrgUnitId == source.Id).ToListAsync(ct))
        {
            if (targetRoles.Any(t => t.PersonId == role.PersonId && t.Title == role.Title))
            {
                db.PersonUnitRoles.Remove(role);
            }
            else
            {
                role.OrgUnitId = target.Id;
            }
        }

        var links = await db.SupervisionLinks.Where(l => l.SupervisedUnitId == source.Id || l.SupervisorUnitId == source.Id).ToListAsync(ct);
        db.SupervisionLinks.RemoveRange(links);
        await db.SaveChangesAsync(ct);

        var children = await db.OrgUnits.Where(u => u.ParentId == source.Id).ToListAsync(ct);
        foreach (var child in children)
        {
            var oldPath = child.Path;
            child.PlaceUnder(target);
            var newPath = child.Path;
            await db.OrgUnits
                .Where(u => u.Path.StartsWith(oldPath) && u.Id != child.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Path, u => newPath + u.Path.Substring(oldPath.Length)), ct);
        }

        source.IsActive = false;
        source.MergedIntoId = target.Id;
        db.Audit(AuditActions.Merge, nameof(OrgUnit), source.Id.ToString(), source.Name, null,
            new { 并入 = target.Name, TargetId = target.Id, 人员 = people.Count, 下级单位 = children.Count });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Deactivates a unit that no longer has people or active sub-units.</summary>
    public async Task<string?> DeactivateAsync(OrgUnit unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (await db.People.AnyAsync(p => p.OrgUnitId == unit.Id, ct))
        {
            return "该单位还有人员，请先把人员调整到其他单位后再停用。";
        }

        if (await db.OrgUnits.AnyAsync(u => u.ParentId == unit.Id && u.IsActive, ct))
        {
            return "该单位还有在用的下级单位，请先停用或移走下级单位。";
        }

        unit.IsActive = false;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Deletes a unit only if nothing ever hung on it (no people, even deleted ones; no sub-units; no roles;
    /// no supervision links). Otherwise it must be deactivated, so its history stays.
    /// </summary>
    public async Task<string?> DeleteAsync(OrgUnit unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var hasHistory = await db.People.IgnoreQueryFilters().AnyAsync(p => p.OrgUnitId == unit.Id, ct)
            || await db.OrgUnits.AnyAsync(u => u.ParentId == unit.Id || u.MergedIntoId == unit.Id, ct)
            || await db.PersonUnitRoles.AnyAsync(r => r.OrgUnitId == unit.Id, ct)
            || await db.SupervisionLinks.AnyAsync(l => l.SupervisedUnitId == unit.Id || l.SupervisorUnitId == unit.Id, ct);
        if (hasHistory)
        {
            return "该单位有人员、下级单位或其他记录，不能删除，只能停用（保留历史）。";
        }

        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
