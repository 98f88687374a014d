using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Platform.Web;

/// <summary>Writes a ProblemDetails response with a Chinese title for the status code.</summary>
public static class ProblemResults
{
    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要登录",
        403 => "没有权限",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "数据冲突",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求失败",
    };

    public static async Task WriteAsync(HttpContext context, int status, string detail, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = detail;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
