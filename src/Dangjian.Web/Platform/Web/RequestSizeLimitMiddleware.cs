using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Refuses a declared body over the limit before anything reads it, answering 413 in Chinese and writing a security
/// event. A body without a declared length (chunked) is counted as it is read and fails with a 413
/// <see cref="BadHttpRequestException"/> past the limit — as Kestrel does, but under any server — which the exception
/// handler answers with the same Chinese 413.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context, SecurityLog log)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(log);
        var limit = options.Value.MaxRequestBodyBytes;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && context.Request.ContentLength is { } length && length > limit)
        {
            await log.RecordAsync(SecurityEventKind.RequestTooLarge, context.User.Identity?.Name, detail: $"{context.Request.Method} {context.Request.Path} {length} bytes");
            var message = $"提交的内容超过了{limit / 1024 / 1024} MB 的大小限制。";
            if (ApiRequest.Is(context))
            {
                await ProblemResults.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, message);
            }
            else
            {
                // The status-code page re-executes /Error/413 with the Chinese explanation.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }

            return;
        }

        if (!reExecuted && context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }

        await next(context);
    }

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : n;
        }
    }
}
