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
public sealed class SpecialModel(AppDbContext db, CampaignPicker picker, TimeProvider clock) : CampaignPageModel
{
    public sealed record Row(Guid Id, string Special, string Title, string Department, DateOnly DueOn, ProblemHorizon Horizon, int Progress, ItemStatus Status);

    public List<IGrouping<string, Row>> Sets { get; private set; } = [];

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("专项整治"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } chosen)
        {
            return;
        }

        var id = chosen.Id;

        Sets = (await db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == id && i.Special != null)
            .OrderBy(i => i.Special).ThenBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).Take(2000)
            .Select(i => new Row(i.Id, i.Special!, i.Title, i.Department!.Name, i.DueOn, i.Horizon, i.Progress, i.Status)).ToListAsync(ct))
            .GroupBy(r => r.Special).ToList();
    }
}
