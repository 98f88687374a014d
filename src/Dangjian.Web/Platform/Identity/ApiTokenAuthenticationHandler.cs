using System.Text.Encodings.Web;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer dj_…</c> against the hashed personal access tokens. A malformed,
/// unknown, expired or revoked token is refused with a Chinese ProblemDetails and a security event.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    SignInManager<AppUser> signIn,
    SecurityLog log)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string FailureItem = "dj:token-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await FailAsync("Authorization 头格式不正确，应为“Bearer 令牌”。", null);
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!ApiTokenService.Format().IsMatch(secret))
        {
            return await FailAsync("访问令牌格式不正确。", null);
        }

        var hash = ApiTokenService.Hash(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (token is null)
        {
            return await FailAsync("访问令牌无效。", null);
        }

        if (token.RevokedAt is not null)
        {
            return await FailAsync("访问令牌已被撤销。", token.UserId);
        }

        if (token.ExpiresAt <= now)
        {
            return await FailAsync("访问令牌已过期。", token.UserId);
        }

        var user = await signIn.UserManager.FindByIdAsync(token.UserId.ToString());
        if (user is null || user.IsDisabled || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await FailAsync("该令牌所属账户已停用或被锁定。", token.UserId);
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[FailureItem] as string ?? "请先登录，或在请求头中提供有效的访问令牌（Authorization: Bearer dj_…）。";
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResults.WriteAsync(Context, StatusCodes.Status401Unauthorized, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResults.WriteAsync(Context, StatusCodes.Status403Forbidden, "您没有执行此操作的权限。");

    private async Task<AuthenticateResult> FailAsync(string reason, Guid? userId)
    {
        Context.Items[FailureItem] = reason;
        await log.RecordAsync(SecurityEventKind.ApiTokenRejected, userId: userId, detail: reason);
        return AuthenticateResult.Fail(reason);
    }
}
