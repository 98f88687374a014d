using Dangjian.Web.Platform.Files;

namespace Dangjian.Web.Features.Rectification;

public static class RectificationSetup
{
    public static WebApplicationBuilder AddRectification(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RectificationService>();
        builder.Services.AddScoped<RectificationProgress>();
        builder.Services.AddScoped<IFileAccessRule, EvidenceFileRule>();
        return builder;
    }
}
