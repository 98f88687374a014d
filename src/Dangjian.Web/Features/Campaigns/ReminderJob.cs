using Dangjian.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>Runs <see cref="ReminderRunner"/> every few minutes.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, ILogger<ReminderJob> logger) : PeriodicJob(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));

    protected override bool Enabled => options.Value.Enabled;

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ReminderRunner>().RunOnceAsync(ct);
}
