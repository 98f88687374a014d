using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// The secret behind voting codes and sealed ballots. Kept in the database only as ciphertext of the Data Protection
/// key ring, which lives outside the database: a database reader (a DBA, a backup, a copy of the SQLite file and its
/// WAL) can neither recompute an unused voting code nor open a sealed ballot. Loaded on first use and then held.
/// </summary>
public sealed class BallotKey(IDataProtectionProvider provider, IServiceScopeFactory scopes)
{
    private const string Name = "ballot-key";
    private readonly IDataProtector protector = provider.CreateProtector("Dangjian.Ballots.v1");
    private byte[]? value;

    /// <summary>The key; call it before opening a transaction (it may create the key in its own unit of work).</summary>
    public async Task<byte[]> GetAsync(CancellationToken ct = default) => value ??= await AppSecrets.GetOrCreateAsync(scopes, protector, Name, ct);
}
