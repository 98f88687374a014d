using System.Security.Cryptography;
using System.Text;
using Dangjian.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// Writes security events to their own table through a separate unit of work, so an event survives
/// even when the request that caused it fails or rolls back. Logs carry the kind and ids, never names.
/// </summary>
public sealed class SecurityLog(
    IServiceScopeFactory scopes,
    IHttpContextAccessor http,
    IOptions<SecurityOptions> options,
    TimeProvider clock,
    ILogger<SecurityLog> logger)
{
    private static readonly string ProcessSalt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task RecordAsync(SecurityEventKind kind, string? userName = null, Guid? userId = null, string? detail = null)
    {
        var entry = Create(kind, userName, userId, detail);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SecurityEvents.Add(entry);
        await db.SaveChangesAsync();
    }

    /// <summary>For the few callers that cannot await (cookie ticket decoding).</summary>
    public void Record(SecurityEventKind kind, string? userName = null, Guid? userId = null, string? detail = null)
    {
        var entry = Create(kind, userName, userId, detail);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.SecurityEvents.Add(entry);
        db.SaveChanges();
    }

    private SecurityEvent Create(SecurityEventKind kind, string? userName, Guid? userId, string? detail)
    {
        logger.LogInformation("Security event {Kind} for user {UserId}", kind, userId);
        return new SecurityEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserName = Truncate(userName, 256),
            UserId = userId,
            ClientHash = HashClient(),
            Detail = Truncate(detail, 1000),
        };
    }

    private string? HashClient()
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (address is null)
        {
            return null;
        }

        var salt = options.Value.ClientHashSalt ?? ProcessSalt;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "|" + address)))[..32];
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
