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
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, SelfInspectionService service, DocumentAccess documents) : CampaignPageModel
{
    public sealed record Row(Guid? PersonId, string Name, string? Title, Guid? InspectionId, DocumentStatus? Status, int Versions, ReviewCriteria? LastFailed, bool MayWrite, bool MayRead);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("对照检查材料"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } chosen)
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
                s.DocumentId,
                Status = db.ApprovalDocuments.Where(d => d.Id == s.DocumentId).Select(d => d.Status).Single(),
                Versions = db.DocumentVersions.Count(v => v.DocumentId == s.DocumentId),
                LastFailed = db.SelfInspectionReviews.Where(r => r.SelfInspectionId == s.Id).OrderByDescending(r => r.CreatedAt).Select(r => (ReviewCriteria?)r.Failed).FirstOrDefault(),
            }).ToListAsync(ct);
        var byPerson = inspections.ToDictionary(i => i.PersonId ?? Guid.Empty);
        // A row links to a material only when the document rule lets the caller read it (no link to a 404).
        var (_, standing) = await documents.CampaignAsync(id, ct);
        var readable = await documents.ReadableAsync(db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == id && d.Kind == DocumentKind.SelfInspection), standing, ct);
        Row Make(Guid? person, string name, string? title)
        {
            var found = byPerson.GetValueOrDefault(person ?? Guid.Empty);
            return new Row(person, name, title, found?.Id, found?.Status, found?.Versions ?? 0, found?.LastFailed, rights.MayWrite(person), found is not null && readable.Contains(found.DocumentId));
        }

        Rows = [Make(null, "领导班子", "主要负责同志主持起草，在一定范围内征求意见"), .. leaders.Select(l => Make(l.Id, l.Name, l.Title))];
    }
}
