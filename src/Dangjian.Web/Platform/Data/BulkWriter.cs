using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Writes many new rows of one entity type at once, for generated data where EF's change tracking is the slow part:
/// PostgreSQL through binary COPY, SQLite through one prepared INSERT reused inside a transaction. Columns and value
/// conversions come from the EF model, so a row written here reads back exactly like one EF saved. It bypasses
/// SaveChanges on purpose (no timestamps are filled in and nothing is audited): callers set every value themselves.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    public async Task<int> InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table, columns, rows, ct)
                : await InsertEachAsync(connection, table, columns, rows, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object row)
        {
            var value = Property.PropertyInfo!.GetValue(row);
            return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string TableName(StoreObjectIdentifier table) => table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);

    private static async Task<int> CopyAsync<T>(NpgsqlConnection connection, StoreObjectIdentifier table, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = $"COPY {TableName(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.ProviderValue(row) is { } value)
                {
                    await importer.WriteAsync(value, column.Mapping.StoreType, ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }

        return (int)await importer.CompleteAsync(ct);
    }

    private async Task<int> InsertEachAsync<T>(DbConnection connection, StoreObjectIdentifier table, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await connection.BeginTransactionAsync(ct) : null;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction ?? db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO {TableName(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var count = 0;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(columns[i].Mapping.CreateParameter(command, "@p" + i, columns[i].Property.PropertyInfo!.GetValue(row), columns[i].Property.IsNullable));
            }

            count += await command.ExecuteNonQueryAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return count;
    }
}
