using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Refuses a declared body over the limit before anything reads it (Kestrel enforces the same limit on
/// bodies without a declared length), answering 413 in Chinese and writing a security event.
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

        await next(context);
    }
}
