using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;

namespace Dangjian.Web.Platform.Authorization;

/// <summary>
/// The one scope check for single records: a record whose unit lies outside the caller's scope does not exist
/// for them (404, so ids cannot be probed); inside the scope, a missing permission is a 403.
/// Lists use <see cref="DataScopeQueryExtensions.InScope{T}"/> with the same <see cref="DataScope"/>.
/// </summary>
public sealed class ScopeGuard(CurrentUser me)
{
    public Task<DataScope> ScopeAsync(CancellationToken ct = default) => me.GetScopeAsync(ct);

    /// <summary>Throws <see cref="NotFoundException"/> unless <paramref name="unitPath"/> is in scope, then <see cref="ForbiddenException"/> unless the permission is held.</summary>
    public async Task RequireAsync(string? unitPath, string permission, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        if (unitPath is null || !scope.Covers(unitPath) || !me.Principal.Can(Permissions.OrgView))
        {
            throw new NotFoundException();
        }

        if (!me.Principal.Can(permission))
        {
            throw new ForbiddenException();
        }
    }

    public async Task<bool> CoversAsync(string? unitPath, CancellationToken ct = default) =>
        unitPath is not null && (await me.GetScopeAsync(ct)).Covers(unitPath);
}
