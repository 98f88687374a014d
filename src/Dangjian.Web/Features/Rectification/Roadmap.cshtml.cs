using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>整改路线图 (挂图作战): every item and task on one timeline, grouped by department or by leader, with today's line and overdue in red; printable.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class RoadmapModel(AppDbContext db, CampaignPicker picker, TimeProvider clock) : CampaignPageModel
{
    public const int MaxRows = 500;

    public sealed record Bar(Guid Id, bool IsTask, string Title, string Group, DateOnly StartsOn, DateOnly DueOn, ProblemHorizon Horizon, int Progress, ItemStatus Status, bool Overdue);

    /// <summary>"department" (default) or "leader".</summary>
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public string? CampaignTitle { get; private set; }

    public List<IGrouping<string, Bar>> Groups { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateOnly Today => ChinaTime.Today(clock);

    public bool Truncated { get; private set; }

    public double Percent(DateOnly day) => Math.Clamp(100.0 * (day.DayNumber - From.DayNumber) / Math.Max(1, To.DayNumber - From.DayNumber + 1), 0, 100);

    public IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1).AddMonths(1); m <= To; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("整改路线图"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } chosen)
        {
            return;
        }

        var id = chosen.Id;

        var campaign = chosen;
        CampaignTitle = campaign.Title;
        var byLeader = By == "leader";
        var today = Today;
        var rows = await db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == id)
            .OrderBy(i => i.ParentId == null ? 0 : 1).ThenBy(i => i.SortOrder).ThenBy(i => i.StartsOn).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.ParentId, i.Title, Group = byLeader ? i.LeaderPerson!.Name : i.Department!.Name, i.StartsOn, i.DueOn, i.Horizon, i.Progress, i.Status })
            .Take(MaxRows + 1).ToListAsync(ct);
        Truncated = rows.Count > MaxRows;
        var bars = rows.Take(MaxRows).Select(r => new Bar(r.Id, r.ParentId is not null, r.Title, r.Group, r.StartsOn, r.DueOn, r.Horizon, r.Progress, r.Status,
            RectificationRules.IsOverdue(r.Status, r.Horizon, r.DueOn, today))).ToList();
        From = bars.Count == 0 ? campaign.StartsOn : new[] { campaign.StartsOn, bars.Min(b => b.StartsOn) }.Min();
        // 长期坚持 items run on past the campaign; they are drawn to the edge rather than stretching the whole chart.
        var dated = bars.Where(b => b.Horizon != ProblemHorizon.LongTerm).Select(b => b.DueOn).DefaultIfEmpty(campaign.EndsOn).Max();
        To = new[] { campaign.EndsOn, dated, today }.Max();
        Groups = bars.GroupBy(b => b.Group).OrderBy(g => g.Min(b => b.StartsOn)).ToList();
    }
}
