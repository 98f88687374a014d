using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>学习概况: the study figures of one campaign (or one phase) as reports will quote them, all computed from the records.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, StudyAccess access, StudyFigures figures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PhaseId { get; set; }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public List<StudyAccess.Option> Phases { get; private set; } = [];

    public StudyFigures.Figures? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习概况"));
        Campaigns = await access.CampaignsAsync(ct: ct);
        CampaignId = Campaigns.Any(c => c.Id == CampaignId) ? CampaignId : Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is not { } id)
        {
            return;
        }

        await access.ReadAsync(id, ct);
        Phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Order).Select(p => new StudyAccess.Option(p.Id, p.Name)).ToListAsync(ct);
        PhaseId = Phases.Any(p => p.Id == PhaseId) ? PhaseId : null;
        Figures = await figures.ForCampaignAsync(id, PhaseId, ct);
    }
}
