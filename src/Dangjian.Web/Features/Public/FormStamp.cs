using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// Holds bots off a public form without third-party services: a signed form time (a form sent back within
/// <see cref="Fastest"/> or after two hours is refused) and a hidden field people never fill (the honeypot).
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider clock, string purpose)
{
    public static readonly TimeSpan Fastest = TimeSpan.FromSeconds(3);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    /// <summary>The stamp a form carries: the time it was served, signed, valid two hours.</summary>
    public string Issue() => Protector.Protect(clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), TimeSpan.FromHours(2));

    /// <summary>True when the honeypot is empty and the stamp is genuine, unexpired and at least <see cref="Fastest"/> old.</summary>
    public bool IsHuman(string? stamp, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return false;
        }

        try
        {
            var issued = DateTime.Parse(Protector.Unprotect(stamp ?? ""), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            return clock.GetUtcNow().UtcDateTime - issued >= Fastest;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
