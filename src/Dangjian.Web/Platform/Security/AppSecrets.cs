using System.Security.Cryptography;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// Generated 32-byte secrets kept in the database encrypted by a Data Protection purpose (whose key ring lives
/// outside the database). The first instance to need one creates it; a racing instance reads the winner's.
/// Uses its own unit of work: call it before opening a transaction (on SQLite it would wait for that lock).
/// </summary>
public static class AppSecrets
{
    public static async Task<byte[]> GetOrCreateAsync(IServiceScopeFactory scopes, IDataProtector protector, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(protector);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, ct);
        if (stored is null)
        {
            db.AppSecrets.Add(new AppSecret { Name = name, ProtectedValue = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first; use theirs.
                db.ChangeTracker.Clear();
            }

            stored = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == name, ct);
        }

        return Convert.FromBase64String(protector.Unprotect(stored.ProtectedValue));
    }
}
