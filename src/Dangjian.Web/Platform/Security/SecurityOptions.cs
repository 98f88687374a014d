namespace Dangjian.Web.Platform.Security;

/// <summary>Bound from the <c>Security</c> section; the defaults are the 等保 third-level policy.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public int PasswordMinLength { get; set; } = 8;

    /// <summary>How many character classes (upper, lower, digit, symbol) a password needs.</summary>
    public int PasswordMinClasses { get; set; } = 3;

    /// <summary>How many previous passwords may not be reused.</summary>
    public int PasswordHistory { get; set; } = 5;

    /// <summary>Days after which a password must be changed; 0 means never.</summary>
    public int PasswordExpiryDays { get; set; } = 90;

    public int LockoutThreshold { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A session with no request for this long is ended by the server.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    public long MaxRequestBodyBytes { get; set; } = 20 * 1024 * 1024;

    public int ApiTokenMaxDays { get; set; } = 365;

    /// <summary>Secret mixed into client-address hashes; random per process when not configured.</summary>
    public string? ClientHashSalt { get; set; }
}
