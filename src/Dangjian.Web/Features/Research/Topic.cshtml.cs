using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>调研课题: its group, leader, report and 成果交流, and the visits it made (登记走访 for those who run the campaign).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class TopicModel(AppDbContext db, CampaignAccess access, ResearchFigures figures, TimeProvider clock) : VisitsPageModel(db, access, figures, clock)
{
    public ResearchTopic Topic { get; private set; } = null!;

    public string? Leader { get; private set; }

    protected override string IndexView => "topics";

    protected override async Task<Guid> LoadRecordAsync(Guid id, CancellationToken ct)
    {
        var found = await Db.ResearchTopics.AsNoTracking().Where(t => t.Id == id).Select(t => new { Topic = t, Leader = t.Leader!.Name }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        (Topic, Leader) = (found.Topic, found.Leader);
        ViewData.Trail(new Breadcrumb("调研与载体", $"/Research?campaignId={Topic.CampaignId}"), new Breadcrumb(Topic.Title));
        return Topic.CampaignId;
    }

    protected override IQueryable<Visit> VisitsOf(Guid id) => Db.Visits.Where(v => v.TopicId == id);

    protected override Visit NewVisit(Guid id) => Visit.ToVisit(Topic.CampaignId, id, null);

    protected override async Task DeleteRecordAsync(Guid id, CancellationToken ct) =>
        Db.ResearchTopics.Remove(await Db.ResearchTopics.SingleAsync(t => t.Id == id, ct));
}
