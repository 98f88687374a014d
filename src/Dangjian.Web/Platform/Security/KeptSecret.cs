using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// A named 32-byte secret of the server (the ballot key, the letter key), stored in <see cref="AppSecrets"/> only as
/// ciphertext of the Data Protection key ring, which lives outside the database: a database reader cannot use it.
/// Loaded on first use and then held. A feature registers its secret as a <see cref="KeptSecret"/> too, so that
/// <see cref="KeyRingRotation"/> finds it by <see cref="Name"/> and <see cref="ProtectionPurpose"/> without knowing the feature.
/// </summary>
public abstract class KeptSecret
{
    private readonly IServiceScopeFactory scopes;
    private readonly IDataProtector protector;
    private byte[]? value;

    protected KeptSecret(IDataProtectionProvider provider, IServiceScopeFactory scopes, string purpose, string name)
    {
        ArgumentNullException.ThrowIfNull(provider);
        (this.scopes, protector, Name, ProtectionPurpose) = (scopes, provider.CreateProtector(purpose), name, purpose);
    }

    public string Name { get; }

    /// <summary>The Data Protection purpose its stored value is protected under.</summary>
    public string ProtectionPurpose { get; }

    /// <summary>
    /// When <see cref="KeyRingRotation"/> replaces the value (its old one was readable from a backup), moves what depends
    /// on it to <paramref name="newKey"/> inside the rotation's transaction; returns how many items had to be issued anew.
    /// </summary>
    public virtual Task<int> RenewAsync(AppDbContext db, byte[] oldKey, byte[] newKey, DateTime now, CancellationToken ct) => Task.FromResult(0);

    /// <summary>The key; call it before opening a transaction (it may create the key in its own unit of work).</summary>
    public async Task<byte[]> GetAsync(CancellationToken ct = default) => value ??= await AppSecrets.GetOrCreateAsync(scopes, protector, Name, ct);
}

/// <summary>
/// One-time codes only the server can work out: an HMAC under a <see cref="KeptSecret"/> of a per-item salt and a row id.
/// A salt starting with <see cref="KeyedPrefix"/> marks an item whose codes follow this scheme (older ones were keyed by
/// a secret stored in the database). A code is 24 URL-safe Base64 characters: 144 bits, about 124 once case is folded.
/// </summary>
public static class KeyedCodes
{
    public const string KeyedPrefix = "k:";

    public const int Length = 24;

    public static string NewSalt() => KeyedPrefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static bool IsKeyed(string? salt) => salt?.StartsWith(KeyedPrefix, StringComparison.Ordinal) == true;

    /// <summary>The code of row <paramref name="id"/>; <paramref name="use"/> keeps the codes of different uses apart.</summary>
    public static string Compute(byte[] key, string use, string salt, Guid id)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(salt);
        byte[] message = [.. System.Text.Encoding.UTF8.GetBytes(use + "|" + salt + "|"), .. id.ToByteArray()];
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, message);
        return Convert.ToBase64String(mac)[..Length].Replace('+', '-').Replace('/', '_');
    }
}
