using System.Security.Claims;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// Adds the display name and the two "must do first" flags (change password, enrol 2FA) to the principal,
/// so <see cref="SecurityGateMiddleware"/> can enforce them without a database read per request.
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    IOptions<IdentityOptions> identityOptions,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, identityOptions)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.MustChangePassword || PasswordPolicy.IsExpired(user, security.Value, clock.GetUtcNow().UtcDateTime))
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "1"));
        }

        if (!user.TwoFactorEnabled && (user.RequireTwoFactor || identity.FindAll(identity.RoleClaimType).Any(c => Roles.IsAdministrator(c.Value))))
        {
            identity.AddClaim(new Claim(AppClaims.MustEnrolTwoFactor, "1"));
        }

        return identity;
    }
}
