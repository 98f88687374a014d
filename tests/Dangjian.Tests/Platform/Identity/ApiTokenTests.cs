using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Identity;

public sealed class ApiTokenTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TokenCreatedOnThePageAuthenticatesTheApiUntilRevoked()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("leader");
        var created = await client.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string> { ["Input.Name"] = "督导组对接", ["Input.Days"] = "30" }, action: "Create");
        var secret = (await created.ParseAsync()).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        secret.ShouldStartWith("dj_");

        var me = await CallMeAsync(secret);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("userName").GetString().ShouldBe("leader");
            json.RootElement.GetProperty("displayName").GetString().ShouldBe("王建国");
            json.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain(Roles.Leader);
        }

        var stored = await app.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "督导组对接"));
        stored.TokenHash.ShouldNotContain(secret[3..]);
        stored.LastUsedAt.ShouldNotBeNull();

        var revoke = await client.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string>(), action: $"id={stored.Id}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await CallMeAsync(secret);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(refused)).Detail.ShouldBe("访问令牌已被撤销。");
    }

    [DbTheory]
    [InlineData("Bearer not-a-token", "访问令牌格式不正确。")]
    [InlineData("Basic dXNlcjpwYXNz", "Authorization 头格式不正确，应为“Bearer 令牌”。")]
    [InlineData("Bearer dj_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "访问令牌无效。")]
    public async Task BadTokensGetAChineseProblemAndASecurityEvent(string header, string detail)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await ProblemAsync(response);
        problem.Title.ShouldBe("需要登录");
        problem.Detail.ShouldBe(detail);
        var logged = await app.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.ApiTokenRejected && e.Detail == detail));
        logged.ShouldBeTrue();
    }

    [DbFact]
    public async Task ExpiredTokenIsRefused()
    {
        var userName = await app.CreateUserAsync([Roles.Member]);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var secret = await app.WithDbAsync(async db =>
        {
            var service = new ApiTokenService(db, app.Clock, Microsoft.Extensions.Options.Options.Create(new SecurityOptions()), (SecurityLog)app.Services.GetService(typeof(SecurityLog))!);
            return (await service.IssueAsync(userId, "短期", 1)).Issued!.Secret;
        });
        (await CallMeAsync(secret)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            var response = await CallMeAsync(secret);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await ProblemAsync(response)).Detail.ShouldBe("访问令牌已过期。");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-2));
        }
    }

    [DbFact]
    public async Task TokenFormRejectsBadInputWithoutSavingAnything()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("observer");

        var empty = await client.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Days"] = "30" }, action: "Create");
        (await empty.ParseAsync()).ErrorsText().ShouldContain("请填写令牌名称。");
        var tooLong = await client.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string> { ["Input.Name"] = "x", ["Input.Days"] = "999" }, action: "Create");
        (await tooLong.ParseAsync()).ErrorsText().ShouldContain("有效期须在1到365天之间。");
        var notNumber = await client.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string> { ["Input.Name"] = "x", ["Input.Days"] = "三十" }, action: "Create");
        notNumber.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await notNumber.ParseAsync()).ErrorsText().ShouldContain("三十");

        var count = await app.WithDbAsync(db => db.ApiTokens.CountAsync(t => db.Users.Any(u => u.Id == t.UserId && u.UserName == "observer")));
        count.ShouldBe(0);
    }

    [DbFact]
    public async Task NobodyCanRevokeSomeoneElsesToken()
    {
        var ownerClient = app.CreateBrowserLikeClient();
        await ownerClient.SignInAsync("supervisor");
        var created = await ownerClient.PostFormAsync("/Account/ApiTokens", new Dictionary<string, string> { ["Input.Name"] = "他人令牌", ["Input.Days"] = "30" }, action: "Create");
        var secret = (await created.ParseAsync()).QuerySelector("[data-testid=new-token]")!.TextContent.Trim();
        var id = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "他人令牌").Select(t => t.Id).SingleAsync());

        var other = app.CreateBrowserLikeClient();
        await other.SignInAsync("member");
        var page = await other.GetDocumentAsync("/Account/ApiTokens");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        await other.PostAsync(new Uri($"/Account/ApiTokens?handler=Revoke&id={id}", UriKind.Relative), content);

        (await CallMeAsync(secret)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task ApiAndItsDocumentNeedAuthentication()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var me = await anonymous.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProblemAsync(me)).Title.ShouldBe("需要登录");
        (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var docs = await anonymous.GetAsync(new Uri("/api-docs/index.html", UriKind.Relative));
        docs.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        docs.Headers.Location!.OriginalString.ShouldContain("/Account/Login");

        var signedIn = app.CreateBrowserLikeClient();
        await signedIn.SignInAsync("office");
        var document = await signedIn.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await document.Content.ReadAsStringAsync()).ShouldContain("/api/v1/me");
        (await signedIn.GetAsync(new Uri("/api-docs/index.html", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> CallMeAsync(string secret)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.SendAsync(request);
    }

    private static async Task<(string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null,
                json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }
}
