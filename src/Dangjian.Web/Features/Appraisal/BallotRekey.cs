using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// When the ballot key itself is replaced (<see cref="Platform.Security.KeyRingRotation"/>: its old value was readable
    /// in an old backup), in the caller's transaction: every sealed ballot is opened with the old key and sealed again
    /// under the new one, and the unused voting codes of appraisals still open are issued anew (their slips must be
    /// printed again; personal links go through sign-in and keep working). Returns how many appraisals got new codes.
    /// </summary>
    public static async Task<int> RenewKeyAsync(AppDbContext db, byte[] oldKey, byte[] newKey, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var sealedBallot in await db.SealedBallots.OrderBy(b => b.Id).ToListAsync(ct))
        {
            var (grades, comment) = BallotSeal.Open(oldKey, sealedBallot.AppraisalId, sealedBallot.Envelope);
            sealedBallot.Envelope = BallotSeal.Seal(newKey, sealedBallot.AppraisalId, grades, comment)!;
        }

        var open = await db.Appraisals.IgnoreQueryFilters()
            .Where(a => a.OpenedAt != null && a.UnsealedAt == null && a.ClosesAt > now && a.TokenSecret.StartsWith(BallotSeal.KeyedPrefix))
            .OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var appraisal in open)
        {
            foreach (var voter in await db.AppraisalVoters.Where(v => v.AppraisalId == appraisal.Id && !v.Used).OrderBy(v => v.Id).ToListAsync(ct))
            {
                voter.TokenHash = AppraisalRules.Hash(BallotSeal.Token(newKey, appraisal.TokenSecret, voter.Id));
            }

            db.Audit("rekey", nameof(Appraisal), appraisal.Id.ToString(), "投票密钥随密钥环轮换更换，未使用的投票码已重新生成，已打印的投票码需重新打印");
        }

        return open.Count;
    }
}
