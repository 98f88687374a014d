namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// At start-up (after the migrations), makes sure the ballot key exists (so no request creates it inside a transaction)
/// and gives appraisals still open from before keyed voting codes new codes that a
/// database reader cannot work out (<see cref="AppraisalService.RekeyAsync"/>). Does nothing once there are none.
/// </summary>
public sealed class BallotRekey(IServiceScopeFactory scopes, ILogger<BallotRekey> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BallotKey>().GetAsync(cancellationToken);
        var rekeyed = await scope.ServiceProvider.GetRequiredService<AppraisalService>().RekeyAsync(cancellationToken);
        if (rekeyed > 0)
        {
            logger.LogWarning("{Count} appraisal(s) open from before keyed voting codes got new codes: print their slips again.", rekeyed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
