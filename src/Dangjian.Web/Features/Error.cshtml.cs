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

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

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
