namespace Dangjian.Web.Features.Demo;

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<Platform.Data.IStartupStep, DemoStartupStep>();
        builder.Services.AddSingleton<Platform.Cli.ICommandVerb, SeedCommand>();
        builder.Services.AddScoped<ScaleSeeder>();
        builder.Services.AddScoped<Platform.Data.BulkWriter>();
        return builder;
    }
}
