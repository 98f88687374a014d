using System.Net;
using Dangjian.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Dangjian.Tests.Platform.Identity;

/// <summary>The app with its Data Protection keys in the database (DataProtection:Store=Database), for several instances.</summary>
public class SharedKeysFactory : AppFactory
{
    public SharedKeysFactory()
    {
    }

    protected SharedKeysFactory(TestDatabase shared)
        : base(shared)
    {
    }

    /// <summary>Another instance on this one's database.</summary>
    public SharedKeysFactory SecondInstance() => new Second(Database);

    private sealed class Second(TestDatabase shared) : SharedKeysFactory(shared);

    /// <summary>The key ring in the database, encrypted under the master key file both instances have (AppFactory).</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DataProtection:Store"] = "Database" };
}

/// <summary>
/// Two instances on one database, each request going to the other one (as behind a round-robin proxy): signing in,
/// staying signed in, antiforgery on a form and the secrets the instances protect all work across them.
/// </summary>
public sealed class TwoInstancesTests(SharedKeysFactory app) : IClassFixture<SharedKeysFactory>
{
    [DbFact]
    public async Task ASignedInUserMovesBetweenInstances()
    {
        _ = app.Server;
        await using var second = app.SecondInstance();
        _ = second.Server;
        using var client = new HttpClient(new CookieContainerHandler { InnerHandler = new Alternate(app.Server.CreateHandler(), second.Server.CreateHandler()) })
        {
            BaseAddress = new Uri("http://localhost"),
        };

        // The login form comes from one instance and is posted to the other (antiforgery across them).
        await client.SignInAsync("office");
        for (var i = 0; i < 4; i++)
        {
            var page = await client.GetAsync(new Uri("/Dashboard/Campaign", UriKind.Relative));
            page.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i} stays signed in");
        }

        // A form posted across instances, writing an audited record (the audit key was protected by the first instance).
        var campaign = await app.DemoCampaignIdAsync();
        var drafted = await client.PostHandlerAsync($"/Reports?campaignId={campaign}", "Draft");
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        drafted.Headers.Location!.OriginalString.ShouldStartWith("/Reports/Summary?id=");
        (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys))).ShouldBe(1, "one key ring, shared");
    }

    /// <summary>Sends each request to the other instance than the last one.</summary>
    private sealed class Alternate(HttpMessageHandler first, HttpMessageHandler second) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] targets = [new(first), new(second)];
        private int next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            targets[Interlocked.Increment(ref next) % 2].SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var target in targets)
                {
                    target.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
