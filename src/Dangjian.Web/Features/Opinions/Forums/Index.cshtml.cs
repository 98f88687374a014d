using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Forums;

/// <summary>座谈会: the forums of a campaign and the per-leader rule (主要负责同志至少2次，其他班子成员至少1次).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ListeningAccess listening, ForumService forums) : CampaignPageModel
{
    public sealed record Row(Guid Id, string Title, DateOnly HeldOn, string Host, string Groups, int Attendees, int Opinions);

    public List<Row> Forums { get; private set; } = [];

    public List<ForumService.LeaderRow> Leaders { get; private set; } = [];

    public bool CanEdit => User.Can(Permissions.CampaignsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("座谈会"));
        await ChooseAsync(listening.PickAsync(CampaignId, ct));
        if (CampaignId is not { } id)
        {
            return;
        }

        Forums = await db.Forums.AsNoTracking().Where(f => f.CampaignId == id).OrderByDescending(f => f.HeldOn).ThenBy(f => f.Id)
            .Select(f => new Row(f.Id, f.Title, f.HeldOn, f.HostPerson!.Name, f.Groups, f.Attendees, db.Opinions.Count(o => o.ForumId == f.Id)))
            .Take(200).ToListAsync(ct);
        Leaders = await forums.LeadersAsync(id, ct);
    }
}
