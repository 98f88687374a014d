using System.Security.Claims;

namespace Dangjian.Web.Platform.Authorization;

public static class PermissionExtensions
{
    public static bool Can(this ClaimsPrincipal user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(Permissions.ClaimType, permission);
    }

    /// <summary>For minimal API endpoints: <c>.RequirePermission(Permissions.PeopleView)</c>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission);
}
