using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Web;

/// <summary>The app behind the documented nginx: requests arrive from loopback, the default trusted proxy.</summary>
public sealed class ProxiedAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = "3" };
}

/// <summary>A proxy is configured elsewhere (10.9.9.9), so the test client on loopback is an ordinary client that forges headers.</summary>
public sealed class UntrustedClientAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PublicPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies:0"] = "10.9.9.9",
    };
}

public sealed class ReverseProxyTests(ProxiedAppFactory proxied, UntrustedClientAppFactory untrusted) : IClassFixture<ProxiedAppFactory>, IClassFixture<UntrustedClientAppFactory>
{
    private const string Host = "dangjian.example.gov.cn";

    [DbFact]
    public async Task BehindTheTrustedProxyTheSignInCookieIsSecureHstsIsSentAndTheClientAddressIsAudited()
    {
        var client = Forwarding(proxied.CreateBrowserLikeClient(), "198.51.100.23");
        var user = await proxied.CreateUserAsync([Dangjian.Web.Platform.Identity.Roles.Member]);

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var login = await client.PostLoginAsync(user, "Passw0rd!x");

        page.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue("HTTPS at the proxy means HSTS from the app");
        hsts!.Single().ShouldContain("max-age=");
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        var audited = await proxied.WithDbAsync(db => db.AuditEntries
            .Where(e => e.UserName == user && e.Action == AuditActions.SecurityPrefix + SecurityEventKind.SignInSucceeded)
            .Select(e => e.ClientAddress).SingleAsync());
        audited.ShouldBe("198.51.100.23");
    }

    [DbFact]
    public async Task EachClientBehindTheProxyHasItsOwnPublicRateLimitWithRetryAfter()
    {
        var first = Forwarding(proxied.CreateBrowserLikeClient(), "198.51.100.31");
        var second = Forwarding(proxied.CreateBrowserLikeClient(), "198.51.100.32");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await first.GetAsync(new Uri("/Public/Opinion", UriKind.Relative)));
        }

        var other = await second.GetAsync(new Uri("/Public/Opinion", UriKind.Relative));

        answers[3].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the fourth request in a minute from one client");
        answers[3].Headers.RetryAfter.ShouldNotBeNull();
        answers[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await answers[3].ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("操作过于频繁");
        other.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "another visitor behind the same proxy is not blocked by the first");
    }

    [DbFact]
    public async Task ForgedForwardedHeadersFromAClientThatIsNoTrustedProxyAreIgnored()
    {
        var user = await untrusted.CreateUserAsync([Dangjian.Web.Platform.Identity.Roles.Member]);
        var client = Forwarding(untrusted.CreateBrowserLikeClient(), "198.51.100.77");

        var login = await client.PostLoginAsync(user, "Passw0rd!x");
        var limited = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var forger = Forwarding(untrusted.CreateBrowserLikeClient(), $"203.0.113.{i + 1}");
            limited.Add((await forger.GetAsync(new Uri("/Public/Opinion", UriKind.Relative))).StatusCode);
        }

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dangjian.auth=", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
        login.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        var audited = await untrusted.WithDbAsync(db => db.AuditEntries
            .Where(e => e.UserName == user && e.Action == AuditActions.SecurityPrefix + SecurityEventKind.SignInSucceeded)
            .Select(e => e.ClientAddress).SingleAsync());
        audited.ShouldBe(IPAddress.Loopback.ToString(), "the address the connection came from, not the forged one");
        limited[3].ShouldBe(HttpStatusCode.TooManyRequests, "forged addresses do not buy a fresh rate-limit bucket");
    }

    /// <summary>What nginx adds in front of the app: the client address, HTTPS, and the public host name.</summary>
    private static HttpClient Forwarding(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = Host;
        return client;
    }
}
