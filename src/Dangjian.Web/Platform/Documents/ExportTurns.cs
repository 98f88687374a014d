using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Documents;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How many Excel, Word or PDF exports an instance builds at the same time (each holds its whole document).</summary>
    public int Concurrent { get; set; } = 2;

    /// <summary>How many more wait their turn; beyond that the request gets 503 with a Chinese message.</summary>
    public int Queue { get; set; } = 200;
}

/// <summary>
/// Exports (the <c>Export</c>, <c>Word</c> and <c>Pdf</c> handlers of every page) take their turn: building a workbook or
/// a document is CPU-bound and holds it all in memory, so a hundred at once take no less time in all but a hundred
/// times the memory. The rest wait, oldest first; the pages already show a progress indicator while a download runs.
/// </summary>
public sealed class ExportTurns : IAsyncPageFilter, IDisposable
{
    private static readonly HashSet<string> Handlers = new(StringComparer.Ordinal) { "Export", "Word", "Pdf" };

    private readonly ConcurrencyLimiter limiter;

    public ExportTurns(IOptions<ExportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.Concurrent),
            QueueLimit = Math.Max(0, options.Value.Queue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A turn to build one export; not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> TurnAsync(CancellationToken ct = default) => limiter.AcquireAsync(1, ct);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod?.Name is not { } handler || !Handlers.Contains(handler))
        {
            await next();
            return;
        }

        using var turn = await TurnAsync(context.HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            context.HttpContext.Response.Headers.RetryAfter = "30";
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
                ContentType = "text/plain; charset=utf-8",
                Content = "正在生成的导出文件较多，请稍后再试。",
            };
            return;
        }

        await next();
    }

    public void Dispose() => limiter.Dispose();
}
