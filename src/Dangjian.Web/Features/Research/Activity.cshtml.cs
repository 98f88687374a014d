using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>载体活动: kind, whom it links with, who is responsible, its dates, and its dated outings (登记走访).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class ActivityModel(AppDbContext db, CampaignAccess access, ResearchFigures figures, TimeProvider clock) : VisitsPageModel(db, access, figures, clock)
{
    public OutreachActivity Activity { get; private set; } = null!;

    public string? Person { get; private set; }

    protected override string IndexView => "outreach";

    protected override async Task<Guid> LoadRecordAsync(Guid id, CancellationToken ct)
    {
        var found = await Db.OutreachActivities.AsNoTracking().Where(a => a.Id == id).Select(a => new { Activity = a, Person = a.Person!.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        (Activity, Person) = (found.Activity, found.Person);
        ViewData.Trail(new Breadcrumb("调研与载体", $"/Research?campaignId={Activity.CampaignId}&view=outreach"), new Breadcrumb(Activity.Title));
        return Activity.CampaignId;
    }

    protected override IQueryable<Visit> VisitsOf(Guid id) => Db.Visits.Where(v => v.ActivityId == id);

    protected override Visit NewVisit(Guid id) => Visit.ToVisit(Activity.CampaignId, null, id);

    protected override async Task DeleteRecordAsync(Guid id, CancellationToken ct) =>
        Db.OutreachActivities.Remove(await Db.OutreachActivities.SingleAsync(a => a.Id == id, ct));
}
