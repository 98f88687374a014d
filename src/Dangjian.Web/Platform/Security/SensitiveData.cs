using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// Encrypts personal data (ID numbers, phones) at rest with Data Protection, masks it for display, and makes
/// a keyed lookup hash for uniqueness checks. The lookup key is generated once, stored encrypted.
/// </summary>
public sealed class SensitiveData(IDataProtectionProvider provider, IServiceScopeFactory scopes) : IDisposable
{
    public const string LookupKeyName = "person-lookup-key";
    public const string Purpose = "Dangjian.PersonalData.v1";
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);
    private readonly SemaphoreSlim keyLock = new(1, 1);
    private byte[]? lookupKey;

    public string Protect(string value) => protector.Protect(value);

    public string Unprotect(string cipher) => protector.Unprotect(cipher);

    /// <summary>110101199003071234 → 110101********1234.</summary>
    public static string MaskIdNumber(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];
    }

    /// <summary>13812345678 → 138****5678.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    /// <summary>
    /// Loads (or creates) the lookup key now. Call before opening a transaction that will hash ID numbers:
    /// creating the key uses its own connection, which on SQLite would wait for that transaction's write lock.
    /// </summary>
    public Task EnsureKeyAsync(CancellationToken ct = default) => LookupKeyAsync(ct);

    public async Task<string> LookupHashAsync(string normalized, CancellationToken ct = default) => LookupHash(await LookupKeyAsync(ct), normalized);

    /// <summary>The lookup hash of a normalized ID number under <paramref name="key"/> (also used when the key is renewed).</summary>
    public static string LookupHash(byte[] key, string normalized) =>
        Convert.ToHexString(HMACSHA256.HashData(key ?? throw new ArgumentNullException(nameof(key)), Encoding.UTF8.GetBytes(normalized ?? ""))).ToLowerInvariant();

    private async Task<byte[]> LookupKeyAsync(CancellationToken ct)
    {
        if (lookupKey is not null)
        {
            return lookupKey;
        }

        await keyLock.WaitAsync(ct);
        try
        {
            if (lookupKey is not null)
            {
                return lookupKey;
            }

            lookupKey = await AppSecrets.GetOrCreateAsync(scopes, protector, LookupKeyName, ct);
            return lookupKey;
        }
        finally
        {
            keyLock.Release();
        }
    }

    public void Dispose() => keyLock.Dispose();
}
