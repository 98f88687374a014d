using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Demo;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Demo;

public sealed class DemoAndCommandLineTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task DemoBureauHasPeopleUnitsAndOneAccountPerRole()
    {
        var (people, units, accounts) = await app.WithDbAsync(async db => (
            await db.People.CountAsync(),
            await db.OrgUnits.Select(u => u.Name).ToListAsync(),
            await db.Users.Select(u => u.UserName).ToListAsync()));

        people.ShouldBeInRange(38, 45);
        units.ShouldContain("市科技局党组");
        units.ShouldContain("机关党支部");
        units.ShouldContain("办公室");
        units.ShouldContain("科技情报研究所");
        foreach (var (userName, _, role, _) in DemoSeeder.Accounts)
        {
            accounts.ShouldContain(userName);
            var roles = await app.WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByNameAsync(userName))!));
            roles.ShouldBe([role]);
        }
    }

    [DbFact]
    public async Task SeedingAgainIntoADatabaseWithDataDoesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();

        seeded.ShouldBeFalse();
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "office"))).ShouldBe(1);
    }

    [DbFact]
    public async Task OneAccountCannotHoldTwoAdministratorDuties()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();

        var both = await accounts.CreateAsync("two-hats", "两顶帽子", "Passw0rd!x", [Roles.SystemAdmin, Roles.AuditAdmin], false);
        var mixed = await accounts.CreateAsync("mixed", "混合", "Passw0rd!x", [Roles.SecurityAdmin, Roles.Member], false);

        both.Succeeded.ShouldBeFalse();
        both.Errors.Single().Description.ShouldContain("三员分立");
        mixed.Succeeded.ShouldBeFalse();
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "two-hats" || u.UserName == "mixed"))).ShouldBeFalse();
    }

    [DbFact]
    public async Task WeakPasswordLeavesNoHalfMadeAccount()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();

        var result = await accounts.CreateAsync("weak", "弱密码", "password", [Roles.Member], false);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Description.Contains("至少3类", StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weak"))).ShouldBeFalse();
    }

    [DbFact]
    public async Task CreateAdminVerbDemandsAStrongPasswordAndAnAdminRole()
    {
        using var database = new TestDatabase();

        var noRole = await RunAsync(database, "Development", null, "create-admin", "--user", "root1");
        var weak = await RunAsync(database, "Development", "weakpass", "create-admin", "--user", "root1", "--role", "system-admin");
        var strong = await RunAsync(database, "Development", "Str0ng-Admin!", "create-admin", "--user", "root1", "--role", "system-admin", "--name", "张管理");

        noRole.ExitCode.ShouldBe(2);
        noRole.Error.ShouldContain("--role");
        weak.ExitCode.ShouldBe(1);
        weak.Error.ShouldContain("至少3类");
        strong.ExitCode.ShouldBe(0, strong.Error);
        strong.Output.ShouldContain("已创建系统管理员 root1");
        await using var db = database.CreateContext();
        (await db.Users.SingleAsync(u => u.UserName == "root1")).DisplayName.ShouldBe("张管理");
    }

    [DbFact]
    public async Task DemoSeedingIsRefusedInProduction()
    {
        using var database = new TestDatabase();

        var production = await RunAsync(database, "Production", null, "seed", "demo");
        var development = await RunAsync(database, "Development", null, "seed", "demo");
        var again = await RunAsync(database, "Development", null, "seed", "demo");

        production.ExitCode.ShouldBe(1);
        production.Error.ShouldContain("生产环境不允许写入演示数据");
        development.ExitCode.ShouldBe(0, development.Error);
        again.ExitCode.ShouldBe(1);
        again.Output.ShouldContain("已有数据");
    }

    [DbFact]
    public async Task MigrateVerbBringsAnEmptyDatabaseUpToDate()
    {
        using var database = new TestDatabase();

        var first = await RunAsync(database, "Production", null, "migrate");
        var second = await RunAsync(database, "Production", null, "migrate");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("已应用迁移：0001_initial");
        second.Output.ShouldContain("数据库已是最新");
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, string environment, string? adminPassword, params string[] args) =>
        CommandLineProcess.RunAsync(database, environment, adminPassword, null, args);
}
