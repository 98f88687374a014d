using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// The secret that keys the audit hash chain (HMAC-SHA256). It is stored in the database encrypted by the Data
/// Protection key ring, which lives outside the database: someone who can rewrite audit rows cannot recompute a
/// valid chain without also holding the key ring. Loaded once at start-up, before any audited save.
/// </summary>
public sealed class AuditKey(IDataProtectionProvider provider, IServiceScopeFactory scopes)
{
    public const string Name = "audit-chain-key";
    public const string Purpose = "Dangjian.AuditChain.v1";
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public byte[]? Value { get; private set; }

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        if (Value is not null)
        {
            return;
        }

        Value = await AppSecrets.GetOrCreateAsync(scopes, protector, Name, ct);
    }
}
