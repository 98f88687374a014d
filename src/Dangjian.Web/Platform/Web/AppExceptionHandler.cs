using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// The one place exceptions become responses: API calls get ProblemDetails (400 with field errors, 403,
/// 404, 409, 413, 500); pages fall through to the Chinese error page, which reads the same mapping. What maps to a 500 is
/// logged by the exception handler middleware (<c>WebSetup</c>); the rest is not logged as an error.
/// </summary>
public sealed class AppExceptionHandler : IExceptionHandler
{
    public static (int Status, string Message) Map(Exception exception) => exception switch
    {
        NotFoundException e => (404, e.Message),
        ForbiddenException e => (403, e.Message),
        ConflictException e => (409, e.Message),
        DbUpdateConcurrencyException => (409, "数据已被他人修改，您的修改未保存。请刷新查看最新内容后再试。"),
        AppValidationException e => (400, e.Message),
        BadHttpRequestException e when e.StatusCode == 413 => (413, "提交的内容超过了大小限制。"),
        BadHttpRequestException e => (e.StatusCode, "请求格式不正确。"),
        InvalidDataException => (413, "提交的表单内容超过了大小限制。"),
        OperationCanceledException => (499, "请求已取消。"),
        _ => (500, "服务器处理请求时出错，请稍后重试。如果问题持续，请联系系统管理员。"),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, message) = Map(exception);
        if (!ApiRequest.Is(httpContext))
        {
            return false;
        }

        await ProblemResults.WriteAsync(httpContext, status, message, (exception as AppValidationException)?.Errors);
        return true;
    }
}
