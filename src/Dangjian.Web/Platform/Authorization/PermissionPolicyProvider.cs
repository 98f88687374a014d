using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Authorization;

/// <summary>Turns a policy name "perm:people.view" into "signed in and holding that permission claim".</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "perm:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(Permissions.ClaimType, policyName[Prefix.Length..])
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary><c>[RequirePermission(Permissions.PeopleView)]</c> on a page model or endpoint.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission)
    {
        Permission = permission;
        Policy = PermissionPolicyProvider.Prefix + permission;
    }

    public string Permission { get; }
}
