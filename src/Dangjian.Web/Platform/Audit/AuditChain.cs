using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Computes and verifies the audit hash chain. Each entry's hash is SHA-256 over its previous hash and all
/// of its fields, so changing any field of any row, or removing a row, is found at the first broken link. Removing the
/// newest rows, or all of them, leaves a valid (shorter or empty) chain: that is found against the signed checkpoint
/// kept outside the database (<see cref="AuditCheckpoint"/>), which names the last sequence known to have existed.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <param name="LastKnown">The checkpoint's sequence when one was checked: an entry known to have existed.</param>
    public sealed record Result(bool Intact, long Checked, long? BrokenAt, string Message, long? LastKnown = null);

    /// <summary>The purge record's payload: where the remaining chain starts.</summary>
    public sealed record PurgeAnchor(long FirstSequence, string PreviousHash);

    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>HMAC-SHA256 with the chain key when there is one (the application always has one); plain SHA-256 otherwise.</summary>
    public static string Compute(AuditEntry e, byte[]? key = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = string.Join('\u001f',
            e.PreviousHash,
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            Field(e.UserId?.ToString("N")),
            Field(e.UserName),
            Field(e.ClientAddress),
            e.Action,
            Field(e.ObjectType),
            Field(e.ObjectId),
            Field(e.Summary),
            Field(e.Before),
            Field(e.After),
            e.Outcome);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexString(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes)).ToLowerInvariant();
    }

    /// <summary>Walks the whole chain in order, a batch at a time, and reports the first broken link.</summary>
    public static async Task<Result> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await VerifyAsync(db, db.AuditChainKey, null, ct);
    }

    /// <summary>As above, and the chain must still reach <paramref name="checkpoint"/> with the hash it recorded.</summary>
    public static async Task<Result> VerifyAsync(AppDbContext db, AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await VerifyAsync(db, db.AuditChainKey, checkpoint, ct);
    }

    private static async Task<Result> VerifyAsync(AppDbContext db, byte[]? key, AuditCheckpoint? checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var anchor = await LatestAnchorAsync(db, ct);
        long checkedCount = 0;
        long? expectedSequence = null;
        string? previous = null;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(2000)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (expectedSequence is null)
                {
                    var (start, startHash) = anchor is null ? (1L, Genesis) : (anchor.FirstSequence, anchor.PreviousHash);
                    if (entry.Sequence != start)
                    {
                        return new Result(false, checkedCount, entry.Sequence, $"链的开头缺失：应从第{start}条开始，实际从第{entry.Sequence}条开始。");
                    }

                    previous = startHash;
                    expectedSequence = start;
                }

                if (entry.Sequence != expectedSequence)
                {
                    return new Result(false, checkedCount, expectedSequence, $"第{expectedSequence}条记录缺失（下一条是第{entry.Sequence}条）。");
                }

                if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
                {
                    return new Result(false, checkedCount, entry.Sequence, $"第{entry.Sequence}条记录与前一条不衔接（前一条被修改或删除）。");
                }

                if (!string.Equals(Compute(entry, key), entry.Hash, StringComparison.Ordinal))
                {
                    return new Result(false, checkedCount, entry.Sequence, $"第{entry.Sequence}条记录的内容被修改过。");
                }

                if (checkpoint is not null && entry.Sequence == checkpoint.Sequence && !string.Equals(entry.Hash, checkpoint.Hash, StringComparison.Ordinal))
                {
                    return new Result(false, checkedCount, entry.Sequence,
                        $"第{entry.Sequence}条记录与{Written(checkpoint)}的签名检查点不符：原来的第{checkpoint.Sequence}条及其后的记录被删除后，又写入了新记录。", checkpoint.Sequence);
                }

                previous = entry.Hash;
                expectedSequence++;
                checkedCount++;
                after = entry.Sequence;
            }
        }

        if (checkpoint is not null && checkedCount == 0)
        {
            return new Result(false, 0, null,
                $"审计日志已被清空：{Written(checkpoint)}的签名检查点表明至少到第{checkpoint.Sequence}条的记录曾经存在。", checkpoint.Sequence);
        }

        if (checkpoint is not null && after < checkpoint.Sequence)
        {
            return new Result(false, checkedCount, after + 1,
                $"审计日志末尾的记录被删除：{Written(checkpoint)}的签名检查点表明第{checkpoint.Sequence}条记录曾经存在，现在最后一条是第{after}条（第{after + 1}至第{checkpoint.Sequence}条缺失）。",
                checkpoint.Sequence);
        }

        var intact = checkedCount == 0 ? "审计日志为空。" : $"已校验{checkedCount}条记录，链条完整。";
        return new Result(true, checkedCount, null,
            checkpoint is null ? intact : intact + $"（与{Written(checkpoint)}的签名检查点第{checkpoint.Sequence}条一致。）", checkpoint?.Sequence);
    }

    private static string Written(AuditCheckpoint checkpoint) => Web.ChinaTime.DateTimeText(checkpoint.WrittenAt);

    private static async Task<PurgeAnchor?> LatestAnchorAsync(AppDbContext db, CancellationToken ct)
    {
        var json = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.AuditPurge)
            .OrderByDescending(e => e.Sequence)
            .Select(e => e.After)
            .FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<PurgeAnchor>(json);
    }

    private static string Field(string? value) => value ?? "\u0000";
}
