using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

public static class IdentitySetup
{
    /// <summary>Authorization policy of the JSON API: a signed-in cookie or a personal access token.</summary>
    public const string ApiPolicy = "api";

    public static WebApplicationBuilder AddAppIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        services.TryAddSingletonTimeProvider();
        services.AddHttpContextAccessor();
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<SensitiveData>();
        services.AddSingleton<KeyRingRotation>();
        services.AddSingleton<SecurityPolicy>();

        var keys = builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys");
        var protection = services.AddDataProtection().SetApplicationName("Dangjian");
        if (string.Equals(builder.Configuration["DataProtection:Store"], "Database", StringComparison.OrdinalIgnoreCase))
        {
            // Several instances on one database share one key ring (docs/deployment.md), encrypted under a master key that
            // each instance has in a file and the database never holds (docs/security.md §1).
            var master = KeyRingMasterKey.Load(builder.Configuration["DataProtection:MasterKeyFile"] ?? Path.Combine(keys, "master.key"), mayCreate: !builder.Environment.IsProduction());
            services.AddSingleton(master);
            services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
                new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                {
                    o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>());
                    o.XmlEncryptor = new MasterKeyXmlEncryptor(master);
                }));
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        if (builder.Environment.IsEnvironment("Testing"))
        {
            // The test suites hash thousands of passwords; only there is the key derivation cheap. Every other environment
            // keeps Identity's default (PBKDF2, 100,000 iterations); a hash states its own count, so either verifies.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        }

        services.AddIdentity<AppUser, AppRole>(options =>
            {
                // Length and character classes are checked (and explained) once, by PasswordComplexityValidator.
                options.Password.RequiredLength = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.LockoutThreshold;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordComplexityValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "dangjian.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context =>
            {
                if (ApiRequest.Is(context.HttpContext))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                var target = context.RedirectUri;
                if (context.HttpContext.Items.ContainsKey(AuditedTicketFormat.ExpiredItem))
                {
                    target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "reason=expired";
                }

                context.Response.Redirect(target);
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (ApiRequest.Is(context.HttpContext))
                {
                    return ProblemResults.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "您没有执行此操作的权限。");
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, AuditTicketFormatSetup>();
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.ExpireTimeSpan = TimeSpan.FromMinutes(5));

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddScoped<ApiTokenService>();
        services.AddScoped<AccountProvisioning>();
        services.AddScoped<Authorization.RolePermissions>();
        services.AddScoped<Authorization.ScopeGuard>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, Authorization.PermissionPolicyProvider>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Wraps the application cookie's ticket format once the framework has created it.</summary>
    private sealed class AuditTicketFormatSetup(IHttpContextAccessor http, SecurityLog log, TimeProvider clock)
        : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not AuditedTicketFormat)
            {
                options.TicketDataFormat = new AuditedTicketFormat(options.TicketDataFormat, http, log, clock);
            }
        }
    }
}
