using Dangjian.Web.Platform.Security;

namespace Dangjian.Web.Platform.Identity;

public static class PasswordPolicy
{
    public static bool IsExpired(AppUser user, SecurityOptions options, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return options.PasswordExpiryDays > 0
            && user.PasswordChangedAt is { } changed
            && changed.AddDays(options.PasswordExpiryDays) <= utcNow;
    }

    /// <summary>Whole days until expiry, or null when passwords never expire.</summary>
    public static int? DaysLeft(AppUser user, SecurityOptions options, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PasswordExpiryDays <= 0 || user.PasswordChangedAt is not { } changed)
        {
            return null;
        }

        return (int)Math.Ceiling((changed.AddDays(options.PasswordExpiryDays) - utcNow).TotalDays);
    }
}
