using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>
/// 调研与载体 of a campaign: the figures a summary quotes (调研组, 课题, 县区, units visited, reports, 成果交流), the
/// research topics, and the 载体 activities by kind — each opening to its visits.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, ResearchFigures figures) : CampaignPageModel
{
    public sealed record TopicRow(Guid Id, string Title, string? GroupName, string? Leader, string? ReportTitle, DateOnly? SharedOn, int Visits, int Units);

    public sealed record ActivityRow(Guid Id, OutreachKind Kind, string Title, string? Person, string? Counterpart, DateOnly StartsOn, DateOnly? EndsOn, int Visits, int People);

    /// <summary>"outreach" for the 载体 activities; the research topics otherwise.</summary>
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutreachKind? Kind { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Outreach => View == "outreach";

    public bool Manage { get; private set; }

    public ResearchFigures.Figures Figures { get; private set; } = ResearchFigures.Figures.Empty;

    public Paged<TopicRow> Topics { get; private set; } = new([], 0, 1, 20);

    public Paged<ActivityRow> Activities { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("调研与载体"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        Manage = await figures.ManagesAsync(campaign, ct);
        Figures = await figures.ForCampaignAsync(campaign.Id, ct: ct);
        var visits = db.Visits.AsNoTracking();
        if (Outreach)
        {
            Activities = await db.OutreachActivities.AsNoTracking().Where(a => a.CampaignId == campaign.Id).WhereIf(Kind is not null, a => a.Kind == Kind)
                .OrderBy(a => a.Kind).ThenBy(a => a.StartsOn).ThenBy(a => a.CreatedAt)
                .Select(a => new ActivityRow(a.Id, a.Kind, a.Title, a.Person!.Name, a.Counterpart, a.StartsOn, a.EndsOn,
                    visits.Count(v => v.ActivityId == a.Id), visits.Where(v => v.ActivityId == a.Id).Sum(v => v.People)))
                .ToPageAsync(PageNumber, 20, ct);
        }
        else
        {
            Topics = await db.ResearchTopics.AsNoTracking().Where(t => t.CampaignId == campaign.Id).OrderBy(t => t.GroupName).ThenBy(t => t.CreatedAt)
                .Select(t => new TopicRow(t.Id, t.Title, t.GroupName, t.Leader!.Name, t.ReportTitle, t.SharedOn,
                    visits.Count(v => v.TopicId == t.Id), visits.Where(v => v.TopicId == t.Id).Sum(v => v.Units)))
                .ToPageAsync(PageNumber, 20, ct);
        }
    }
}
