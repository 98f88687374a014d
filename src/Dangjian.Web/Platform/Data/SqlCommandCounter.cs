using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Counts the SQL commands EF sends during one request (the query budget: a page's count must not grow with the data).
/// <see cref="SqlCommandCountMiddleware"/> opens a count per request; the count is logged at Debug and, when
/// <c>Diagnostics:SqlCountHeader</c> is on (tests, benchmarks), returned in the <c>X-Sql-Commands</c> header.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<Tally?> Current = new();

    public sealed class Tally
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        internal void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>Starts counting for the current request (and everything it awaits).</summary>
    public static Tally Begin() => Current.Value = new Tally();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Current.Value?.Add();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Current.Value?.Add();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Current.Value?.Add();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add();
        return ValueTask.FromResult(result);
    }
}

/// <summary>Opens a <see cref="SqlCommandCounter.Tally"/> per request; see <see cref="SqlCommandCounter"/>.</summary>
public sealed class SqlCommandCountMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<SqlCommandCountMiddleware> logger)
{
    private readonly bool header = configuration.GetValue("Diagnostics:SqlCountHeader", false);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tally = SqlCommandCounter.Begin();
        if (header)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Sql-Commands"] = tally.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        await next(context);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Method} {Path} sent {Count} SQL commands", context.Request.Method, context.Request.Path, tally.Count);
        }
    }
}
