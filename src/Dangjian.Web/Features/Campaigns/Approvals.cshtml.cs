using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>待我审批: documents submitted in campaigns whose supervision group the caller belongs to.</summary>
[RequirePermission(Permissions.CampaignsApprove)]
public sealed class ApprovalsModel(AppDbContext db, CampaignAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Title, DocumentKind Kind, string Campaign, DateTime? SubmittedAt);

    public List<Row> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("待我审批"));
        var person = await access.PersonIdAsync(ct);
        Waiting = await (from d in db.ApprovalDocuments.AsNoTracking()
                         join c in db.Campaigns on d.CampaignId equals c.Id
                         where d.Status == DocumentStatus.Submitted
                               && db.CampaignMembers.Any(m => m.CampaignId == c.Id && m.PersonId == person && m.Group == CampaignGroup.Supervision)
                         orderby d.SubmittedAt
                         select new Row(d.Id, d.Title, d.Kind, c.Title, d.SubmittedAt))
                        .Take(200).ToListAsync(ct);
    }
}
