using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Box;

/// <summary>意见箱: the printable QR poster of the public opinion box of each running campaign.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard) : PageModel
{
    public sealed record Poster(string Campaign, string Url, string QrDataUri);

    public List<Poster> Posters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("意见箱"));
        var campaigns = await db.Campaigns.AsNoTracking().InScope(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Where(c => c.Status == CampaignStatus.Running)
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Title }).Take(20).ToListAsync(ct);
        foreach (var c in campaigns)
        {
            var url = $"{Request.Scheme}://{Request.Host}/Public/Opinion?c={c.Id}";
            Posters.Add(new Poster(c.Title, url, QrImages.DataUri(url)));
        }
    }
}
