namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Something a feature does at start-up once the database is migrated and the platform's defaults exist (the demo
/// bureau seeded into an empty database, for example). <see cref="DatabaseStartup"/> runs every registered step, in
/// registration order, before the web server takes a request.
/// </summary>
public interface IStartupStep
{
    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
