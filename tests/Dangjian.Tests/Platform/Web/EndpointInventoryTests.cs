using System.Net;
using Dangjian.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Web;

/// <summary>Deny by default: the only endpoints reachable without signing in are the ones listed here.</summary>
public sealed class EndpointInventoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Sign-in steps, the error page, and the health probes. Everything else anonymous must live under
    /// <c>Features/Public</c> (routes starting <c>/Public/</c>).
    /// </summary>
    private static readonly HashSet<string> AllowedAnonymous = new(StringComparer.OrdinalIgnoreCase)
    {
        "Account/Login",
        "Account/LoginWith2fa",
        "Account/LoginWithRecoveryCode",
        "Error/{code:int?}",
        "health/live",
        "health/ready",
    };

    [DbFact]
    public void NoEndpointIsAnonymousUnlessListed()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(10);

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unexpected = anonymous
            .Where(route => !AllowedAnonymous.Contains(route) && !route.StartsWith("Public/", StringComparison.OrdinalIgnoreCase))
            .ToList();

        unexpected.ShouldBeEmpty($"Anonymous endpoints outside the public list: {string.Join(", ", unexpected)}");
        anonymous.ShouldContain("Account/Login");
    }

    [DbFact]
    public async Task EveryOtherPageRedirectsAnAnonymousVisitorToSignIn()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern)
            .Where(p => p.Parameters.Count == 0 && p.RawText is not null)
            .Select(p => "/" + p.RawText!.TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        endpoints.ShouldContain("/Account/ApiTokens");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var path in endpoints)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var status = (int)response.StatusCode;
            (status is 302 or 401).ShouldBeTrue($"{path} answered {status} to an anonymous GET");
            if (status == 302)
            {
                response.Headers.Location!.OriginalString.ShouldContain("/Account/Login", customMessage: path);
            }
        }
    }

    [DbFact]
    public async Task HealthProbesAnswerWithoutSignIn()
    {
        var client = app.CreateClient();
        (await client.GetStringAsync(new Uri("/health/live", UriKind.Relative))).ShouldBe("Healthy");
        (await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).ShouldBe("Healthy");
    }

    [DbFact]
    public async Task MenuShowsOnlyWhatTheRoleMayOpen()
    {
        var member = app.CreateBrowserLikeClient();
        await member.SignInAsync("member");
        var memberMenu = (await member.GetDocumentAsync("/")).QuerySelectorAll(".dj-nav .nav-link").Select(a => a.TextContent.Trim()).ToList();

        memberMenu.ShouldBe(["我的待办", "消息", "我的学习", "学习笔记与心得", "在线测试", "投票/测评", "活动专栏", "账户安全"], "a member's menu is the eight things a member does (issue 21)");
        var office = await app.SignedInClientAsync("office");
        var officeMenu = (await office.GetDocumentAsync("/")).QuerySelectorAll(".dj-nav .nav-link").Select(a => a.TextContent.Trim()).ToList();
        officeMenu.Count.ShouldBeGreaterThan(30, "the office keeps the full menu of UX.md");
        officeMenu.ShouldContain("督办台账");
        memberMenu.ShouldNotContain("审计日志");
        memberMenu.ShouldNotContain("用户");

        var links = (await member.GetDocumentAsync("/")).QuerySelectorAll(".dj-nav .nav-link").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var link in links)
        {
            (await member.GetAsync(new Uri(link, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, link);
        }
    }
}
