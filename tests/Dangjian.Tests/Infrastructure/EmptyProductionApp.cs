using Microsoft.AspNetCore.Hosting;

namespace Dangjian.Tests.Infrastructure;

/// <summary>A production install (<c>ASPNETCORE_ENVIRONMENT=Production</c>) on an empty database: no demo data, nothing but what its operator and users do.</summary>
public sealed class EmptyProductionApp : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SeedOnStartup"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
