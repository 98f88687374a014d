using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Ledgers;

/// <summary>流动红旗: who holds it now in each scheme (the first of the latest published period) and who held it before.</summary>
[RequirePermission(Permissions.LedgersView)]
public sealed class RedFlagModel(AppDbContext db, AssessmentService service) : PageModel
{
    public sealed record Award(Guid PeriodId, string Scheme, string Period, DateOnly EndsOn, string Holders, decimal Total);

    /// <summary>Newest first; the first of each scheme is the current holder.</summary>
    public List<Award> Awards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("季度考核", "/Ledgers/Assessment"), new Breadcrumb("流动红旗"));
        var schemes = await service.VisibleAsync(ct);
        Awards = await (from p in db.AssessmentPeriods.AsNoTracking()
                        join s in schemes on p.SchemeId equals s.Id
                        where p.PublishedAt != null
                        orderby p.EndsOn descending, p.Id
                        select new Award(p.Id, s.Name, p.Label, p.EndsOn, p.FlagHolders ?? "", p.TopScore ?? 0)).Take(48).ToListAsync(ct);
    }
}
