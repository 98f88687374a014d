using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features;

/// <summary>The friendly Chinese error page for exceptions (via the exception handler) and bare status codes.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Message { get; private set; } = "";

    public string? RequestId { get; private set; }

    /// <summary>
    /// The code comes from the route only (<c>/Error/404</c>), read without model binding: the page is re-executed with
    /// the failed request's method and body, and binding would read that body again (a form that failed to read fails
    /// again, now inside the error handler) and let a posted <c>code</c> field change the answer.
    /// </summary>
    public IActionResult OnGet() => Show(RouteCode());

    public IActionResult OnPost() => Show(RouteCode());

    /// <summary>A re-executed PUT, PATCH or DELETE has no handler of its own; it gets the same page.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = Show(RouteCode());
        }
    }

    private PageResult Show(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        (Status, Message) = exception is not null
            ? AppExceptionHandler.Map(exception)
            : (code ?? 500, Describe(code ?? 500));
        if (Status is < 400 or > 599)
        {
            Status = 500;
        }

        RequestId = HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        return Page();
    }

    private int? RouteCode() => RouteData.Values["code"] is string text && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private static string Describe(int code) => code switch
    {
        400 => "请求格式不正确，请返回重试。",
        403 => "您没有访问此页面的权限。如需开通，请联系本单位系统管理员。",
        404 => "您访问的页面不存在，或您无权查看。",
        405 => "不支持该操作。",
        413 => "提交的内容超过了大小限制，请压缩文件或分批提交。",
        429 => "操作过于频繁，请稍后再试。",
        _ => "服务器处理请求时出错，请稍后重试。如果问题持续，请联系系统管理员。",
    };
}
