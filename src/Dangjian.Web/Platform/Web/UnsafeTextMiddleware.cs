using Microsoft.AspNetCore.Diagnostics;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Refuses a request whose query string or form (field names, values, file names) carries a character that
/// <see cref="UnsafeText"/> forbids, with 400 and a Chinese message, before any page or API sees it: nothing is
/// saved and nothing reaches the database driver, which would fail on NUL with an error. JSON bodies are checked
/// while they are read (<see cref="SafeStringJsonConverter"/>). It runs after authentication so an anonymous visitor's
/// form for a protected page is not read at all.
/// </summary>
public sealed class UnsafeTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (reExecuted)
        {
            await next(context);
            return;
        }

        int status;
        try
        {
            status = await HasUnsafeTextAsync(context.Request) ? StatusCodes.Status400BadRequest : 0;
        }
        catch (InvalidDataException e)
        {
            // The form reader refuses NUL itself, and forms past its limits (field count, value length); both are the
            // sender's fault, answered here rather than left to fail again when the error page is re-executed.
            status = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        }

        if (status == 0)
        {
            await next(context);
            return;
        }

        if (ApiRequest.Is(context))
        {
            await ProblemResults.WriteAsync(context, status, status == StatusCodes.Status400BadRequest ? UnsafeText.Message : "提交的表单内容超过了大小限制。");
        }
        else
        {
            // The status-code page re-executes /Error/400 or /Error/413 with the Chinese explanation.
            context.Response.StatusCode = status;
        }
    }

    private static async Task<bool> HasUnsafeTextAsync(HttpRequest request)
    {
        if (request.Query.Any(p => UnsafeText.Contains(p.Key) || p.Value.Any(UnsafeText.Contains)))
        {
            return true;
        }

        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return form.Any(p => UnsafeText.Contains(p.Key) || p.Value.Any(UnsafeText.Contains))
            || form.Files.Any(f => UnsafeText.Contains(f.FileName) || UnsafeText.Contains(f.Name));
    }
}
