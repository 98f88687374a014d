// bench/raw: runs one SQL statement through Npgsql from N concurrent clients for S seconds, as the app reaches the
// database (a pooled connection per command, the same connection string), and prints one line of JSON in the shape of
// bench/report.lua: requests, seconds, rps, p50/p95/p99 in ms, errors, and the mean.
//   RawQuery --connection "Host=...;Database=..." --sql "SELECT ..." --clients 20 --seconds 15
using System.Diagnostics;
using System.Globalization;
using Npgsql;

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: RawQuery --connection CS --sql SQL [--clients N] [--seconds S]");
    return 2;
}

await using var dataSource = NpgsqlDataSource.Create(options.Connection);
// Warm the pool and the statement once per client, as the app's pool is warm when wrk measures it.
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => RunOnceAsync(dataSource, options.Sql)));

var until = Stopwatch.GetTimestamp() + (long)(options.Seconds * Stopwatch.Frequency);
var began = Stopwatch.GetTimestamp();
var results = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => ClientAsync(dataSource, options.Sql, until))));
var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;

var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
var errors = results.Sum(r => r.Errors);
double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p / 100 * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"requests":{{latencies.Length}},"seconds":{{elapsed:F2}},"rps":{{latencies.Length / elapsed:F1}},"p50":{{Percentile(50):F3}},"p95":{{Percentile(95):F3}},"p99":{{Percentile(99):F3}},"avg":{{(latencies.Length == 0 ? 0 : latencies.Average()):F3}},"errors":{{errors}}}"""));
return latencies.Length == 0 ? 1 : 0;

static async Task<(List<double> Latencies, int Errors)> ClientAsync(NpgsqlDataSource dataSource, string sql, long until)
{
    var latencies = new List<double>(capacity: 65536);
    var errors = 0;
    while (Stopwatch.GetTimestamp() < until)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await RunOnceAsync(dataSource, sql);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (NpgsqlException)
        {
            errors++;
        }
    }

    return (latencies, errors);
}

static async Task RunOnceAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteScalarAsync();
}

internal sealed record Options(string Connection, string Sql, int Clients, double Seconds)
{
    public static Options? Parse(string[] args)
    {
        string? Named(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var connection = Named("--connection");
        var sql = Named("--sql");
        if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(sql))
        {
            return null;
        }

        var clients = int.TryParse(Named("--clients"), CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 20;
        var seconds = double.TryParse(Named("--seconds"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 15;
        return new Options(connection, sql, clients, seconds);
    }
}
