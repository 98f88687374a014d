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

/// <summary>A public page with a form guarded by a <see cref="FormStamp"/>: the honeypot, the stamp, and the 查询码 given on success.</summary>
public abstract class PublicFormPage(IDataProtectionProvider protection, TimeProvider clock, string purpose) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public string? Website { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty]
    public string? Stamp { get; set; }

    /// <summary>The 查询码 shown once after a comment is taken.</summary>
    public string? TrackingCode { get; protected set; }

    protected FormStamp Stamps { get; } = new(protection, clock, purpose);

    protected TimeProvider Clock => clock;

    /// <summary>Whether the form just posted came from a person (read before <see cref="Reissue"/> replaces the stamp).</summary>
    protected bool PostedByHuman() => Stamps.IsHuman(Stamp, Website);

    /// <summary>A fresh stamp for the form the page shows, and no caching of the page.</summary>
    protected void Reissue()
    {
        Response.Headers.CacheControl = "no-store";
        Stamp = Stamps.Issue();
    }
}
