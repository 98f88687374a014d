using System.Globalization;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Platform.Data;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>
/// What the cockpit partial draws: the figures, their charts (dark on the large screen), the page's wording, and one page
/// of each table (a province runs over 150 campaigns at once: both tables whole made a 300 KB page).
/// </summary>
public sealed record CockpitPage(Cockpit.View View, string Title, bool Dark, IReadOnlyList<ChartCard> ChartCards, Paged<Cockpit.CampaignRow> CampaignRows, Paged<Cockpit.PlanRow> PlanRows)
{
    public const int RowsPerPage = 20;

    public static CockpitPage Build(Cockpit.View view, string title, bool dark, int campaignPage = 1, int planPage = 1)
    {
        ArgumentNullException.ThrowIfNull(view);
        var charts = new List<ChartCard>();
        var campaigns = view.Campaigns.Take(30).ToList();
        var names = campaigns.Select(c => c.Unit).ToList();
        charts.Add(new ChartCard("活动进度对比（时间、节点、销号）",
            Charts.Bar(names, [
                new("时间进度", campaigns.Select(c => (double)LedgerRules.Elapsed(c.StartsOn, c.EndsOn, view.Today)).ToList(), Charts.Grey),
                new("节点完成", campaigns.Select(c => (double)c.MilestoneShare).ToList(), Charts.Blue),
                new("整改销号率", campaigns.Select(c => c.ClosedRate).ToList(), Charts.Green)], horizontal: true, dark: dark, unit: "%"),
            campaigns.Select(c => new ChartCard.Row($"{c.Unit}：{c.Title}", $"时间{LedgerRules.Elapsed(c.StartsOn, c.EndsOn, view.Today)}% · 节点{c.MilestonesDone}/{c.Milestones} · 销号{c.ClosedRate.ToString("0.#", CultureInfo.InvariantCulture)}%")).ToList(),
            "chart-progress", Height: $"{Math.Max(12, 3 + (2.6 * campaigns.Count)).ToString("0.#", CultureInfo.InvariantCulture)}rem"));
        var ledgers = view.Ledgers.Take(20).ToList();
        charts.Add(new ChartCard("督办事项 时间与任务（按责任科室）",
            Charts.Bar(ledgers.Select(d => d.Department).ToList(), [
                new("正常", ledgers.Select(d => (double)d.Green).ToList(), Charts.Green, true),
                new("滞后", ledgers.Select(d => (double)d.Amber).ToList(), Charts.Amber, true),
                new("严重滞后", ledgers.Select(d => (double)d.Red).ToList(), Charts.Red, true),
                new("已办结", ledgers.Select(d => (double)d.Done).ToList(), Charts.Grey, true)], horizontal: true, dark: dark),
            ledgers.Select(d => new ChartCard.Row(d.Department, $"正常{d.Green} · 滞后{d.Amber} · 严重滞后{d.Red} · 已办结{d.Done}")).ToList(),
            "chart-ledgers", "/Ledgers/Index", Height: $"{Math.Max(12, 4 + (2.2 * ledgers.Count)).ToString("0.#", CultureInfo.InvariantCulture)}rem"));
        if (view.RedFlag is { } flag)
        {
            var ranked = flag.Rows.Take(20).ToList();
            charts.Add(new ChartCard($"流动红旗排名（{flag.Scheme} {flag.Period}）",
                Charts.Bar(ranked.Select(r => $"{r.Rank}. {r.Unit}").ToList(), [new("得分", ranked.Select(r => (double)r.Total).ToList(), Charts.Red)], horizontal: true, dark: dark),
                ranked.Select(r => new ChartCard.Row($"第{r.Rank}名 {r.Unit}", r.Total.ToString("0.#", CultureInfo.InvariantCulture) + "分")).ToList(),
                "chart-redflag", "/Ledgers/AssessmentPeriod?id=" + flag.PeriodId, Height: $"{Math.Max(12, 3 + (2.2 * ranked.Count)).ToString("0.#", CultureInfo.InvariantCulture)}rem"));
        }

        return new CockpitPage(view, title, dark, charts, view.Campaigns.ToPage(campaignPage, RowsPerPage), view.Plans.ToPage(planPage, RowsPerPage));
    }
}
