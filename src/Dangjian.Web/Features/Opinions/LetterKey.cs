using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// The secret behind 征求意见函 reply codes (as <see cref="Appraisals.BallotKey"/> is for voting codes): kept in the
/// database only encrypted by the key ring, so a database reader cannot work out an addressee's code and answer for them.
/// </summary>
public sealed class LetterKey(IDataProtectionProvider provider, IServiceScopeFactory scopes) : KeptSecret(provider, scopes, Purpose, SecretName)
{
    public const string SecretName = "letter-key";

    public const string Purpose = "Dangjian.Letters.v1";
}

/// <summary>
/// At start-up, letters issued before reply codes were keyed lose the secret their codes could be recomputed from
/// (<see cref="LetterService.RekeyAsync"/>); their printed codes keep working through the stored hashes.
/// </summary>
public sealed class LetterRekey(IServiceScopeFactory scopes, ILogger<LetterRekey> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rekeyed = await scope.ServiceProvider.GetRequiredService<LetterService>().RekeyAsync(cancellationToken);
        if (rekeyed > 0)
        {
            logger.LogWarning("{Count} solicitation letter(s) from before keyed reply codes no longer hold a code secret; their printed codes keep working.", rekeyed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
