using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems.SelfInspections;

/// <summary>对照检查材料: the team's and each leader's, with their state, versions and the last "四不过关" review.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, SelfInspectionService service) : PageModel
{
    public sealed record Row(Guid? PersonId, string Name, string? Title, Guid? InspectionId, DocumentStatus? Status, int Versions, ReviewCriteria? LastFailed, bool MayWrite);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("对照检查材料"));
        var pick = await picker.PickAsync(CampaignId, ct);
        (Campaigns, CampaignId) = (pick.Campaigns, pick.Campaign?.Id);
        if (pick.Campaign is not { } chosen)
        {
            return;
        }

        var id = chosen.Id;

        var campaign = chosen;
        var rights = await service.RightsAsync(campaign, ct);
        var leaders = await service.LeadersAsync(campaign, ct);
        var inspections = await db.SelfInspections.AsNoTracking().Where(s => s.CampaignId == id)
            .Select(s => new
            {
                s.Id,
                s.PersonId,
                Status = db.ApprovalDocuments.Where(d => d.Id == s.DocumentId).Select(d => d.Status).Single(),
                Versions = db.DocumentVersions.Count(v => v.DocumentId == s.DocumentId),
                LastFailed = db.SelfInspectionReviews.Where(r => r.SelfInspectionId == s.Id).OrderByDescending(r => r.CreatedAt).Select(r => (ReviewCriteria?)r.Failed).FirstOrDefault(),
            }).ToListAsync(ct);
        var byPerson = inspections.ToDictionary(i => i.PersonId ?? Guid.Empty);
        Row Make(Guid? person, string name, string? title)
        {
            var found = byPerson.GetValueOrDefault(person ?? Guid.Empty);
            return new Row(person, name, title, found?.Id, found?.Status, found?.Versions ?? 0, found?.LastFailed, rights.MayWrite(person));
        }

        Rows = [Make(null, "领导班子", "主要负责同志主持起草，在一定范围内征求意见"), .. leaders.Select(l => Make(l.Id, l.Name, l.Title))];
    }
}
