namespace Dangjian.Web.Features.Campaigns;

public static class CampaignSetup
{
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CampaignService>();
        builder.Services.AddScoped<MilestoneFollower>();
        builder.Services.AddScoped<CampaignAccess>();
        builder.Services.AddScoped<CampaignPicker>();
        builder.Services.AddScoped<DocumentAccess>();
        builder.Services.AddScoped<ReminderRunner>();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(ReminderOptions.Section));
        builder.Services.AddHostedService<ReminderJob>();
        return builder;
    }
}
