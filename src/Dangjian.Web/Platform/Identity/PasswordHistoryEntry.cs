namespace Dangjian.Web.Platform.Identity;

/// <summary>A past password hash, kept so the last N passwords cannot be reused.</summary>
public sealed class PasswordHistoryEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
