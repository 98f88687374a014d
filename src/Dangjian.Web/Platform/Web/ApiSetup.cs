using Dangjian.Web.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Web;

public static class ApiSetup
{
    public const string DocsPath = "/api-docs";

    /// <summary>The <c>/api/v1</c> group every feature maps its JSON API into; signed-in cookie or access token.</summary>
    public static RouteGroupBuilder MapApiV1(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(IdentitySetup.ApiPolicy);
        return app.MapGroup("/api/v1").RequireAuthorization(IdentitySetup.ApiPolicy);
    }

    /// <summary>Liveness needs nothing; readiness checks the database. Both are anonymous by design (load balancers).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>The interactive API page (Swagger UI, served from the package, no CDN) for signed-in people only.</summary>
    public static WebApplication UseApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase), docs =>
        {
            docs.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    await context.ChallengeAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await next();
            });
            docs.UseSwaggerUI(o =>
            {
                o.RoutePrefix = DocsPath.TrimStart('/');
                o.SwaggerEndpoint("/openapi/v1.json", "党建工作平台 API v1");
                o.DocumentTitle = "党建工作平台 API 文档";
                o.HeadContent = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
            });
        });
        return app;
    }
}
