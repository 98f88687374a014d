namespace Dangjian.Web.Platform.Notifications;

public static class NotificationSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<IMessageSender, LoggingMessageSender>();
        return builder;
    }
}
