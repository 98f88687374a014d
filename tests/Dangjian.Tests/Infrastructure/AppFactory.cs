using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh database of the configured provider, migrated and seeded with the demo
/// bureau at start-up exactly as in production start-up (environment "Testing").
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo@2026";

    /// <summary>
    /// Every test app would otherwise watch its configuration files and web root with inotify, and a machine allows 128
    /// inotify instances per user, which two suites running side by side use up: no configuration reloading, and the
    /// file providers poll instead.
    /// </summary>
    static AppFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly string keysFolder = Path.Combine(Path.GetTempPath(), "dangjian-tests", "keys-" + Guid.NewGuid().ToString("N"));

    private readonly bool ownsDatabase;

    /// <summary>Whether this app starts from a copy of the seeded demo template rather than an empty database.</summary>
    private readonly bool fromTemplate;

    private bool copied;

    public AppFactory()
        : this(new TestDatabase(), owns: true, fromTemplate: true)
    {
    }

    /// <summary>A second instance of the app on <paramref name="shared"/> (another factory's database, which that factory drops).</summary>
    protected AppFactory(TestDatabase shared)
        : this(shared, owns: false, fromTemplate: false)
    {
    }

    /// <summary>The app on <paramref name="shared"/>, seeding it itself when <paramref name="fromTemplate"/> is false (the template's own seeder).</summary>
    protected AppFactory(TestDatabase shared, bool fromTemplate)
        : this(shared, owns: false, fromTemplate)
    {
    }

    private AppFactory(TestDatabase database, bool owns, bool fromTemplate) => (Database, ownsDatabase, this.fromTemplate) = (database, owns, fromTemplate);

    public TestDatabase Database { get; }

    /// <summary>This instance's key ring folder (also where it keeps the audit checkpoint).</summary>
    public string KeysFolder => keysFolder;

    /// <summary>This instance's stored files (uploads, attachments).</summary>
    public string FilesFolder => keysFolder.Replace("keys-", "files-", StringComparison.Ordinal);

    public TestClock Clock { get; } = new();

    /// <summary>Everything the app logged at Error or above.</summary>
    public ErrorLog Errors { get; } = new();

    /// <summary>Extra configuration a derived fixture wants (e.g. a small body limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = Settings;
        // The demo data comes from the run's seeded template unless this app wants an empty database, or keeps its key
        // ring in the database (the template's secrets are sealed with its file key ring).
        if (fromTemplate && !copied
            && !(settings.TryGetValue("Demo:SeedOnStartup", out var seed) && seed == "false")
            && !settings.ContainsKey("DataProtection:Store"))
        {
            SeededTemplate.CopyInto(Database, keysFolder, FilesFolder);
            copied = true;
        }

        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Demo:SeedOnStartup", "true");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("Diagnostics:SqlCountHeader", "true");
        builder.UseSetting("RateLimits:PublicPerMinute", "100000");
        // Dashboards count afresh on every request in tests (FigureCacheTests turns the one-minute cache back on).
        builder.UseSetting("Figures:CacheSeconds", "0");
        builder.UseSetting("DataProtection:KeysPath", keysFolder);
        builder.UseSetting("Files:Root", FilesFolder);
        // With the key ring in the database, every instance on one database holds the same master key file (as deployed).
        builder.UseSetting("DataProtection:MasterKeyFile", Path.Combine(Path.GetTempPath(), "dangjian-tests", "master-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Database.Name)))[..16] + ".key"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackClient>();
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors);
        });
    }

    /// <summary>A browser-like client already signed in as <paramref name="userName"/> (demo password unless given).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = DemoPassword)
    {
        var client = CreateBrowserLikeClient();
        await client.SignInAsync(userName, password);
        return client;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an account with the given roles and returns its user name; password is <paramref name="password"/>.</summary>
    public async Task<string> CreateUserAsync(string[] roles, string password = "Passw0rd!x", bool mustChangePassword = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();
        var userName = "u" + Guid.NewGuid().ToString("N")[..10];
        var result = await accounts.CreateAsync(userName, "测试用户", password, roles, mustChangePassword);
        result.Succeeded.ShouldBeTrue(string.Join(";", result.Errors.Select(e => e.Description)));
        return userName;
    }

    /// <summary>The demo campaign (the first one created).</summary>
    public Task<Guid> DemoCampaignIdAsync() => WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    /// <summary>Today in China by the test clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>A signed-in client for a new account of the named demo person (who has none yet), with the given role.</summary>
    public async Task<HttpClient> PersonClientAsync(string personName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var personId = await db.People.Where(p => p.Name == personName).Select(p => p.Id).SingleAsync();
        var userName = "p" + Guid.NewGuid().ToString("N")[..10];
        const string password = "Passw0rd!x";
        var result = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync(userName, personName, password, [role], mustChangePassword: false, personId: personId);
        result.Succeeded.ShouldBeTrue(string.Join(";", result.Errors.Select(e => e.Description)));
        return await SignedInClientAsync(userName, password);
    }

    /// <summary>
    /// A signed-in client for a fresh administrator account whose authenticator is already enrolled, signing in
    /// through both steps like a person would.
    /// </summary>
    public async Task<HttpClient> AdminClientAsync(string role)
    {
        const string password = "Adm1n-Passw0rd!";
        var userName = await CreateUserAsync([role], password);
        var key = await WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var client = CreateBrowserLikeClient();
        var first = await client.PostLoginAsync(userName, password);
        var second = await client.PostFormAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        second.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, "administrator sign-in with the second factor");
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with the services of one request scope (a feature's figures, say).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            Database.Dispose();
        }
    }

    /// <summary>The in-memory test server has no client address; real requests always do. Pretend loopback.</summary>
    private sealed class LoopbackClient : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            Database.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
