using Dangjian.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dangjian.BrowserTests.Infrastructure;

/// <summary>
/// The real application on a loopback Kestrel port with a fresh demo database, and Debian's Chromium
/// driven by Playwright. Screenshots go to <c>artifacts/screenshots/</c> at the repository root.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly (string Name, int Width, int Height)[] Viewports = [("desktop", 1366, 900), ("phone", 375, 812), ("screen", 1920, 1080)];

    private IPlaywright? playwright;

    public AppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async Task InitializeAsync()
    {
        BaseUrl = Serve(App);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Env = new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8", ["LANGUAGE"] = "zh_CN:zh" },
            Args = ["--lang=zh-CN", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Starts <paramref name="app"/> on a loopback Kestrel port and returns its address.</summary>
    public static string Serve(AppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseKestrel(0);
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>A page in a fresh browser context (no cookies) on the shared server, or on <paramref name="baseUrl"/> (a test's own server).</summary>
    public async Task<IPage> NewPageAsync(string viewport = "desktop", string? baseUrl = null)
    {
        var size = Viewports.Single(v => v.Name == viewport);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            IsMobile = viewport == "phone",
            HasTouch = viewport == "phone",
            ReducedMotion = ReducedMotion.Reduce,
        });
        // Waits for a page to load get a minute: on two cores busy with a build, a sign-in once took more than 30 s to
        // load; the assertions keep their own (shorter) timeouts.
        context.SetDefaultNavigationTimeout(60_000);
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string userName, string password = AppFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Signs in a fresh administrator whose authenticator is enrolled, through both sign-in steps.</summary>
    public async Task SignInAdminAsync(IPage page, string role)
    {
        ArgumentNullException.ThrowIfNull(page);
        const string password = "Adm1n-Passw0rd!";
        var userName = await App.CreateUserAsync([role], password);
        var key = await App.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        await SignInAsync(page, userName, password);
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public const string DemoCampaign = "市科技局党的群众路线教育实践活动";

    private static readonly System.Text.RegularExpressions.Regex DemoOption = new("^\\s*" + DemoCampaign + "(（|\\s*$)");

    /// <summary>
    /// On a per-campaign page, chooses the demo campaign when the selector is shown (another test may have started a
    /// newer campaign on the same server).
    /// </summary>
    public static async Task PickDemoCampaignAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var select = page.GetByLabel("活动", new() { Exact = true });
        if (await select.IsVisibleAsync())
        {
            // The shared selectors name each campaign with its dates and status (两个同名活动也能分清), a form's own list by
            // its name alone: the demo's is the option that is its name, or its name followed by the dates.
            var value = await select.Locator("option").Filter(new() { HasTextRegex = DemoOption }).First.GetAttributeAsync("value");
            await select.SelectOptionAsync(value!);
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        }
    }

    /// <summary>
    /// Saves a full-page screenshot of the page as it is now, and fails when the page is wider than the
    /// viewport (the usual phone bug), naming the elements that stick out.
    /// </summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable("DANGJIAN_SCREENSHOTS") != "off")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        }

        // Mobile emulation widens the layout viewport to fit overflowing content, so compare with the device width.
        var overflow = await page.EvaluateAsync<string[]>("""
            width => {
              if (document.documentElement.scrollWidth <= width + 1) return [];
              const contained = el => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return getComputedStyle(el).position !== 'absolute'; } return false; };
              const culprits = [...document.body.querySelectorAll('*')]
                .filter(el => el.getBoundingClientRect().right > width + 1 && !contained(el));
              return (culprits.length ? culprits : [document.body]).slice(0, 8)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.') + ' right=' + Math.round(el.getBoundingClientRect().right));
            }
            """, page.ViewportSize!.Width);
        overflow.ShouldBeEmpty($"{name}: the page is wider than the screen");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string FindScreenshotFolder()
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
