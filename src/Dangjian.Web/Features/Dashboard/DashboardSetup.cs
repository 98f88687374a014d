namespace Dangjian.Web.Features.Dashboard;

public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CampaignBoard>();
        builder.Services.AddScoped<Cockpit>();
        return builder;
    }
}
