using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// Wraps the sign-in cookie's ticket format to notice what the cookie handler silently ignores: a cookie
/// that does not decrypt (tampered or forged) and a ticket past its idle expiry. Both are written to the
/// security log; an expired one is also flagged so the sign-in page can say why the person is back there.
/// </summary>
public sealed class AuditedTicketFormat(
    ISecureDataFormat<AuthenticationTicket> inner,
    IHttpContextAccessor http,
    SecurityLog log,
    TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public const string ExpiredItem = "dj:session-expired";

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Check(protectedText, inner.Unprotect(protectedText));

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => Check(protectedText, inner.Unprotect(protectedText, purpose));

    private AuthenticationTicket? Check(string? protectedText, AuthenticationTicket? ticket)
    {
        if (ticket is null && !string.IsNullOrEmpty(protectedText))
        {
            log.Record(SecurityEventKind.CookieRejected, detail: "登录凭据无法解密（可能被篡改或密钥已更换）");
        }
        else if (ticket?.Properties.ExpiresUtc is { } expires && expires < clock.GetUtcNow())
        {
            var context = http.HttpContext;
            if (context is not null && !context.Items.ContainsKey(ExpiredItem))
            {
                context.Items[ExpiredItem] = true;
                log.Record(SecurityEventKind.SessionExpired, ticket.Principal.Identity?.Name, detail: "会话超时");
            }
        }

        return ticket;
    }
}
