using Dangjian.Web.Features.Problems;

namespace Dangjian.Web.Features.Rectification;

/// <summary>The arithmetic and the rules of rectification, free of storage so they can be checked exhaustively.</summary>
public static class RectificationRules
{
    /// <summary>
    /// A parent's progress from its children: the weighted mean of their progress (weights below 1 count as 1), rounded
    /// down so a parent shows 100% only when every child is at 100%. No children: 0.
    /// </summary>
    public static int RollUp(IReadOnlyCollection<(int Progress, int Weight)> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return 0;
        }

        long total = 0, weights = 0;
        foreach (var (progress, weight) in children)
        {
            var w = Math.Max(1, weight);
            total += (long)Math.Clamp(progress, 0, 100) * w;
            weights += w;
        }

        return (int)(total / weights);
    }

    /// <summary>
    /// 逾期: past its deadline while still being worked on — not when closed, finished and waiting for verification, or
    /// 长期坚持.
    /// </summary>
    public static bool IsOverdue(ItemStatus status, ProblemHorizon horizon, DateOnly dueOn, DateOnly today) =>
        status is (ItemStatus.NotStarted or ItemStatus.InProgress) && horizon != ProblemHorizon.LongTerm && dueOn < today;

    /// <summary>The status an item's progress implies (closure is set apart, by verification).</summary>
    public static ItemStatus StatusFor(int progress, bool reported, ProblemHorizon horizon) =>
        !reported && progress == 0 ? ItemStatus.NotStarted
        : progress >= 100 ? ItemStatus.AwaitingVerification
        : horizon == ProblemHorizon.LongTerm ? ItemStatus.LongTerm
        : ItemStatus.InProgress;

    /// <summary>Checks a progress report against the previous one; null when it may be saved.</summary>
    public static string? CheckReport(int? previous, int percent, string? narrative, string? reason)
    {
        if (percent is < 0 or > 100)
        {
            return "进度须在0%到100%之间。";
        }

        if (string.IsNullOrWhiteSpace(narrative) || narrative.Trim().Length > 4000)
        {
            return "请填写进展情况（不超过4000字）。";
        }

        if (previous is { } p && percent < p && string.IsNullOrWhiteSpace(reason))
        {
            return $"进度比上次（{p}%）低，请说明原因。";
        }

        return null;
    }

    /// <summary>A deadline after the campaign's end is only for 长期坚持 items; the start cannot follow the deadline.</summary>
    public static string? CheckDates(DateOnly startsOn, DateOnly dueOn, ProblemHorizon horizon, DateOnly campaignStart, DateOnly campaignEnd)
    {
        if (dueOn < startsOn)
        {
            return "完成时限不能早于开始时间。";
        }

        if (startsOn < campaignStart)
        {
            return $"开始时间不能早于活动开始（{campaignStart:yyyy-MM-dd}）。";
        }

        return dueOn > campaignEnd && horizon != ProblemHorizon.LongTerm
            ? $"完成时限晚于活动结束（{campaignEnd:yyyy-MM-dd}），只有“长期坚持”的事项可以这样安排。"
            : null;
    }

    /// <summary>
    /// Whether the verifier may close (销号) the item: it must be complete (a leaf at 100% with evidence, or a parent
    /// whose tasks are all closed), not already closed, and the verifier must be neither its responsible leader nor in
    /// its responsible department.
    /// </summary>
    public static string? CheckClose(RectificationItem item, bool hasChildren, bool childrenClosed, bool hasEvidence, Guid? verifierPersonId, Guid? verifierUnitId, string? note)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == ItemStatus.Closed)
        {
            return "该事项已经销号。";
        }

        if (verifierPersonId is null || verifierPersonId == item.LeaderPersonId || verifierUnitId == item.DepartmentId)
        {
            return "销号须由责任领导和责任部门以外的人员验收，不能自己给自己销号。";
        }

        if (hasChildren ? !childrenClosed : item.Progress < 100)
        {
            return hasChildren ? "还有分解任务没有销号。" : "事项尚未完成（进度不足100%），不能销号。";
        }

        if (!hasChildren && !hasEvidence)
        {
            return "没有佐证材料，不能销号。请责任部门在进展中上传佐证材料。";
        }

        return string.IsNullOrWhiteSpace(note) || note.Trim().Length > 2000 ? "请填写验收意见（不超过2000字）。" : null;
    }
}
