namespace Dangjian.Web.Features.Campaigns;

/// <summary>The rules of phases and milestones, free of the database so they are tested directly.</summary>
public static class CampaignRules
{
    public sealed record Window(Guid Id, DateOnly StartsOn, DateOnly EndsOn);

    /// <summary>A phase window must lie in the campaign period, end after it starts, and (unless phases overlap) not overlap its siblings.</summary>
    public static string? CheckPhaseWindow(DateOnly campaignStart, DateOnly campaignEnd, bool overlapAllowed, Window window, IEnumerable<Window> siblings)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(siblings);
        if (window.EndsOn < window.StartsOn)
        {
            return "结束日期不能早于开始日期。";
        }

        if (window.StartsOn < campaignStart || window.EndsOn > campaignEnd)
        {
            return $"环节时间须在活动期间（{campaignStart:yyyy-MM-dd} 至 {campaignEnd:yyyy-MM-dd}）之内。";
        }

        if (!overlapAllowed && siblings.FirstOrDefault(s => s.Id != window.Id && s.StartsOn <= window.EndsOn && window.StartsOn <= s.EndsOn) is { } clash)
        {
            return $"与其他环节（{clash.StartsOn:yyyy-MM-dd} 至 {clash.EndsOn:yyyy-MM-dd}）时间重叠。本活动未设为“不分阶段、不搞转段”。";
        }

        return null;
    }

    /// <summary>Whether a phase may open now: the campaign runs, and the previous phase's summary is approved (unless phases overlap).</summary>
    public static string? CheckOpen(CampaignStatus campaign, bool overlapAllowed, PhaseStatus phase, PhaseStatus? previous)
    {
        if (campaign != CampaignStatus.Running)
        {
            return "活动尚未启动或已结束，不能开启环节。";
        }

        if (phase != PhaseStatus.NotStarted)
        {
            return "该环节已经开启。";
        }

        return !overlapAllowed && previous is not null && previous != PhaseStatus.Completed
            ? "上一环节的工作小结经督导组审核通过后，才能开启本环节。"
            : null;
    }

    /// <summary>
    /// New or moved deadlines may not lie in the past nor outside the campaign period; a 补录 (<paramref name="backfill"/>:
    /// an office entering the campaign's earlier milestones) may lie in the past, still inside the campaign.
    /// </summary>
    public static string? CheckDeadline(DateOnly deadline, DateOnly today, DateOnly campaignStart, DateOnly campaignEnd, DateOnly? unchangedFrom, bool backfill = false)
    {
        if (unchangedFrom == deadline)
        {
            return null;
        }

        if (deadline < today && !backfill)
        {
            return "截止日期不能早于今天；补录以往的节点请勾选“补录”。";
        }

        return deadline < campaignStart || deadline > campaignEnd
            ? $"截止日期须在活动期间（{campaignStart:yyyy-MM-dd} 至 {campaignEnd:yyyy-MM-dd}）之内。"
            : null;
    }

    /// <summary>A milestone deadline a phase shift would move.</summary>
    public sealed record Move(Guid Id, string Title, DateOnly From, DateOnly To);

    /// <summary>The longest shift of a phase's deadlines at once, in days either way.</summary>
    public const int MaxShiftDays = 365;

    /// <summary>
    /// Shifting a phase's open deadlines by <paramref name="days"/>: a whole number of days other than zero, and no moved
    /// deadline outside the campaign period nor in the past.
    /// </summary>
    public static string? CheckShift(int days, DateOnly today, DateOnly campaignStart, DateOnly campaignEnd, IEnumerable<Move> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        if (days == 0 || Math.Abs(days) > MaxShiftDays)
        {
            return $"请填写要移动的天数：正数为推迟，负数为提前，不能为0，不超过{MaxShiftDays}天。";
        }

        var list = moves.ToList();
        if (list.FirstOrDefault(m => m.To < campaignStart || m.To > campaignEnd) is { } outside)
        {
            return $"节点“{outside.Title}”将移到{outside.To:yyyy-MM-dd}，超出活动期间（{campaignStart:yyyy-MM-dd} 至 {campaignEnd:yyyy-MM-dd}），未作移动。请减少天数，或先调整活动日期。";
        }

        return list.FirstOrDefault(m => m.To < today) is { } past
            ? $"节点“{past.Title}”将移到{past.To:yyyy-MM-dd}，早于今天，未作移动。"
            : null;
    }

    public static bool IsOverdue(MilestoneStatus status, DateOnly deadline, DateOnly today) => status == MilestoneStatus.Open && deadline < today;

    /// <summary>Done or counted share of a set of milestones, 0–100.</summary>
    public static int Progress(int done, int total) => total == 0 ? 0 : (int)Math.Round(100.0 * done / total);
}
