using Dangjian.Tests.Features.Organization;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Platform.Identity;

/// <summary>The key derivation is cheap in the test environment only; production keeps Identity's full strength.</summary>
public sealed class PasswordHashingTests(EmptyProductionApp production) : IClassFixture<EmptyProductionApp>
{
    [DbFact]
    public async Task OnlyTheTestEnvironmentHashesCheaplyAndProductionStillReadsItsHashes()
    {
        var strong = production.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount;
        strong.ShouldBe(new PasswordHasherOptions().IterationCount);
        strong.ShouldBeGreaterThanOrEqualTo(100_000);

        await using var testing = new EmptyAppFactory();
        testing.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount.ShouldBe(1_000);
        var user = new AppUser { UserName = "hash-check" };
        var cheap = testing.Services.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(user, "Passw0rd!x");
        var productionHasher = production.Services.GetRequiredService<IPasswordHasher<AppUser>>();
        productionHasher.VerifyHashedPassword(user, cheap, "Passw0rd!x").ShouldBe(PasswordVerificationResult.SuccessRehashNeeded);
        productionHasher.VerifyHashedPassword(user, productionHasher.HashPassword(user, "Passw0rd!x"), "Passw0rd!x").ShouldBe(PasswordVerificationResult.Success);
    }
}
