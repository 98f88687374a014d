using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Turns what a unit of work changes into audit entries, inside the same transaction: business records
/// (everything derived from <see cref="Entity"/>) with before and after values, security events, and the
/// explicit notes a page adds (exports, sensitive views, permission changes). Sensitive columns
/// (…Cipher, …Hash, …Secret) never reach the log.
/// </summary>
internal static class AuditRecorder
{
    private const long PostgresLockKey = 0x4175646974; // "Audit"

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        nameof(Entity.Version), nameof(Entity.CreatedAt), nameof(Entity.UpdatedAt), nameof(ISoftDeletable.DeletedById),
    };

    public sealed record Actor(Guid? UserId, string? UserName, string? Address);

    public static Actor ActorFrom(HttpContext? http)
    {
        var user = http?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new Actor(null, http is null ? "系统" : null, http?.Connection.RemoteIpAddress?.ToString());
        }

        return new Actor(
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            user.Identity.Name,
            http!.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>Audit entries for the tracked changes (call after stamping, before saving).</summary>
    public static List<AuditEntry> Collect(ChangeTracker tracker, Actor actor, DateTime now)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is SecurityEvent security && entry.State == EntityState.Added)
            {
                entries.Add(new AuditEntry
                {
                    Action = AuditActions.SecurityPrefix + security.Kind,
                    UserId = security.UserId ?? actor.UserId,
                    UserName = security.UserName ?? actor.UserName,
                    ClientAddress = actor.Address,
                    ObjectType = security.UserId is null ? null : "AppUser",
                    ObjectId = security.UserId?.ToString(),
                    Summary = security.Detail,
                    Outcome = IsFailure(security.Kind) ? AuditActions.Failed : AuditActions.Succeeded,
                    OccurredAt = now,
                });
                continue;
            }

            if (entry.Entity is not Entity record || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ when entry.Entity is ISoftDeletable && IsChanging(entry, nameof(ISoftDeletable.DeletedAt)) =>
                    ((ISoftDeletable)entry.Entity).DeletedAt is null ? AuditActions.Restore : AuditActions.Delete,
                _ => AuditActions.Update,
            };
            var changed = entry.Properties
                .Where(p => !Skipped.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty())
                .Where(p => entry.State != EntityState.Modified || p.IsModified)
                .ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                Action = action,
                UserId = actor.UserId,
                UserName = actor.UserName,
                ClientAddress = actor.Address,
                ObjectType = entry.Metadata.ClrType.Name,
                ObjectId = record.Id.ToString(),
                Summary = (entry.Entity as IAuditTitled)?.AuditTitle,
                Before = entry.State == EntityState.Added ? null : Serialize(changed, original: true),
                After = entry.State == EntityState.Deleted ? null : Serialize(changed, original: false),
                OccurredAt = now,
            });
        }

        return entries;
    }

    /// <summary>Numbers and chains the new entries after the last one, under a database-wide lock.</summary>
    public static async Task ChainAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.OccurredAt = AuditChain.Truncate(entry.OccurredAt);
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.Compute(entry, db.AuditChainKey);
            previous = entry.Hash;
        }
    }

    public static string? SerializeObject(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    private static bool IsChanging(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
    }

    private static string Serialize(List<PropertyEntry> properties, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            var name = p.Metadata.Name;
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[name] = name.EndsWith("Cipher", StringComparison.Ordinal) || name.EndsWith("Hash", StringComparison.Ordinal) || name.EndsWith("Secret", StringComparison.Ordinal)
                ? (value is null ? null : "***")
                : value is string { Length: > LongText } text ? Shorten(text) : value;
        }

        return JsonSerializer.Serialize(values, Json);
    }

    /// <summary>Longer texts (a document's body) are kept in the audit by their beginning, length and digest, so an entry stays bounded and the change stays provable.</summary>
    public const int LongText = 2000;

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        return $"{text[..(LongText / 2)]}…（共{text.Length}字，SHA-256 {digest}）";
    }

    private static bool IsFailure(SecurityEventKind kind) => kind is SecurityEventKind.SignInFailed or SecurityEventKind.LockedOut
        or SecurityEventKind.SignInWhileLocked or SecurityEventKind.PasswordRejected or SecurityEventKind.TwoFactorFailed
        or SecurityEventKind.CookieRejected or SecurityEventKind.ApiTokenRejected or SecurityEventKind.RequestTooLarge
        or SecurityEventKind.AccessDenied or SecurityEventKind.SessionExpired;
}
