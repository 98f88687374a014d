using Dangjian.Web.Platform.Cli;
using Dangjian.Web.Platform.Identity;

namespace Dangjian.Web.Features.Demo;

/// <summary><c>seed demo</c> (the demo bureau into an empty database) and <c>seed S|M|L</c> (scale data for the benchmarks); never in Production.</summary>
public sealed class SeedCommand : ICommandVerb
{
    public string Verb => "seed";

    public async Task<int?> RunAsync(IServiceProvider services, IHostEnvironment environment, string[] args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        var what = CommandLine.Option(args, 1);
        if (what == "demo")
        {
            return await SeedDemoAsync(services, environment);
        }

        return what is not null && ScaleSeeder.Presets.TryGetValue(what, out var preset) ? await SeedScaleAsync(services, environment, preset, args) : null;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, IHostEnvironment environment)
    {
        if (environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("生产环境不允许写入演示数据。请设置 ASPNETCORE_ENVIRONMENT=Development 后再试。");
            return 1;
        }

        // The command line has already migrated the database before running the verb.
        var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        Console.WriteLine(seeded ? "已写入演示数据。" : "数据库中已有数据，未写入演示数据。");
        return seeded ? 0 : 1;
    }

    private static async Task<int> SeedScaleAsync(IServiceProvider services, IHostEnvironment environment, ScaleSeeder.Preset preset, string[] args)
    {
        if (environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("生产环境不能生成规模测试数据。");
            return 1;
        }

        await services.GetRequiredService<AccountProvisioning>().EnsureRolesAsync();
        var password = Environment.GetEnvironmentVariable("DANGJIAN_BENCH_PASSWORD") is { Length: > 0 } p ? p : "Bench@2026";
        var (summary, refusal) = await services.GetRequiredService<ScaleSeeder>().SeedAsync(preset, password, CommandLine.Named(args, "--ballot-tokens"));
        if (refusal is not null)
        {
            await Console.Error.WriteLineAsync(refusal);
            return 1;
        }

        Console.WriteLine(summary);
        return 0;
    }
}
