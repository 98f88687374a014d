using Dangjian.Tests.Infrastructure;

namespace Dangjian.Tests.Platform.Web;

/// <summary>Every response names its request (the id in the logs and on the error page); a proxy's well-formed id is kept, anything else replaced.</summary>
public sealed class RequestIdTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ResponsesCarryTheRequestId()
    {
        var client = app.CreateClient();
        var own = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        own.Headers.GetValues("X-Request-Id").Single().ShouldNotBeNullOrWhiteSpace();

        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        proxied.Headers.Add("X-Request-Id", "nginx-4f2a9c");
        (await client.SendAsync(proxied)).Headers.GetValues("X-Request-Id").Single().ShouldBe("nginx-4f2a9c");

        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        forged.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");
        (await client.SendAsync(forged)).Headers.GetValues("X-Request-Id").Single().ShouldNotContain("<");
    }
}
