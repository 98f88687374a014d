namespace Dangjian.Web.Features.Study;

/// <summary>Bound from <c>Study</c>: when a session's QR sign-in is accepted.</summary>
public sealed class StudyOptions
{
    public const string Section = "Study";

    /// <summary>How many minutes before a session's start its QR sign-in opens.</summary>
    public int SignInOpensMinutesBefore { get; set; } = 60;

    /// <summary>How many minutes after a session's end its QR sign-in stays open (0 = it closes at the end).</summary>
    public int SignInClosesMinutesAfter { get; set; }
}
