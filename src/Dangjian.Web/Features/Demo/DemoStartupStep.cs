using Dangjian.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Demo;

/// <summary>Outside Production, with <c>Demo:SeedOnStartup</c>, seeds the demo bureau into an empty database at start-up.</summary>
public sealed class DemoStartupStep(IOptions<DemoOptions> demo, IHostEnvironment environment) : IStartupStep
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (demo.Value.SeedOnStartup && !environment.IsProduction())
        {
            await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
    }
}
