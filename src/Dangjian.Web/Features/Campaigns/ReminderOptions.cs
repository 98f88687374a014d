namespace Dangjian.Web.Features.Campaigns;

/// <summary>Bound from <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    public int IntervalMinutes { get; set; } = 5;

    /// <summary>How many days before a deadline the owner is reminded.</summary>
    public int DaysBefore { get; set; } = 3;
}
