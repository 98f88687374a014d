using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Materials;

/// <summary>学习材料: required readings and other materials of the caller's campaigns, with how many copies went out and were read.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, StudyAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Title, MaterialKind Kind, string? Publisher, string Campaign, int Copies, int Read, bool Mine, bool MineRead, int Files);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public Paged<Row> Materials { get; private set; } = null!;

    public bool CanEdit => access.CanEdit;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习材料"));
        Campaigns = await access.CampaignsAsync(ct: ct);
        var ids = Campaigns.Select(c => c.Id).ToList();
        if (CampaignId is { } only && ids.Contains(only))
        {
            ids = [only];
        }

        var person = await access.PersonIdAsync(ct);
        Materials = await db.StudyMaterials.AsNoTracking().Where(m => ids.Contains(m.CampaignId))
            .OrderBy(m => m.Kind).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new Row(
                m.Id,
                m.Title,
                m.Kind,
                m.Publisher,
                db.Campaigns.Where(c => c.Id == m.CampaignId).Select(c => c.Title).Single(),
                db.MaterialCopies.Count(c => c.MaterialId == m.Id),
                db.MaterialCopies.Count(c => c.MaterialId == m.Id && c.ReadAt != null),
                db.MaterialCopies.Any(c => c.MaterialId == m.Id && c.PersonId == person),
                db.MaterialCopies.Any(c => c.MaterialId == m.Id && c.PersonId == person && c.ReadAt != null),
                db.StoredFiles.Count(f => f.OwnerType == MaterialFileRule.Owner && f.OwnerId == m.Id)))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
