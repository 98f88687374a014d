namespace Dangjian.Web.Platform.Web;

public static class ApiRequest
{
    public const string Prefix = "/api";

    /// <summary>JSON API calls get ProblemDetails and status codes; everything else gets pages and redirects.</summary>
    public static bool Is(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
    }
}
