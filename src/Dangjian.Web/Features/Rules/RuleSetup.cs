using Dangjian.Web.Platform.Files;

namespace Dangjian.Web.Features.Rules;

public static class RuleSetup
{
    public static WebApplicationBuilder AddRules(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<RuleAccess>();
        builder.Services.AddScoped<IFileAccessRule, RuleFileRule>();
        return builder;
    }
}
