using System.Globalization;
using System.Text;
using Dangjian.Web.Features.Problems;

namespace Dangjian.Web.Features.Rectification;

/// <summary>
/// The 整改方案 text written from a plan's items: each item with its "四明确一承诺" and tasks, then the 专项整治 and
/// 建章立制 it contains. The office edits the draft before it goes to the supervision group.
/// </summary>
public static class RectificationPlanText
{
    public sealed record Line(Guid Id, Guid? ParentId, string Title, string? Problem, string? Goal, string? Measures, DateOnly StartsOn, DateOnly DueOn, ProblemHorizon Horizon,
        string Leader, string? LeaderTitle, string Department, string? Commitment, string? Special, string? RuleReference);

    /// <summary>A plan's items and tasks in their order, as the text needs them.</summary>
    public static IQueryable<Line> Lines(IQueryable<RectificationItem> items) =>
        items.OrderBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new Line(i.Id, i.ParentId, i.Title, i.Problem != null ? i.Problem.Title : null, i.Goal, i.Measures, i.StartsOn, i.DueOn, i.Horizon,
                i.LeaderPerson!.Name, i.LeaderPerson.Title, i.Department!.Name, i.Commitment, i.Special, i.RuleReference))
            .Take(5000);

    public static string Compose(string title, IReadOnlyList<Line> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byParent = lines.ToLookup(l => l.ParentId);
        var top = byParent[null].ToList();
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        var section = 0;
        text.AppendLine(CultureInfo.InvariantCulture, $"{Numeral(++section)}、整改事项（共{top.Count}项{(lines.Count > top.Count ? $"，分解任务{lines.Count - top.Count}项" : "")}）").AppendLine();
        var n = 0;
        foreach (var item in top)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"（{Numeral(++n)}）{item.Title}");
            if (item.Problem is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"对应问题：{item.Problem}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"整改目标：{item.Goal}");
            text.AppendLine(CultureInfo.InvariantCulture, $"整改措施：{item.Measures}");
            text.AppendLine(CultureInfo.InvariantCulture, $"完成时限：{Deadline(item)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"责任领导：{item.Leader}{(item.LeaderTitle is null ? "" : "（" + item.LeaderTitle + "）")}；责任部门：{item.Department}");
            if (item.Commitment is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"公开承诺：{item.Commitment}");
            }

            WriteTasks(item.Id, "");
            text.AppendLine();
        }

        void WriteTasks(Guid parent, string prefix)
        {
            var k = 0;
            foreach (var task in byParent[parent])
            {
                var number = prefix + (++k).ToString(CultureInfo.InvariantCulture);
                if (prefix.Length == 0 && k == 1)
                {
                    text.AppendLine("分解任务：");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"{number}. {task.Title}（{task.Department}，{Deadline(task)}）");
                WriteTasks(task.Id, number + ".");
            }
        }

        var specials = top.Where(i => i.Special is not null).GroupBy(i => i.Special!).ToList();
        if (specials.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Numeral(++section)}、专项整治");
            foreach (var group in specials)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}：{string.Join("；", group.Select(i => i.Title))}。");
            }

            text.AppendLine();
        }

        var rules = lines.Where(i => i.RuleReference is not null).Select(i => i.RuleReference!).Distinct(StringComparer.Ordinal).ToList();
        if (rules.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Numeral(++section)}、建章立制");
            text.AppendLine(CultureInfo.InvariantCulture, $"建立或修订制度{rules.Count}项：{string.Join("；", rules)}。").AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{Numeral(++section)}、推进和验收");
        text.Append("各项整改实行台账管理、挂图作战，责任部门每周报告进展并上传佐证材料；完成后由活动办公室或督导组验收销号，责任领导和责任部门不自行销号；列入公示的事项在整改公示页面向社会公开，接受群众监督。");
        return text.ToString();
    }

    /// <summary>一 … 九十九 for section and item numbers.</summary>
    public static string Numeral(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        const string digits = "零一二三四五六七八九";
        var (tens, ones) = (n / 10, n % 10);
        var head = tens switch { 0 => "", 1 => "十", _ => digits[tens] + "十" };
        return ones == 0 ? head : head + digits[ones];
    }

    private static string Deadline(Line line) => line.Horizon switch
    {
        ProblemHorizon.LongTerm => $"长期坚持（{Platform.Web.ChinaTime.LongDate(line.DueOn)}首次检查）",
        ProblemHorizon.Immediate => $"立即整改，{Platform.Web.ChinaTime.LongDate(line.DueOn)}前完成",
        _ => $"{Platform.Web.ChinaTime.LongDate(line.DueOn)}前完成",
    };
}
