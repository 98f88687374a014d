namespace Dangjian.Web.Features.Campaigns;

/// <summary>Chinese words and status colours (UX.md) for the campaign enums.</summary>
public static class CampaignLabels
{
    public static string Of(CampaignStatus s) => s switch
    {
        CampaignStatus.Preparing => "筹备",
        CampaignStatus.Running => "进行中",
        CampaignStatus.Ended => "已结束",
        _ => s.ToString(),
    };

    public static string Colour(CampaignStatus s) => s switch
    {
        CampaignStatus.Running => "blue",
        _ => "grey",
    };

    public static string Of(PhaseStatus s) => s switch
    {
        PhaseStatus.NotStarted => "未开始",
        PhaseStatus.InProgress => "进行中",
        PhaseStatus.AwaitingReview => "待审核",
        PhaseStatus.Completed => "已完成",
        _ => s.ToString(),
    };

    public static string Colour(PhaseStatus s) => s switch
    {
        PhaseStatus.InProgress => "blue",
        PhaseStatus.AwaitingReview => "amber",
        PhaseStatus.Completed => "green",
        _ => "grey",
    };

    public static string Of(CampaignGroup g) => g switch
    {
        CampaignGroup.LeadingGroup => "领导小组",
        CampaignGroup.Office => "领导小组办公室",
        CampaignGroup.Supervision => "督导组",
        CampaignGroup.Observer => "群众观察员",
        _ => g.ToString(),
    };

    public static string Of(DocumentKind k) => k switch
    {
        DocumentKind.ImplementationPlan => "实施方案",
        DocumentKind.StudyPlan => "学习计划",
        DocumentKind.Speech => "动员讲话稿",
        DocumentKind.PhaseSummary => "环节小结",
        DocumentKind.SelfInspection => "对照检查材料",
        DocumentKind.RectificationPlan => "整改方案",
        DocumentKind.Briefing => "简报",
        DocumentKind.CampaignSummary => "活动总结",
        _ => "其他材料",
    };

    public static string Of(DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.Submitted => "待审核",
        DocumentStatus.Returned => "已退回",
        DocumentStatus.Approved => "已通过",
        _ => s.ToString(),
    };

    public static string Colour(DocumentStatus s) => s switch
    {
        DocumentStatus.Submitted => "amber",
        DocumentStatus.Returned => "red",
        DocumentStatus.Approved => "green",
        _ => "grey",
    };
}
