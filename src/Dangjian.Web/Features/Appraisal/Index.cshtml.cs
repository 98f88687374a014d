using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>民主测评: the appraisals of the caller's campaigns with their window and turnout.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Campaign, DateTime OpensAt, DateTime ClosesAt, int Issued, int Returned);

    public List<Row> Appraisals { get; private set; } = [];

    public DateTime Now { get; private set; }

    public bool CanCreate => User.Can(Permissions.CampaignsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("民主测评"));
        Now = clock.GetUtcNow().UtcDateTime;
        var campaigns = db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Select(c => c.Id);
        Appraisals = await db.Appraisals.AsNoTracking().Where(a => campaigns.Contains(a.CampaignId)).OrderByDescending(a => a.OpensAt)
            .Select(a => new Row(
                a.Id,
                a.Title,
                db.Campaigns.Where(c => c.Id == a.CampaignId).Select(c => c.Title).Single(),
                a.OpensAt,
                a.ClosesAt,
                db.AppraisalVoters.Count(v => v.AppraisalId == a.Id) + a.PaperIssued,
                db.AppraisalBallots.Count(b => b.AppraisalId == a.Id && b.Filled) + db.SealedBallots.Count(b => b.AppraisalId == a.Id)))
            .Take(200).ToListAsync(ct);
    }
}
