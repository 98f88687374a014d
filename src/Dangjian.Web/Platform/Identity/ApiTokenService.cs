using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>Issues, lists and revokes personal access tokens. Tokens are "dj_" + 43 URL-safe characters.</summary>
public sealed partial class ApiTokenService(AppDbContext db, TimeProvider clock, IOptions<SecurityOptions> options, SecurityLog log)
{
    public const string TokenPrefix = "dj_";

    public sealed record Issued(ApiToken Token, string Secret);

    [GeneratedRegex("^dj_[A-Za-z0-9_-]{43}$")]
    public static partial Regex Format();

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token; returns null with a Chinese reason in <paramref name="error"/> when the input is unacceptable.</summary>
    public async Task<(Issued? Issued, string? Error)> IssueAsync(Guid userId, string? name, int days, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return (null, "请填写令牌名称（1–100个字）。");
        }

        if (days < 1 || days > options.Value.ApiTokenMaxDays)
        {
            return (null, $"有效期须在1到{options.Value.ApiTokenMaxDays}天之间。");
        }

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..10],
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityEventKind.ApiTokenCreated, userId: userId, detail: $"{token.Name} ({token.Prefix}…)");
        return (new Issued(token, secret), null);
    }

    public Task<List<ApiToken>> ListAsync(Guid userId, CancellationToken ct = default) =>
        db.ApiTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityEventKind.ApiTokenRevoked, userId: userId, detail: $"{token.Name} ({token.Prefix}…)");
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
