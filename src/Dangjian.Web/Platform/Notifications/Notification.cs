namespace Dangjian.Web.Platform.Notifications;

/// <summary>An in-app notification for one account; unread until <see cref="ReadAt"/> is set.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string? Url { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
