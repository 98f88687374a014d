using Dangjian.Web.Platform.Web;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// Until a signed-in person has changed a temporary or expired password, and (for administrators) enrolled
/// a second factor, every page except those steps and sign-out sends them there; API calls get a 403.
/// </summary>
public sealed class SecurityGateMiddleware(RequestDelegate next)
{
    private static readonly string[] AlwaysAllowed = ["/Account/Logout", "/Error", "/health", "/css/", "/js/", "/lib/", "/favicon"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || IsAllowed(context.Request.Path, AlwaysAllowed))
        {
            return next(context);
        }

        string? step = null;
        string? message = null;
        if (user.HasClaim(AppClaims.MustChangePassword, "1"))
        {
            step = "/Account/ChangePassword";
            message = "请先修改密码后再继续使用。";
        }
        else if (user.HasClaim(AppClaims.MustEnrolTwoFactor, "1"))
        {
            step = "/Account/TwoFactor/Enable";
            message = "管理员账户须先启用两步验证后再继续使用。";
        }

        if (step is null || context.Request.Path.StartsWithSegments(step, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        if (ApiRequest.Is(context))
        {
            return ProblemResults.WriteAsync(context, StatusCodes.Status403Forbidden, message!);
        }

        // A page the person was opening (the meeting's sign-in link they scanned) is where the step returns them afterwards.
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(HttpMethods.IsGet(context.Request.Method) && back != "/"
            ? step + "?returnUrl=" + Uri.EscapeDataString(back)
            : step);
        return Task.CompletedTask;
    }

    private static bool IsAllowed(PathString path, string[] prefixes) =>
        prefixes.Any(p => path.Value?.StartsWith(p, StringComparison.OrdinalIgnoreCase) == true);
}
