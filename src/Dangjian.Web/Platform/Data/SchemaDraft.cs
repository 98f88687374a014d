using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The skeleton of the next migration: what the EF model creates (<see cref="SchemaScript"/>) that the migrations do not
/// — new tables with their indexes, new columns, new indexes — written in each provider's own SQL, and what the
/// migrations have that the model lost, as comments (nothing is dropped for you). The migrated schema is read from the
/// SQLite migrations run on an in-memory database; tables, columns and indexes carry the same names on both providers.
/// A draft is for review, never applied as written: a NOT NULL column added to a table with rows needs a default, data
/// may need moving, a foreign key on a new SQLite column cannot be added by ALTER TABLE.
/// </summary>
public static partial class SchemaDraft
{
    /// <summary>Tables, columns (<c>table.column</c>) and indexes of a schema.</summary>
    public sealed record Schema(IReadOnlySet<string> Tables, IReadOnlySet<string> Columns, IReadOnlySet<string> Indexes);

    private const string History = "__dangjian_migrations";

    /// <summary>The schema the SQLite migrations build, read from an in-memory database they ran on.</summary>
    public static Schema Migrated()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var migration in MigrationRunner.Available(DatabaseProvider.Sqlite))
        {
            using var run = connection.CreateCommand();
            run.CommandText = migration.Sql;
            run.ExecuteNonQuery();
        }

        var tables = Read(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{History}'");
        var columns = tables.SelectMany(t => Read(connection, $"SELECT name FROM pragma_table_info('{t}')").Select(c => $"{t}.{c}"));
        var indexes = Read(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
        return new Schema(tables.ToHashSet(StringComparer.Ordinal), columns.ToHashSet(StringComparer.Ordinal), indexes.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The statements <paramref name="modelScript"/> (the model's create script in <paramref name="provider"/>'s SQL) has
    /// beyond <paramref name="migrated"/>, and comments for what only the migrations have; empty when they agree.
    /// </summary>
    public static string Draft(string modelScript, Schema migrated, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(modelScript);
        ArgumentNullException.ThrowIfNull(migrated);
        var statements = new List<string>();
        var modelTables = new HashSet<string>(StringComparer.Ordinal);
        var modelColumns = new HashSet<string>(StringComparer.Ordinal);
        var modelIndexes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in StatementEnd().Split(modelScript).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            if (CreateTable().Match(statement) is { Success: true } table)
            {
                var name = table.Groups["table"].Value;
                modelTables.Add(name);
                var columns = statement.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.StartsWith('"')).ToList();
                if (!migrated.Tables.Contains(name))
                {
                    statements.Add(statement + ";");
                }

                foreach (var column in columns)
                {
                    var columnName = column[1..column.IndexOf('"', 1)];
                    modelColumns.Add($"{name}.{columnName}");
                    if (migrated.Tables.Contains(name) && !migrated.Columns.Contains($"{name}.{columnName}"))
                    {
                        var definition = column.TrimEnd(',');
                        var add = provider == DatabaseProvider.Postgres ? "ADD" : "ADD COLUMN";
                        var review = definition.Contains("NOT NULL", StringComparison.Ordinal) && !definition.Contains("DEFAULT", StringComparison.Ordinal)
                            ? "-- review: NOT NULL without a DEFAULT fails on a table that has rows\n"
                            : "";
                        statements.Add($"{review}ALTER TABLE \"{name}\" {add} {definition};");
                    }
                }
            }
            else if (CreateIndex().Match(statement) is { Success: true } index)
            {
                modelIndexes.Add(index.Groups["index"].Value);
                if (!migrated.Indexes.Contains(index.Groups["index"].Value))
                {
                    statements.Add(statement + ";");
                }
            }
        }

        var lost = migrated.Tables.Where(t => !modelTables.Contains(t)).Select(t => $"-- in the migrations, not in the model: table \"{t}\"")
            .Concat(migrated.Columns.Where(c => modelTables.Contains(c.Split('.')[0]) && !modelColumns.Contains(c)).Select(c => $"-- in the migrations, not in the model: column {c}"))
            .Concat(migrated.Indexes.Where(i => !modelIndexes.Contains(i)).Select(i => $"-- in the migrations, not in the model: index \"{i}\""))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (statements.Count + lost.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder()
            .AppendLine("-- Skeleton written by `schema next` from the model's difference with the migrations: review every statement,")
            .AppendLine("-- add data moves and defaults, say in this first line what the migration is for, then run the tests.")
            .AppendLine();
        foreach (var line in statements.Concat(lost))
        {
            text.AppendLine(line).AppendLine();
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The number and file name of the next migration: <c>NNNN_name.sql</c>, one past the highest of either provider.</summary>
    public static string NextFileName(string name)
    {
        var last = new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres }
            .SelectMany(MigrationRunner.Available)
            .Select(m => int.Parse(m.Id.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        return $"{last + 1:D4}_{name}.sql";
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [GeneratedRegex(@";\s*(?:\r?\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex("^CREATE TABLE \"(?<table>[^\"]+)\" \\(")]
    private static partial Regex CreateTable();

    [GeneratedRegex("^CREATE (?:UNIQUE )?INDEX \"(?<index>[^\"]+)\" ON \"(?<table>[^\"]+)\"")]
    private static partial Regex CreateIndex();
}
