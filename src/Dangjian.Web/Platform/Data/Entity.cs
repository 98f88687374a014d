namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Base of every business record: a time-ordered Guid v7 key (index-friendly on both engines),
/// UTC creation and update stamps, and an optimistic-concurrency version that changes on every save,
/// so a stale edit is refused with "已被他人修改" instead of silently overwriting someone else's work.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
