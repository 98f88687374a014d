using Dangjian.Web.Platform.Jobs;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Data;

/// <summary>Bound from <c>Instances</c>.</summary>
public sealed class InstanceSyncOptions
{
    public const string Section = "Instances";

    /// <summary>How often each instance looks for what the others saved (seconds; 0 turns it off, for a single instance).</summary>
    public double PollSeconds { get; set; } = 3;
}

/// <summary>
/// Keeps several instances on one database in agreement about what each keeps in memory: the security policy in force
/// and the cached figures. Every save of a record already writes an audit entry naming the record's type, numbered in
/// commit order under the chain lock, so the audit log is the change feed: each instance polls for entries past the
/// last one it saw (an index range on <c>Sequence</c>, one grouped query) and, for the types named, reloads the
/// policy (<see cref="SecuritySettings"/>) or forgets the figures that depend on them. No schema change and no
/// provider-specific channel (PostgreSQL <c>LISTEN/NOTIFY</c> would not serve SQLite and needs a connection held open
/// per instance); the price is one small query per instance every <see cref="InstanceSyncOptions.PollSeconds"/>.
/// The instance that saved has already applied the change; seeing its own entries again costs it one needless reload.
/// </summary>
public sealed class InstanceSync(
    FigureCache figures,
    SecurityPolicy policy,
    IOptions<InstanceSyncOptions> options,
    IServiceScopeFactory scopes,
    ILogger<InstanceSync> logger) : PeriodicJob(scopes, logger)
{
    /// <summary>The last audit sequence looked at; null until the first round.</summary>
    private long? seen;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));

    protected override bool Enabled => options.Value.PollSeconds > 0;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var last = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        if (seen is null || last < seen)
        {
            // First round, or the log was restored or cut back: start from here, with the policy as it stands now
            // (a change saved between start-up and this round is not lost), and no figures from before.
            seen = last;
            await policy.LoadAsync(db, ct);
            return;
        }

        if (last == seen)
        {
            return;
        }

        var after = seen.Value;
        var types = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > after && e.Sequence <= last && e.ObjectType != null)
            .Select(e => e.ObjectType!)
            .Distinct()
            .ToListAsync(ct);
        seen = last;
        var named = types.ToHashSet(StringComparer.Ordinal);
        if (named.Contains(nameof(SecuritySettings)))
        {
            await policy.LoadAsync(db, ct);
        }

        await figures.ChangedElsewhereAsync(named);
    }
}
