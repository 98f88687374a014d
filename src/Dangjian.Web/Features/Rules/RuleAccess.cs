using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>
/// A registry belongs to an organization (the bureau or a 直属单位). Its rules are read by everyone whose scope reaches
/// it from above or below (a department follows the bureau's rules) and kept by those holding
/// <see cref="Permissions.RulesEdit"/> over the organization.
/// </summary>
public sealed class RuleAccess(AppDbContext db, ScopeGuard guard, CurrentUser me)
{
    public sealed record Registry(Guid Id, string Name, string Path);

    public async Task<IQueryable<Rule>> VisibleAsync(CancellationToken ct = default) =>
        db.Rules.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), r => r.OrgUnit!.Path);

    /// <summary>The rule if the caller may see it (404 otherwise) and whether they may keep it.</summary>
    public async Task<(Rule Rule, bool Manage)> FindAsync(Guid id, CancellationToken ct = default)
    {
        var rule = await (await VisibleAsync(ct)).SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        return (rule, await ManagesAsync(rule.OrgUnitId, ct));
    }

    public async Task<bool> ManagesAsync(Guid orgUnitId, CancellationToken ct = default)
    {
        if (!me.Principal.Can(Permissions.RulesEdit))
        {
            return false;
        }

        var path = await db.OrgUnits.Where(u => u.Id == orgUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        return await guard.CoversAsync(path, ct);
    }

    /// <summary>The organizations (局 or 直属单位) whose registry the caller keeps, top first.</summary>
    public async Task<List<Registry>> RegistriesAsync(CancellationToken ct = default)
    {
        if (!me.Principal.Can(Permissions.RulesEdit))
        {
            return [];
        }

        return await db.OrgUnits.AsNoTracking().InScope(await guard.ScopeAsync(ct), u => u.Path).Organizations()
            .OrderBy(u => u.Path).Take(200).Select(u => new Registry(u.Id, u.Name, u.Path)).ToListAsync(ct);
    }
}

/// <summary>A rule's files are readable by whoever may read the rule.</summary>
public sealed class RuleFileRule(RuleAccess access) : IFileAccessRule
{
    public const string Owner = "Rule";

    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct)
    {
        await access.FindAsync(ownerId, ct);
        return true;
    }
}
