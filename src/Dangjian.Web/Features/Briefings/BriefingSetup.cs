namespace Dangjian.Web.Features.Briefings;

public static class BriefingSetup
{
    public static WebApplicationBuilder AddBriefings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<BriefingAccess>();
        return builder;
    }
}
