namespace Dangjian.Web.Platform.Notifications;

/// <summary>Email or SMS delivery of a notification. Deployments plug in their gateway; the default only logs.</summary>
public interface IMessageSender
{
    Task SendAsync(Guid userId, string title, string? body, CancellationToken ct);
}

/// <summary>The default sender: writes that a message would go out (without its content, which may be personal).</summary>
public sealed class LoggingMessageSender(ILogger<LoggingMessageSender> logger) : IMessageSender
{
    public Task SendAsync(Guid userId, string title, string? body, CancellationToken ct)
    {
        logger.LogInformation("Message for user {UserId} queued to the logging sender", userId);
        return Task.CompletedTask;
    }
}
