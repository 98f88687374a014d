using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Tests.Platform.Identity;

/// <summary>The real password hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingHasherAppFactory : AppFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
        });
    }

    public sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// How long a refusal takes is the cost of one password-hash check (PBKDF2 with the configured work factor); an unknown
/// name must pay it as a wrong password does, or the answer's timing tells which names exist (about 4 ms against 190 ms
/// before). Counted, not timed: the test machine's load says nothing about the product.
/// </summary>
public sealed class SignInTimingTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    [DbFact]
    public async Task AnUnknownNameCostsOnePasswordHashCheckLikeAWrongPassword()
    {
        var user = await app.CreateUserAsync([Roles.Member]);
        var client = app.CreateBrowserLikeClient();

        var before = app.Hasher.Verifications;
        await client.PostLoginAsync(user, "Wrong-pass1");
        var forWrongPassword = app.Hasher.Verifications - before;
        before = app.Hasher.Verifications;
        await client.PostLoginAsync("nobody" + Guid.NewGuid().ToString("N")[..8], "Wrong-pass1");
        var forUnknownName = app.Hasher.Verifications - before;

        forWrongPassword.ShouldBe(1);
        forUnknownName.ShouldBe(forWrongPassword);
    }

    /// <summary>A disabled or locked account checks the password given (to tell its state only to its owner): one check too.</summary>
    [DbFact]
    public async Task ADisabledOrLockedAccountCostsOnePasswordHashCheckWhateverThePassword()
    {
        var disabled = await app.CreateUserAsync([Roles.Member]);
        var locked = await app.CreateUserAsync([Roles.Member]);
        await app.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(disabled))!;
            user.IsDisabled = true;
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
            return await users.SetLockoutEndDateAsync((await users.FindByNameAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });
        var client = app.CreateBrowserLikeClient();

        var counts = new List<int>();
        foreach (var (name, password) in new[] { (disabled, "Wrong-pass1"), (disabled, "Passw0rd!x"), (locked, "Wrong-pass1"), (locked, "Passw0rd!x") })
        {
            var before = app.Hasher.Verifications;
            var response = await client.PostLoginAsync(name, password);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "neither is signed in");
            counts.Add(app.Hasher.Verifications - before);
        }

        counts.ShouldBe([1, 1, 1, 1]);
    }
}
