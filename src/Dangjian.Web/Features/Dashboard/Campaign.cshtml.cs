using System.Globalization;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>活动看板: one campaign's phases, milestones, attendance trend, opinions, problems, rectification and overdue lists, with the summary's own figures.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class CampaignModel(CampaignPicker picker, CampaignBoard board, CampaignAccess access) : CampaignPageModel
{
    public CampaignBoard.Board? Board { get; private set; }

    public List<ChartCard> ChartCards { get; } = [];

    /// <summary>Whether the caller runs this campaign (its phases and milestones then link to their edit pages).</summary>
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("活动看板"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        Board = await board.ForCampaignAsync(campaign, ct);
        CanEdit = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var q = $"campaignId={campaign.Id}";
        var trend = Board.Trend;
        ChartCards.Add(new ChartCard("学习出勤率（按场次）",
            Charts.Line(trend.Select(t => ChinaTime.ToLocal(t.StartsAt).ToString("M-d", CultureInfo.InvariantCulture)).ToList(), [new("出勤率", trend.Select(t => t.Rate).ToList(), Charts.Red)], "%", 100),
            trend.Select(t => new ChartCard.Row($"{ChinaTime.DateTimeText(t.StartsAt)[..10]} {t.Title}", $"{t.Present}/{t.Expected}（{t.Rate:0.#}%）")).ToList(), "chart-attendance", $"/Study/Attendance?{q}"));
        var l = Board.Report.Listening;
        ChartCards.Add(new ChartCard("意见建议（按渠道）",
            Charts.Bar(l.ByChannel.Keys.ToList(), [new("意见建议", l.ByChannel.Values.Select(v => (double)v).ToList(), Charts.Blue)], horizontal: true),
            l.ByChannel.Select(x => new ChartCard.Row(x.Key, $"{x.Value}条")).ToList(), "chart-channels", $"/Opinions?{q}"));
        ChartCards.Add(new ChartCard("意见建议（按性质）",
            Charts.Pie(l.ByNature.Select(x => new Charts.Slice(x.Key, x.Value, x.Key switch { "肯定" => Charts.Green, "批评" => Charts.Red, "建议" => Charts.Blue, _ => Charts.Grey }))),
            l.ByNature.Select(x => new ChartCard.Row(x.Key, $"{x.Value}条")).ToList(), "chart-natures", $"/Opinions?{q}"));
        var r = Board.Report.Rectification;
        ChartCards.Add(new ChartCard("查摆问题（按类别）",
            Charts.Bar(r.ProblemsByCategory.Keys.ToList(), [new("问题", r.ProblemsByCategory.Values.Select(v => (double)v).ToList(), Charts.Purple)], horizontal: true),
            r.ProblemsByCategory.Select(x => new ChartCard.Row(x.Key, $"{x.Value}个")).ToList(), "chart-problems", $"/Problems?{q}"));
        ChartCards.Add(new ChartCard("整改事项（按状态）",
            Charts.Pie(r.ItemsByStatus.Select(x => new Charts.Slice(x.Key, x.Value, StatusColour(x.Key)))),
            r.ItemsByStatus.Select(x => new ChartCard.Row(x.Key, $"{x.Value}项")).Append(new ChartCard.Row("其中逾期", $"{r.Overdue}项")).ToList(), "chart-rectification", $"/Rectification?{q}"));
    }

    /// <summary>The status colours of UX.md for the rectification states, by their labels.</summary>
    private static string StatusColour(string label) =>
        label == RectificationLabels.Of(ItemStatus.Closed) ? Charts.Green
        : label == RectificationLabels.Of(ItemStatus.AwaitingVerification) ? Charts.Amber
        : label == RectificationLabels.Of(ItemStatus.LongTerm) ? Charts.Purple
        : label == RectificationLabels.Of(ItemStatus.InProgress) ? Charts.Blue
        : Charts.Grey;
}
