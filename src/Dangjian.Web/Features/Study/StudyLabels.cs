namespace Dangjian.Web.Features.Study;

public static class StudyLabels
{
    public static string Of(SessionKind k) => k switch
    {
        SessionKind.CentralGroup => "中心组学习会",
        SessionKind.PartyLecture => "专题党课",
        SessionKind.ExpertLecture => "专家讲座",
        SessionKind.WarningEducation => "警示教育",
        SessionKind.Film => "观看专题片",
        SessionKind.Visit => "参观教育基地",
        SessionKind.Discussion => "学习交流讨论会",
        SessionKind.Test => "理论测试",
        SessionKind.Collective => "集中学习",
        _ => k.ToString(),
    };

    public static string Of(AttendanceStatus s) => s switch
    {
        AttendanceStatus.Present => "已签到",
        AttendanceStatus.Leave => "请假",
        _ => "未签到",
    };
}
