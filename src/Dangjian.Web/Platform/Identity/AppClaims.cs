namespace Dangjian.Web.Platform.Identity;

/// <summary>Claims stamped into the sign-in cookie at sign-in (and on refresh).</summary>
public static class AppClaims
{
    public const string DisplayName = "dj:name";

    /// <summary>Present with value "1" when the password must be changed before anything else.</summary>
    public const string MustChangePassword = "dj:pwd-change";

    /// <summary>Present with value "1" when an administrator has not yet enrolled a second factor.</summary>
    public const string MustEnrolTwoFactor = "dj:2fa-enrol";
}
