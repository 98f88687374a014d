using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>专项整治: the campaign's tagged sets of items, each with its count, progress and items.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class SpecialModel(AppDbContext db, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    public sealed record Row(Guid Id, string Special, string Title, string Department, DateOnly DueOn, ProblemHorizon Horizon, int Progress, ItemStatus Status);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    public List<Option> Campaigns { get; private set; } = [];

    public List<IGrouping<string, Row>> Sets { get; private set; } = [];

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("专项整治"));
        var visible = db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path);
        Campaigns = await visible.OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).Take(200).ToListAsync(ct);
        CampaignId = Campaigns.Any(c => c.Id == CampaignId) ? CampaignId : Campaigns.FirstOrDefault()?.Id;
        if (CampaignId is not { } id)
        {
            return;
        }

        Sets = (await db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == id && i.Special != null)
            .OrderBy(i => i.Special).ThenBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).Take(2000)
            .Select(i => new Row(i.Id, i.Special!, i.Title, i.Department!.Name, i.DueOn, i.Horizon, i.Progress, i.Status)).ToListAsync(ct))
            .GroupBy(r => r.Special).ToList();
    }
}
