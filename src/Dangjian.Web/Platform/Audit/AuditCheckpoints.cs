using System.Text.Json;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Keeps the head of the audit chain anchored outside the database: a signed <see cref="AuditCheckpoint"/> in
/// <c>audit-checkpoint.json</c> (next to the key ring unless <see cref="AuditOptions.CheckpointPath"/> says otherwise)
/// and a copy of it in the application log. Written every <see cref="AuditOptions.CheckpointSeconds"/> and at shutdown,
/// never per audited save, so that auditing costs no file write. Several instances share the file: each replaces it
/// atomically, and only with a head that continues the chain the file already anchors, so a checkpoint never moves
/// back and never moves past a truncation (which then stays reported until an operator resets it after a restore).
/// </summary>
public sealed class AuditCheckpoints(
    AuditKey key,
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AuditCheckpoints> logger) : IDisposable
{
    public const string FileName = "audit-checkpoint.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>What is on disk: the valid checkpoint, or none, and whether a file was there but its signature was not the chain key's.</summary>
    public sealed record Stored(AuditCheckpoint? Checkpoint, bool Rejected);

    public string FilePath => Path.Combine(
        options.Value.CheckpointPath is { Length: > 0 } folder ? folder
            : configuration["DataProtection:KeysPath"] ?? Path.Combine(environment.ContentRootPath, "App_Data", "keys"),
        FileName);

    public async Task<Stored> ReadAsync(CancellationToken ct = default)
    {
        if (key.Value is not { } secret || !File.Exists(FilePath))
        {
            return new Stored(null, false);
        }

        try
        {
            await using var file = File.OpenRead(FilePath);
            var checkpoint = await JsonSerializer.DeserializeAsync<AuditCheckpoint>(file, Json, ct);
            return checkpoint is not null && checkpoint.IsSignedWith(secret) ? new Stored(checkpoint, false) : new Stored(null, true);
        }
        catch (JsonException)
        {
            return new Stored(null, true);
        }
        catch (FileNotFoundException)
        {
            return new Stored(null, false);
        }
    }

    /// <summary>Verifies the chain in <paramref name="db"/> and that it still reaches the checkpoint (see <see cref="AuditChain"/>).</summary>
    public async Task<AuditChain.Result> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await ReadAsync(ct);
        var result = await AuditChain.VerifyAsync(db, stored.Checkpoint, ct);
        return stored.Rejected ? result with { Message = result.Message + $"（检查点文件 {FilePath} 的签名无效，已忽略。）" } : result;
    }

    /// <summary>
    /// Anchors the chain's current head, unless it is already anchored or no longer continues the stored checkpoint
    /// (entries were deleted: the checkpoint is kept as evidence and the refusal logged). Returns what is in force.
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        if (key.Value is not { } secret)
        {
            return null;
        }

        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var stored = (await ReadAsync(ct)).Checkpoint;
            if (stored is not null && await BreaksAsync(db, stored, head?.Sequence, ct) is { } problem)
            {
                logger.LogError("Audit checkpoint {Sequence} ({Hash}) is not advanced: {Problem}", stored.Sequence, stored.Hash, problem);
                return stored;
            }

            if (head is null || (stored is not null && stored.Sequence == head.Sequence))
            {
                return stored;
            }

            var checkpoint = AuditCheckpoint.Create(head.Sequence, head.Hash, clock.GetUtcNow().UtcDateTime, secret);
            await SaveAsync(checkpoint, ct);
            return checkpoint;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After <c>restore</c> the database legitimately ends before the checkpoint: anchor the restored head instead,
    /// and return the checkpoint it replaces (the operator's output names both).
    /// </summary>
    public async Task<(AuditCheckpoint? Before, AuditCheckpoint? After)> ResetAsync(CancellationToken ct = default)
    {
        if (key.Value is not { } secret)
        {
            return (null, null);
        }

        await gate.WaitAsync(ct);
        try
        {
            var before = (await ReadAsync(ct)).Checkpoint;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            if (head is null)
            {
                File.Delete(FilePath);
                return (before, null);
            }

            var after = AuditCheckpoint.Create(head.Sequence, head.Hash, clock.GetUtcNow().UtcDateTime, secret);
            await SaveAsync(after, ct);
            return (before, after);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Why the database no longer continues <paramref name="stored"/>, or null when it does.</summary>
    private static async Task<string?> BreaksAsync(AppDbContext db, AuditCheckpoint stored, long? head, CancellationToken ct)
    {
        if (head is null || head < stored.Sequence)
        {
            return $"the log now ends at {head?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}";
        }

        var hash = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == stored.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (hash is null)
        {
            // Removed by a retention purge (everything before the first kept entry) is expected; a hole is not.
            var first = await db.AuditEntries.AsNoTracking().MinAsync(e => e.Sequence, ct);
            return stored.Sequence < first ? null : "the anchored entry is missing";
        }

        return string.Equals(hash, stored.Hash, StringComparison.Ordinal) ? null : "the anchored entry has another hash";
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Written beside the target and renamed over it, so a reader (or another instance) never sees half a file.</summary>
    private async Task SaveAsync(AuditCheckpoint checkpoint, CancellationToken ct)
    {
        var target = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(temporary, mode))
        {
            await JsonSerializer.SerializeAsync(file, checkpoint, Json, ct);
        }

        File.Move(temporary, target, overwrite: true);
        logger.LogInformation("Audit checkpoint: sequence {Sequence}, hash {Hash}, signature {Signature}", checkpoint.Sequence, checkpoint.Hash, checkpoint.Signature);
    }
}
