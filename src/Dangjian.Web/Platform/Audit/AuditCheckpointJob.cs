using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// Writes the audit checkpoint when the instance starts, every <see cref="AuditOptions.CheckpointSeconds"/>, and once
/// more when it stops, so that a clean shutdown leaves no unanchored entries behind.
/// </summary>
public sealed class AuditCheckpointJob(AuditCheckpoints checkpoints, IOptions<AuditOptions> options, IServiceScopeFactory scopes, ILogger<AuditCheckpointJob> logger)
    : PeriodicJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckpointSeconds));

    protected override bool Enabled => options.Value.CheckpointSeconds > 0;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => checkpoints.WriteAsync(ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!Enabled)
        {
            return;
        }

        try
        {
            await checkpoints.WriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            logger.LogError(e, "Writing the audit checkpoint at shutdown failed");
        }
    }
}
