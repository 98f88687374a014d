using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Removes entries older than the retention period (never less than six months). The removal itself is
/// audited with an anchor (the first kept entry and its previous hash) so verification still starts cleanly.
/// </summary>
public static class AuditRetention
{
    public static async Task<string> PurgeAsync(AppDbContext db, AuditOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var months = Math.Max(options.RetentionMonths, AuditOptions.MinimumRetentionMonths);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var firstKept = await db.AuditEntries.AsNoTracking().Where(e => e.OccurredAt >= cutoff)
            .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.PreviousHash }).FirstOrDefaultAsync(ct);
        if (firstKept is null)
        {
            return $"没有{months}个月内的记录可作为新的起点，未清理。";
        }

        var removed = await db.AuditEntries.Where(e => e.Sequence < firstKept.Sequence).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return $"没有超过保留期（{months}个月）的记录。";
        }

        db.Audit(AuditActions.AuditPurge, "AuditLog", null, $"按保留期（{months}个月）清理{removed}条记录", null,
            new AuditChain.PurgeAnchor(firstKept.Sequence, firstKept.PreviousHash));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return $"已清理{removed}条超过{months}个月的记录。";
    }
}
