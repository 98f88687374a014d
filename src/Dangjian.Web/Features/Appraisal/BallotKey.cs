using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// The secret behind voting codes and sealed ballots. Kept in the database only as ciphertext of the Data Protection
/// key ring, which lives outside the database: a database reader (a DBA, a backup, a copy of the SQLite file and its
/// WAL) can neither recompute an unused voting code nor open a sealed ballot. Loaded on first use and then held.
/// </summary>
public sealed class BallotKey(IDataProtectionProvider provider, IServiceScopeFactory scopes) : KeptSecret(provider, scopes, Purpose, SecretName)
{
    public const string SecretName = "ballot-key";

    public const string Purpose = "Dangjian.Ballots.v1";

    /// <summary>Sealed ballots sealed again and the unused codes of open appraisals issued anew; returns those appraisals.</summary>
    public override Task<int> RenewAsync(AppDbContext db, byte[] oldKey, byte[] newKey, DateTime now, CancellationToken ct) =>
        BallotRekey.RenewKeyAsync(db, oldKey, newKey, now, ct);
}
