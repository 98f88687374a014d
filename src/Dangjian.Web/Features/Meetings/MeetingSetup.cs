namespace Dangjian.Web.Features.Meetings;

public static class MeetingSetup
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<MeetingService>();
        return builder;
    }
}
