using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>考核结果通报: the printable notice of a published period — ranking, scores and the red flag's holder.</summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class AssessmentNoticeModel(AppDbContext db, AssessmentService service) : PageModel
{
    public AssessmentPeriod Period { get; private set; } = null!;

    public AssessmentScheme Scheme { get; private set; } = null!;

    public string Owner { get; private set; } = "";

    public AssessmentService.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Period = await db.AssessmentPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.PublishedAt != null, ct) ?? throw new NotFoundException();
        (Scheme, _) = await service.FindAsync(Period.SchemeId, ct);
        Owner = await db.OrgUnits.Where(u => u.Id == Scheme.OwnerUnitId).Select(u => u.Name).SingleAsync(ct);
        Result = await service.ResultAsync(Period, ct);
        ViewData.Trail(new Breadcrumb("季度考核", "/Ledgers/Assessment"), new Breadcrumb(Period.Label, $"/Ledgers/AssessmentPeriod?id={id}"), new Breadcrumb("通报"));
    }
}
