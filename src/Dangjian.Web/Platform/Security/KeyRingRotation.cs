using System.Security.Cryptography;
using System.Xml.Linq;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// Retires a key ring that an older version stored in the database in the clear (<c>DataProtection:Store=Database</c>
/// before the ring was encrypted under <see cref="KeyRingMasterKey"/>): such keys are in every backup taken since, and
/// with them everything they protect. Runs at start-up, after the migrations, and does nothing once no clear key is left.
/// Steps, each safe to repeat after a crash: (1) a new key, sealed under the master key, becomes the default; (2) in one
/// transaction, every value stored under a clear key is protected again under it — the secrets in <see cref="AppSecrets"/>
/// and personal data — and the secrets whose value a backup reader could use are replaced, with what depends on them
/// (the ballot key: sealed ballots sealed again, unused codes of open appraisals issued anew; the ID-number lookup key:
/// the lookup hashes; the letter key). The audit chain's key keeps its value: the chain and its signed checkpoints must
/// still verify. (3) the clear keys are revoked and deleted. Only values still under a clear key are touched, so a
/// restart after a crash finishes the job; a value the rotation cannot re-protect keeps the clear keys in place.
/// </summary>
public sealed class KeyRingRotation(
    IServiceScopeFactory scopes,
    IKeyManager keyManager,
    IDataProtectionProvider provider,
    IOptions<KeyManagementOptions> keyOptions,
    SecurityLog securityLog,
    TimeProvider clock,
    ILogger<KeyRingRotation> logger,
    IEnumerable<KeptSecret> kept)
{
    private const long PostgresLockKey = 0x444A4B6579526F74; // "DJKeyRot"

    /// <summary>
    /// The secrets kept in <see cref="AppSecrets"/>: purpose, and whether rotation replaces the value itself — the
    /// platform's two and every feature's <see cref="KeptSecret"/> (the ballot key, the letter key), all replaced.
    /// </summary>
    private readonly (string Name, string Purpose, bool Renew)[] secrets =
    [
        (AuditKey.Name, AuditKey.Purpose, false),
        (SensitiveData.LookupKeyName, SensitiveData.Purpose, true),
        .. kept.Select(k => (k.Name, k.ProtectionPurpose, true)),
    ];

    private readonly KeptSecret[] featureSecrets = [.. kept];

    /// <summary>What a rotation did: clear keys retired, secrets re-protected (of which renewed), people re-protected, appraisals given new codes.</summary>
    public sealed record Outcome(int ClearKeys, int Secrets, int Renewed, int People, int Appraisals);

    /// <summary>Rotates when the ring is kept in the database under the master key and a key in it is stored in the clear; null otherwise.</summary>
    public async Task<Outcome?> RunAsync(CancellationToken ct = default)
    {
        if (keyOptions.Value.XmlEncryptor is not MasterKeyXmlEncryptor)
        {
            return null;
        }

        var clear = await ClearKeysAsync(ct);
        if (clear.Count == 0)
        {
            return null;
        }

        logger.LogWarning("The key ring in the database holds {Count} key(s) stored in the clear: rotating them.", clear.Count);
        await EnsureSealedDefaultKeyAsync(clear.Keys.ToHashSet(), ct);
        var outcome = await ReprotectAsync(clear.Keys.ToHashSet(), clear.Count, ct);
        if (outcome is null)
        {
            return null;
        }

        foreach (var keyId in clear.Keys)
        {
            keyManager.RevokeKey(keyId, "stored in the clear; replaced by a key sealed under the master key");
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = clear.Values.ToList();
            await db.DataProtectionKeys.Where(k => rows.Contains(k.Id)).ExecuteDeleteAsync(ct);
        }

        await securityLog.RecordAsync(SecurityEventKind.KeyRingRotated, detail:
            $"删除明文存放的密钥{outcome.ClearKeys}个；重新保护机密{outcome.Secrets}项（更换{outcome.Renewed}项）、人员{outcome.People}名；{outcome.Appraisals}个进行中的测评重新生成投票码");
        logger.LogWarning(
            "Key ring rotated: {Keys} clear key(s) revoked and deleted, {Secrets} secret(s) re-protected ({Renewed} renewed), {People} person record(s) re-protected, {Appraisals} open appraisal(s) got new voting codes: print their slips again.",
            outcome.ClearKeys, outcome.Secrets, outcome.Renewed, outcome.People, outcome.Appraisals);
        return outcome;
    }

    /// <summary>The key id a protected value was made with (the Data Protection payload header), or null when it is not one.</summary>
    public static Guid? KeyIdOf(string? protectedValue)
    {
        if (string.IsNullOrEmpty(protectedValue))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(protectedValue);
        }
        catch (FormatException)
        {
            return null;
        }

        return bytes.Length >= 20 && bytes[0] == 0x09 && bytes[1] == 0xF0 && bytes[2] == 0xC9 && bytes[3] == 0xF0 ? new Guid(bytes.AsSpan(4, 16)) : null;
    }

    /// <summary>Whether a stored key element holds key material in the clear (an older version wrote it without the master key).</summary>
    public static bool IsClearKey(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Name.LocalName == "key"
            && element.Descendants().Any(d => d.Attributes().Any(a => a.Name.LocalName == "requiresEncryption" && string.Equals(a.Value, "true", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Clear keys by key id, with the row each is stored in.</summary>
    private async Task<Dictionary<Guid, Guid>> ClearKeysAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clear = new Dictionary<Guid, Guid>();
        foreach (var row in await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.Id, k.Xml }).ToListAsync(ct))
        {
            var element = XElement.Parse(row.Xml);
            if (IsClearKey(element) && Guid.TryParse((string?)element.Attribute("id"), out var keyId))
            {
                clear[keyId] = row.Id;
            }
        }

        return clear;
    }

    /// <summary>
    /// Step 1: unless the key in force is already a sealed one with time to run, a new sealed key starting now; then waits
    /// until protecting uses it (Data Protection may hand out its cached ring once more while it reloads the new one).
    /// </summary>
    private async Task EnsureSealedDefaultKeyAsync(HashSet<Guid> clear, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = keyManager.GetAllKeys().Where(k => !k.IsRevoked && k.ActivationDate <= now).OrderByDescending(k => k.ActivationDate).FirstOrDefault();
        if (current is null || clear.Contains(current.KeyId) || current.ExpirationDate <= now.AddDays(14))
        {
            keyManager.CreateNewKey(now, now.AddDays(90));
        }

        var probe = provider.CreateProtector("Dangjian.KeyRingRotation.Probe");
        for (var attempt = 0; KeyIdOf(probe.Protect("probe")) is { } used && clear.Contains(used); attempt++)
        {
            if (attempt == 100)
            {
                throw new InvalidOperationException("Key ring rotation: the new sealed key did not become the default key; nothing was changed.");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Step 2, in one transaction under a database-wide lock: everything still under a clear key, protected again.</summary>
    private async Task<Outcome?> ReprotectAsync(HashSet<Guid> clear, int clearKeys, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }

        bool UnderClearKey(string? value) => KeyIdOf(value) is { } id && clear.Contains(id);

        // Never store a value protected again under a clear key (it would be lost with them): the transaction rolls back.
        string Sealed(string value) => UnderClearKey(value) ? throw new InvalidOperationException("Key ring rotation: a value was protected under a clear key; nothing was changed.") : value;

        var stored = (await db.AppSecrets.OrderBy(s => s.Name).ToListAsync(ct)).Where(s => UnderClearKey(s.ProtectedValue)).ToList();
        var unknown = stored.Where(s => secrets.All(k => k.Name != s.Name)).Select(s => s.Name).ToList();
        if (unknown.Count > 0)
        {
            logger.LogError("Key ring rotation stopped: secret(s) {Names} are protected by a clear key for an unknown purpose; the clear keys are kept.", string.Join(", ", unknown));
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (renewed, appraisals) = (0, 0);
        byte[]? newLookupKey = null;
        foreach (var secret in stored)
        {
            var (_, purpose, renew) = secrets.Single(k => k.Name == secret.Name);
            var protector = provider.CreateProtector(purpose);
            var value = Convert.FromBase64String(protector.Unprotect(secret.ProtectedValue));
            if (renew)
            {
                var fresh = RandomNumberGenerator.GetBytes(32);
                if (featureSecrets.FirstOrDefault(k => k.Name == secret.Name) is { } feature)
                {
                    appraisals += await feature.RenewAsync(db, value, fresh, now, ct);
                }
                else if (secret.Name == SensitiveData.LookupKeyName)
                {
                    newLookupKey = fresh;
                }

                (value, renewed) = (fresh, renewed + 1);
            }

            secret.ProtectedValue = Sealed(protector.Protect(Convert.ToBase64String(value)));
        }

        var personal = provider.CreateProtector(SensitiveData.Purpose);
        var people = await db.People.IgnoreQueryFilters().Where(p => p.IdNumberCipher != null || p.PhoneCipher != null).OrderBy(p => p.Id).ToListAsync(ct);
        var touched = 0;
        foreach (var person in people)
        {
            var changed = false;
            if (person.IdNumberCipher is { } id && (UnderClearKey(id) || newLookupKey is not null))
            {
                var plain = personal.Unprotect(id);
                person.IdNumberCipher = UnderClearKey(id) ? Sealed(personal.Protect(plain)) : id;
                person.IdNumberHash = newLookupKey is null ? person.IdNumberHash : SensitiveData.LookupHash(newLookupKey, plain);
                changed = true;
            }

            if (UnderClearKey(person.PhoneCipher))
            {
                person.PhoneCipher = Sealed(personal.Protect(personal.Unprotect(person.PhoneCipher!)));
                changed = true;
            }

            touched += changed ? 1 : 0;
        }

        var outcome = new Outcome(clearKeys, stored.Count, renewed, touched, appraisals);
        if (stored.Count + touched == 0)
        {
            // Done before a crash (or by another instance): only the clear keys are left to retire.
            return outcome;
        }

        db.Audit("key-rotation", "KeyRing", null,
            $"密钥环原以明文存放于数据库：新建主密钥加密的密钥，重新保护机密{outcome.Secrets}项（更换{outcome.Renewed}项）、人员{outcome.People}名，明文密钥{outcome.ClearKeys}个随后吊销并删除");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }
}
