using System.Net;
using System.Text;
using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Web;

/// <summary>A fixture whose body limit is tiny, so "too large" is cheap to provoke.</summary>
public sealed class SmallBodyAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:MaxRequestBodyBytes"] = "4096" };
}

public sealed class ErrorHandlingTests(SmallBodyAppFactory app) : IClassFixture<SmallBodyAppFactory>
{
    [DbFact]
    public async Task UnknownPageShowsAChineseNotFoundPage()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("member");

        var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await response.ParseAsync();
        page.QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("您访问的页面不存在");
    }

    [DbFact]
    public async Task ARecordThatIsNotThereIsANotFoundPageNotAnErrorInTheLog()
    {
        var client = await app.SignedInClientAsync("office");
        var missing = Guid.NewGuid();

        var page = await client.GetAsync(new Uri($"/Reports/Summary?id={missing}", UriKind.Relative));
        var api = await client.GetAsync(new Uri($"/api/v1/campaigns/{missing}", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("未找到该记录");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.Errors.Entries.ShouldNotContain(e => e.Contains(nameof(NotFoundException), StringComparison.Ordinal), "a 404 is an answer, not a fault");
    }

    [DbFact]
    public async Task UnknownApiRouteIsAProblemDetails()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("member");

        var response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("title").GetString().ShouldBe("未找到");
    }

    [DbFact]
    public async Task OversizedFormGetsA413PageAndASecurityEvent()
    {
        var client = app.CreateBrowserLikeClient();
        using var content = new StringContent("Input.UserName=" + new string('x', 10_000), Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("大小限制");
        var logged = await app.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.RequestTooLarge));
        logged.ShouldBeTrue();
    }

    [DbFact]
    public async Task OversizedApiCallGetsA413Problem()
    {
        var client = app.CreateClient();
        using var content = new StringContent(new string('x', 10_000), Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/v1/me", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("大小限制");
    }

    [DbFact]
    public async Task FormWithoutAntiforgeryTokenIsRefusedPolitely()
    {
        var client = app.CreateBrowserLikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "member", ["Input.Password"] = AppFactory.DemoPassword });

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).QuerySelector("[data-testid=error-page]")!.TextContent.ShouldContain("请求格式不正确");
    }

    [Theory]
    [InlineData("not-found", 404)]
    [InlineData("forbidden", 403)]
    [InlineData("conflict", 409)]
    [InlineData("concurrency", 409)]
    [InlineData("bug", 500)]
    public void ExceptionsMapToStatusCodesWithChineseMessages(string kind, int status)
    {
        Exception exception = kind switch
        {
            "not-found" => new NotFoundException(),
            "forbidden" => new ForbiddenException(),
            "conflict" => new ConflictException(),
            "concurrency" => new DbUpdateConcurrencyException(),
            _ => new InvalidOperationException(),
        };

        var (mapped, message) = AppExceptionHandler.Map(exception);

        mapped.ShouldBe(status);
        message.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public void ValidationExceptionCarriesFieldErrors()
    {
        var (status, _) = AppExceptionHandler.Map(new AppValidationException(new Dictionary<string, string[]> { ["Name"] = ["请填写名称。"] }));

        status.ShouldBe(400);
    }
}
