using System.Globalization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dangjian.Web.Platform.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddAppWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (builder.Configuration.GetValue("Logging:Json", false))
        {
            // One JSON object per line on the console for the log collector, with the request id of every request's lines.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes);

        // Chinese text goes out as UTF-8 characters, not as &#x…; entities (a third of the bytes, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        PublicRateLimit.Add(services, builder.Configuration);
        services.AddLocalization();
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AllowAnonymousToFolder("/Public");

                // Every anonymous page is rate-limited per client address.
                options.Conventions.AddFolderApplicationModelConvention("/Public", model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(PublicRateLimit.Policy)));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                ChineseBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.ModelMetadataDetailsProviders.Add(new ChineseValidationMetadata());
                o.ModelBinderProviders.Insert(0, new StrictBoolBinderProvider());
                o.Filters.Add(new MalformedInputFilter());
                o.Filters.AddService<Documents.ExportTurns>();
            });
        services.Configure<Documents.ExportOptions>(builder.Configuration.GetSection(Documents.ExportOptions.Section));
        services.AddSingleton<Documents.ExportTurns>();
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.Configure<ForwardedHeadersOptions>(o => ReverseProxy.Configure(o, builder.Configuration));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new SafeStringJsonConverter()));

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            c.ProblemDetails.Title = ProblemResults.TitleFor(status);
            c.ProblemDetails.Detail ??= ProblemResults.TitleFor(status);
            c.ProblemDetails.Type = null;
        });
        services.AddExceptionHandler<AppExceptionHandler>();
        services.Configure<ApiBehaviorOptions>(o => o.SuppressMapClientErrors = false);
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "党建工作平台 API";
                document.Info.Description = "使用登录后的浏览器会话，或在请求头中提供个人访问令牌：Authorization: Bearer dj_…（在“账户安全 → API 令牌”中创建）。";
                return Task.CompletedTask;
            });
        });

        services.AddSingleton<Navigation>();
        services.AddSingleton<PageLinks>();
        services.AddScoped<CurrentUser>();
        return builder;
    }

    /// <summary>The request pipeline, in order. Each step is explained where it is not obvious.</summary>
    public static WebApplication UseAppPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First of all: everything after it (HSTS, cookies, rate limits, audit, security log) sees the client and scheme
        // the trusted proxy reported (ReverseProxy).
        app.UseForwardedHeaders();
        var culture = new CultureInfo(app.Configuration["Culture"] ?? "zh-CN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
        });

        app.Use(RequestId);
        app.UseMiddleware<Data.SqlCommandCountMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A record that is not there (or not in scope), a refusal, a conflict or bad input is an answer, not a fault:
            // only what maps to a 500 is logged as an error (with its stack), once.
            SuppressDiagnosticsCallback = c => AppExceptionHandler.Map(c.Exception).Status < 500,
        });
        app.UseWhen(ApiRequest.Is, api => api.UseStatusCodePages());
        app.UseWhen(c => !ApiRequest.Is(c), ui => ui.UseStatusCodePagesWithReExecute("/Error/{0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SecurityGateMiddleware>();
        app.UseAntiforgery();
        app.UseMiddleware<UnsafeTextMiddleware>();
        app.UseApiDocs();
        return app;
    }

    /// <summary>
    /// Every response carries its request id (<c>X-Request-Id</c>), the one in the log lines and on the error page; a
    /// well-formed id from the proxy in front (nginx <c>$request_id</c>) is kept so both logs name the same request.
    /// </summary>
    private static Task RequestId(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers["X-Request-Id"].ToString() is { Length: > 0 and <= 64 } incoming && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            context.TraceIdentifier = incoming;
        }

        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        return next();
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";
        return next();
    }
}
