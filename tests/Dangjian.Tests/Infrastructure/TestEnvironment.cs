using Npgsql;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// Where the tests run: the database provider comes from <c>DANGJIAN_TEST_DB</c> (sqlite by default,
/// postgres when set), the PostgreSQL server from <c>DANGJIAN_TEST_PG</c>. With <c>CI=true</c> a missing
/// server is a failure, never a skip.
/// </summary>
public static class TestEnvironment
{
    public const string DefaultPostgres = "Host=localhost;Port=5432;Username=postgres;Password=postgres;Timeout=5";

    private static readonly Lazy<string?> PostgresProblem = new(ProbePostgres);

    /// <summary>The repository's root folder (the one holding Dangjian.slnx), found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("DANGJIAN_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresAdminConnection => Environment.GetEnvironmentVariable("DANGJIAN_TEST_PG") is { Length: > 0 } cs ? cs : DefaultPostgres;

    /// <summary>Why the configured database cannot be used, or null when it can (or when CI demands it be tried).</summary>
    public static string? DatabaseSkipReason =>
        UsePostgres && !IsCi && PostgresProblem.Value is { } problem
            ? $"PostgreSQL 不可用（{problem}）。设置 DANGJIAN_TEST_PG 指向一个服务器，或在 CI=true 下运行使其成为失败。"
            : null;

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("没有找到仓库根目录（Dangjian.slnx）。");
    }

    private static string? ProbePostgres()
    {
        try
        {
            using var connection = new NpgsqlConnection(PostgresAdminConnection);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
