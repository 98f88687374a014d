using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// The limit on anonymous pages (opinion box, ballots): a fixed window of requests per client address, kept in memory
/// only. Over the limit the visitor gets 429 with a Chinese explanation and a
/// <c>Retry-After</c> header.
/// </summary>
public static class PublicRateLimit
{
    public const string Policy = "public";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var perMinute = configuration.GetValue("RateLimits:PublicPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // The visitor (and any client library) is told when to try again, rounded up to whole seconds.
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
