using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

public static class DataSetup
{
    /// <summary>How many statements each PostgreSQL connection keeps prepared (least recently used dropped beyond).</summary>
    public const int AutoPrepared = 200;

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider: SQLite under <c>App_Data/</c>
    /// by default, PostgreSQL when <c>Database:Provider</c> is <c>Postgres</c>.
    /// </summary>
    public static WebApplicationBuilder AddAppData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        var connectionString = ResolveConnectionString(builder.Configuration, builder.Environment.ContentRootPath, options.Provider);
        builder.Services.AddSingleton<SqlCommandCounter>();
        builder.Services.AddDbContext<AppDbContext>((services, db) =>
        {
            Configure(db, options.Provider, connectionString, strict: builder.Environment.IsEnvironment("Testing"));
            db.AddInterceptors(services.GetRequiredService<SqlCommandCounter>());
        });
        builder.Services.AddScoped<MigrationRunner>();
        builder.Services.AddHybridCache().AddSerializer<FigureCache.Box, FigureCache.SizeOnlySerializer>();
        builder.Services.Configure<FigureCacheOptions>(builder.Configuration.GetSection(FigureCacheOptions.Section));
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddScoped<Backups>();
        builder.Services.AddSingleton<Audit.AuditKey>();
        builder.Services.AddOptions<Audit.AuditOptions>()
            .Bind(builder.Configuration.GetSection(Audit.AuditOptions.Section))
            .Validate(o => o.RetentionMonths >= Audit.AuditOptions.MinimumRetentionMonths, "审计日志保留期（Audit:RetentionMonths）不能少于6个月。")
            .ValidateOnStart();
        builder.Services.AddSingleton<Audit.AuditCheckpoints>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<Audit.AuditCheckpointJob>();
        builder.Services.Configure<InstanceSyncOptions>(builder.Configuration.GetSection(InstanceSyncOptions.Section));
        builder.Services.AddHostedService<InstanceSync>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <param name="strict">
    /// In tests (environment "Testing") a query that pages (Skip/Take) without an order fails instead of logging a warning,
    /// so that they catch a list whose rows could come back in any order; elsewhere it stays a warning.
    /// </param>
    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(connectionString);
        }
        else
        {
            db.UseSqlite(connectionString);
        }

        if (strict)
        {
            db.ConfigureWarnings(w => w.Throw(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        }
    }

    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException("Database:Provider 为 Postgres 时必须配置 ConnectionStrings:Default。");
            }

            // A page sends a dozen short queries, each taking a pooled connection and giving it back: without this,
            // Npgsql sends DISCARD ALL on every return, doubling the round trips. The app keeps no session state on a
            // connection (its locks are transaction-scoped), so there is nothing to reset. An explicit setting wins.
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(configured);
            if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase) && !configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
            {
                npgsql.NoResetOnClose = true;
            }

            // Statements the app sends again and again are prepared on each connection after their second use, so
            // PostgreSQL parses and plans them once per connection instead of on every request: at the province scale
            // planning was as much of the database's CPU as running the queries (docs/performance.md). PostgreSQL still
            // plans afresh for each value while a generic plan would cost more. An explicit setting wins (0 turns it off).
            if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                npgsql.MaxAutoPrepare = AutoPrepared;
                npgsql.AutoPrepareMinUsages = 2;
            }

            return npgsql.ConnectionString;
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/dangjian.db" : configured);
        if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
        {
            sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        }

        var folder = Path.GetDirectoryName(sqlite.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        sqlite.DefaultTimeout = Math.Max(sqlite.DefaultTimeout, 30);
        return sqlite.ToString();
    }
}
