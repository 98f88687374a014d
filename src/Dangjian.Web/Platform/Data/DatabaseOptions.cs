namespace Dangjian.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the web server starts (the <c>migrate</c> verb does it without one).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
