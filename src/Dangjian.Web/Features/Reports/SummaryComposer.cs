using System.Text;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// Drafts a 环节小结 or 活动总结 in the customary structure of the seeds — 一、基本情况；二、主要做法；三、主要收获和体会；
/// 四、存在的问题和今后打算 — with every figure filled in from <see cref="SummaryFigures"/>. Sections the records cannot
/// write (收获和体会, 今后打算) get a short prompt for the office to replace.
/// </summary>
public static class SummaryComposer
{
    public const string Prompt = "（请办公室结合实际补充）";

    public static string Compose(string title, string campaignTitle, string? phaseName, IReadOnlyList<SummaryFigures.Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var f = figures.ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        string V(string key) => f.GetValueOrDefault(key, "0");
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        text.AppendLine("一、基本情况");
        text.AppendLine(phaseName is null
            ? $"按照上级统一部署，我单位扎实开展{campaignTitle}，坚持边学边改、边查边改，各环节工作有序推进。"
            : $"按照{campaignTitle}实施方案，“{phaseName}”环节各项工作有序推进。");
        string Parts(string prefix, string unit) => string.Join("、", figures.Where(x => x.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(x => $"{x.Label[..x.Label.IndexOf('（', StringComparison.Ordinal)].Replace("意见渠道：", "", StringComparison.Ordinal)}{x.Value}{unit}"));
        var kinds = Parts("study.kind.", "次");
        text.AppendLine($"组织集体学习{V("study.sessions")}次{(kinds.Length > 0 ? $"（{kinds}）" : "")}，学习出勤率{V("study.attendance")}，补学{V("study.makeup")}人次；发放征求意见函{V("letters.sent")}份，收回{V("letters.returned")}份；召开座谈会{V("forums.held")}次、{V("forums.attendees")}人次参加；开展谈心谈话{V("talks.count")}人(次)；编发简报{V("briefings.issued")}期，报送上级{V("briefings.sent")}期。");
        text.AppendLine();
        text.AppendLine("二、主要做法");
        text.AppendLine($"（一）抓好学习教育。撰写学习笔记{V("study.notes")}篇、心得体会{V("study.reflections")}篇，检查学习笔记{V("study.checked")}篇次，展评{V("study.exhibited")}篇；发放学习材料{V("study.copies")}份；组织理论测试{V("study.quizzes")}场，{V("study.quizTakers")}人参加。");
        text.AppendLine($"（二）广泛听取意见。共征求到意见建议{V("opinions.total")}条，其中肯定性意见{V("opinions.affirmative")}条、建议{V("opinions.suggestions")}条、批评{V("opinions.criticisms")}条{(Parts("opinions.channel.", "条") is { Length: > 0 } channels ? $"（{channels}）" : "")}，梳理出重点意见{V("opinions.key")}条。{(Parts("forums.host.", "次") is { Length: > 0 } hosts ? $"领导班子成员主持座谈会：{hosts}。" : "")}民主评议发出评议表{V("appraisal.issued")}份，收回{V("appraisal.returned")}份，综合评价较好以上达到{V("appraisal.good")}。“四个必谈”覆盖率{V("talks.coverage")}。");
        var categories = figures.Where(x => x.Key.StartsWith("problems.", StringComparison.Ordinal) && x.Key != "problems.total").Select(x => $"{x.Label.Replace("查摆问题：", "", StringComparison.Ordinal).Replace("（个）", "", StringComparison.Ordinal)}{x.Value}个").ToList();
        text.AppendLine($"（三）认真查摆问题。梳理归类查摆出问题{V("problems.total")}个{(categories.Count > 0 ? "，其中" + string.Join("、", categories) : "")}。");
        text.AppendLine($"（四）狠抓整改落实。制定整改事项{V("rectification.items")}项，已销号{V("rectification.closed")}项，销号率{V("rectification.closedRate")}，逾期{V("rectification.overdue")}项；新建制度{V("rules.made")}项、修订{V("rules.revised")}项、废止{V("rules.abolished")}项。流动红旗：{V("redflag.holder")}。");
        text.AppendLine();
        text.AppendLine("三、主要收获和体会");
        text.AppendLine(Prompt);
        text.AppendLine();
        text.AppendLine("四、存在的问题和今后打算");
        text.Append(f.GetValueOrDefault("rectification.overdue", "0") != "0" ? $"仍有{V("rectification.overdue")}项整改事项逾期未完成，要加大督办力度，确保按期销号。" : "");
        text.Append(Prompt);
        return text.ToString();
    }
}
