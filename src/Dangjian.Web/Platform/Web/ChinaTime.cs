namespace Dangjian.Web.Platform.Web;

/// <summary>UTC in storage, China Standard Time on screen, in the formats of UX.md.</summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The UTC instant a China day begins, for comparing stored instants with dates.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone);

    /// <summary>Tables: <c>2026-03-15</c>.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Tables: <c>2026-03-15 14:30</c>, from a UTC instant.</summary>
    public static string DateTimeText(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    /// <summary>Documents and headings: <c>2026年3月15日</c>.</summary>
    public static string LongDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>"还剩3天", "今天到期", "逾期2天".</summary>
    public static string Relative(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "今天到期",
            > 0 => $"还剩{days}天",
            _ => $"逾期{-days}天",
        };
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}
