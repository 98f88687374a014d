using System.Text;

namespace Dangjian.Web.Features.Study.Plans;

/// <summary>Writes a study plan's 四落实 as the document text the supervision group reviews.</summary>
public static class StudyPlanText
{
    public static string Compose(StudyPlan plan, IEnumerable<StudyMaterial> readings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(readings);
        var text = new StringBuilder();
        text.AppendLine(plan.Title).AppendLine();
        text.AppendLine("一、学习对象").AppendLine(plan.Audience.Trim()).AppendLine();
        text.AppendLine("二、学习时间").AppendLine($"{plan.StartsOn.Year}年{plan.StartsOn.Month}月{plan.StartsOn.Day}日至{plan.EndsOn.Year}年{plan.EndsOn.Month}月{plan.EndsOn.Day}日").AppendLine();
        text.AppendLine("三、学习内容");
        var n = 0;
        foreach (var topic in plan.Topics.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            text.AppendLine($"{++n}. {topic}");
        }

        var list = readings.ToList();
        if (list.Count > 0)
        {
            text.AppendLine("规定读本和学习材料：");
            foreach (var m in list)
            {
                text.AppendLine(m.Publisher is null ? $"《{m.Title}》" : $"《{m.Title}》（{m.Publisher}）");
            }
        }

        text.AppendLine();
        text.AppendLine("四、预期成效").AppendLine(plan.Outcome.Trim());
        if (plan.Responsible is not null)
        {
            text.AppendLine().AppendLine($"责任人：{plan.Responsible}");
        }

        return text.ToString().TrimEnd();
    }
}
