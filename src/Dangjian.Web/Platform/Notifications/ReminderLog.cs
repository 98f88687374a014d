using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Notifications;

/// <summary>
/// "This reminder was sent". Its key is unique, so however many instances run the job and however often it
/// restarts, a given reminder is written once: the second insert fails and that instance moves on.
/// </summary>
public sealed class ReminderLog
{
    public required string Key { get; set; }

    public DateTime SentAt { get; set; }
}

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> b)
    {
        b.HasKey(r => r.Key);
        b.Property(r => r.Key).HasMaxLength(200);
    }
}
