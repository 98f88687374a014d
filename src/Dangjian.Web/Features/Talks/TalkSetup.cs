namespace Dangjian.Web.Features.Talks;

public static class TalkSetup
{
    public static WebApplicationBuilder AddTalks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<TalkService>();
        builder.Services.AddScoped<TalkList>();
        return builder;
    }
}
