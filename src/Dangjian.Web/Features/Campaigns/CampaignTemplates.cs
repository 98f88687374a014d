namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// The built-in campaign shapes of DOMAIN.md and the seeds. Offsets are days from the campaign's (or the
/// phase's) start, so one template serves any year. The office edits everything a template produced.
/// </summary>
public static class CampaignTemplates
{
    /// <summary>Who a template milestone is for: the office, the leading group's head, or nobody yet.</summary>
    public enum Owner
    {
        Office,
        Leader,
        None,
    }

    /// <summary>
    /// A typical milestone, due <paramref name="DayInPhase"/> days into its phase. <paramref name="FixedDay"/>: the template
    /// insists on that day even inside the first week (see <see cref="PlaceDeadline"/>).
    /// </summary>
    public sealed record MilestoneTemplate(string Title, int DayInPhase, int? RequiredCount = null, Owner Owner = Owner.Office, bool FixedDay = false, MilestoneRecord? Follows = null);

    /// <summary>A new campaign's milestones fall due no earlier than this many days after it starts (or after today, for a start date in the past).</summary>
    public const int FirstWeekDays = 7;

    /// <summary>The earliest deadline a new campaign's milestones get: <see cref="FirstWeekDays"/> after the later of its start date and today.</summary>
    public static DateOnly EarliestDeadline(DateOnly startsOn, DateOnly today) => (startsOn > today ? startsOn : today).AddDays(FirstWeekDays);

    /// <summary>
    /// Where a template milestone's deadline goes: its day in the phase (at the latest the phase's end), but never before
    /// <paramref name="earliest"/> unless the template fixes the day — so a new campaign has nothing overdue in its first
    /// week, and one entered with a start date in the past does not open with a flood of overdue milestones. A milestone
    /// moved this way stays in its phase when the phase lasts long enough, else goes to <paramref name="earliest"/>
    /// (at the latest the campaign's end): the office marks what was already done, or moves it.
    /// </summary>
    public static DateOnly PlaceDeadline(DateOnly phaseStart, DateOnly phaseEnd, DateOnly campaignEnd, int dayInPhase, bool fixedDay, DateOnly earliest)
    {
        var planned = phaseStart.AddDays(dayInPhase);
        if (planned > phaseEnd)
        {
            planned = phaseEnd;
        }

        if (fixedDay || planned >= earliest)
        {
            return planned;
        }

        var cap = phaseEnd >= earliest ? phaseEnd : campaignEnd;
        return earliest > cap ? cap : earliest;
    }

    public sealed record PhaseTemplate(string Name, int StartDay, int LengthDays, IReadOnlyList<MilestoneTemplate> Milestones);

    public sealed record Template(string Key, string Name, string Theme, int LengthDays, bool PhasesOverlap, IReadOnlyList<PhaseTemplate> Phases, string Description);

    public static IReadOnlyList<Template> All { get; } =
    [
        new(
            "mass-line",
            "群众路线教育实践活动",
            "为民务实清廉",
            150,
            false,
            [
                new("学习教育、听取意见", 0, 45,
                [
                    new("制定实施方案并报督导组审阅", 0),
                    new("召开动员大会", 0, Owner: Owner.Leader),
                    new("动员大会后开展民主评议", 1),
                    new("学习计划报督导组审阅", 1),
                    new("局党组召开2次中心组学习会", 30, 2, Owner.Leader),
                    new("局机关党支部举办1次党员学习交流会", 30, 1),
                    new("主要负责同志讲专题党课", 20, Owner: Owner.Leader),
                    new("发放征求意见函", 25, Follows: MilestoneRecord.LetterSent),
                    new("主要负责同志至少召开2次座谈会", 30, 2, Owner.Leader),
                    new("开展个别谈话", 35),
                    new("第一环节工作小结报督导组", 44, Follows: MilestoneRecord.PhaseSummaryApproved),
                ]),
                new("查摆问题、开展批评", 45, 45,
                [
                    new("开展谈心谈话", 10, Owner: Owner.Leader),
                    new("撰写对照检查材料", 25, Owner: Owner.Leader),
                    new("召开专题民主生活会", 35, Owner: Owner.Leader, Follows: MilestoneRecord.DemocraticLifeMeeting),
                    new("第二环节工作小结报督导组", 44, Follows: MilestoneRecord.PhaseSummaryApproved),
                ]),
                new("整改落实、建章立制", 90, 60,
                [
                    new("制定整改方案", 10, Follows: MilestoneRecord.RectificationPlanApproved),
                    new("建章立制", 40),
                    new("整改落实情况公示", 50),
                    new("活动总结报上级", 58, Follows: MilestoneRecord.CampaignSummaryApproved),
                ]),
            ],
            "三个环节：学习教育、听取意见 → 查摆问题、开展批评 → 整改落实、建章立制（见实施办法）。"),
        new(
            "practice-scientific-development",
            "深入学习实践科学发展观活动",
            "党员干部受教育、科学发展上水平、人民群众得实惠",
            170,
            false,
            [
                new("学习调研", 0, 60,
                [
                    new("制定实施方案并报督导组审阅", 3),
                    new("召开动员大会", 7, Owner: Owner.Leader),
                    new("中心组学习会至少2次", 40, 2, Owner.Leader),
                    new("发放征求意见函", 30, Follows: MilestoneRecord.LetterSent),
                    new("形成调研报告", 55),
                    new("学习调研阶段工作小结", 58, Follows: MilestoneRecord.PhaseSummaryApproved),
                ]),
                new("分析检查", 60, 50,
                [
                    new("召开专题民主生活会", 30, Owner: Owner.Leader, Follows: MilestoneRecord.DemocraticLifeMeeting),
                    new("形成分析检查报告", 40),
                    new("组织群众评议", 45),
                    new("分析检查阶段工作小结", 48, Follows: MilestoneRecord.PhaseSummaryApproved),
                ]),
                new("整改落实", 110, 60,
                [
                    new("制定整改方案", 15, Follows: MilestoneRecord.RectificationPlanApproved),
                    new("整改落实情况公示", 45),
                    new("活动总结", 58, Follows: MilestoneRecord.CampaignSummaryApproved),
                ]),
            ],
            "三个阶段：学习调研 → 分析检查 → 整改落实，上一阶段小结经督导组审核通过后转段。"),
        new(
            "standing-year",
            "两学一做常态化学习 / 创建文明单位",
            "学党章党规、学系列讲话，做合格党员",
            365,
            true,
            [.. Enumerable.Range(0, 12).Select(m => new PhaseTemplate($"{m + 1}月", m * 30, 30,
            [
                new("制定月度学习计划", 2),
                new("每周一集中学习（至少4次）", 28, 4),
                new("月度调度与考核", 28, Owner: Owner.Leader),
            ]))],
            "全年常态化：按月循环，月度计划、每周学习、月调度。不分阶段、不搞转段。"),
    ];

    public static Template? Find(string? key) => All.FirstOrDefault(t => t.Key == key);
}
