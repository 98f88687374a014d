using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Migrates the database, then runs the features' <see cref="IStartupStep"/>s (outside Production the demo bureau is
/// seeded into an empty database), before any other hosted service starts, so the web server never serves a request
/// against an old schema.
/// </summary>
public sealed class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a request writes; it is a property of the file and survives restarts.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (database.Value.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<Audit.AuditKey>().EnsureAsync(cancellationToken);
        // Before anything loads the other secrets: a key ring an older version stored in the clear is retired (docs/security.md §1).
        await scope.ServiceProvider.GetRequiredService<KeyRingRotation>().RunAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SecurityPolicy>().LoadAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().EnsureRolesAsync();
        await scope.ServiceProvider.GetRequiredService<RolePermissions>().EnsureDefaultsAsync(cancellationToken);

        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>())
        {
            await step.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
