namespace Dangjian.Web.Features.Study;

/// <summary>
/// 学时: how much a session counts towards a member's study hours — in half hours, never more than the session lasted,
/// and by default its duration (rounded down to the half hour, at least half an hour).
/// </summary>
public static class StudyHours
{
    /// <summary>The most one session can count (a whole day's training).</summary>
    public const double Max = 24;

    public static double FromDuration(DateTime startsAt, DateTime endsAt) =>
        Math.Clamp(Math.Floor((endsAt - startsAt).TotalHours * 2) / 2, 0.5, Max);

    /// <summary>Null when <paramref name="hours"/> may stand for a session from <paramref name="startsAt"/> to <paramref name="endsAt"/>; otherwise why not.</summary>
    public static string? Check(double hours, DateTime startsAt, DateTime endsAt)
    {
        if (double.IsNaN(hours) || hours <= 0 || hours > Max || Math.Abs(hours * 2 - Math.Round(hours * 2)) > 1e-9)
        {
            return $"学时须为0.5到{Max:0}之间、以0.5为单位的数。";
        }

        return endsAt > startsAt && hours > (endsAt - startsAt).TotalHours + 1e-9
            ? $"学时不能超过学习会的时长（{(endsAt - startsAt).TotalHours:0.##}小时）。"
            : null;
    }
}
