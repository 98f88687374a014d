using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Plans;

/// <summary>学习计划: the plans of the caller's campaigns with their 四落实 and where they stand in the approvals.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, StudyAccess access, DocumentAccess documents) : PageModel
{
    public sealed record Row(StudyPlan Plan, string Campaign, DocumentStatus Status);

    public List<Row> Plans { get; private set; } = [];

    public bool CanEdit => access.CanEdit;


    /// <summary>Titles of the readings the plans name.</summary>
    public Dictionary<Guid, string> Readings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习计划"));
        var campaigns = (await access.CampaignsAsync(ct: ct)).Select(c => c.Id).ToList();
        Plans = await db.StudyPlans.AsNoTracking().Where(p => campaigns.Contains(p.CampaignId))
            .OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id)
            .Select(p => new Row(p, db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.Title).Single(), db.ApprovalDocuments.Where(d => d.Id == p.DocumentId).Select(d => d.Status).Single()))
            .Take(200).ToListAsync(ct);
        // A plan is a document: the caller sees the plans the document rule lets them read (a draft stays with its authors
        // and reviewers), so no row leads to a 404.
        var readable = new HashSet<Guid>();
        foreach (var campaign in Plans.Select(p => p.Plan.CampaignId).Distinct())
        {
            var (_, standing) = await documents.CampaignAsync(campaign, ct);
            readable.UnionWith(await documents.ReadableAsync(db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == campaign && d.Kind == DocumentKind.StudyPlan), standing, ct));
        }

        Plans = Plans.Where(p => readable.Contains(p.Plan.DocumentId)).ToList();

        var ids = Plans.SelectMany(p => p.Plan.Readings).Distinct().ToList();
        Readings = await db.StudyMaterials.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
    }
}
