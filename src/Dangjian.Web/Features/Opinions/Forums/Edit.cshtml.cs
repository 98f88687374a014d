using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Forums;

/// <summary>记录座谈会: date inside the campaign, the leader who hosted it, attendee groups and number, and notes.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess campaignAccess, ForumService forums, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly HeldOn { get; set; }

    [BindProperty]
    public Guid? HostPersonId { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public List<string> Groups { get; set; } = [];

    [BindProperty]
    public int Attendees { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public List<ForumService.LeaderRow> Leaders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        HeldOn = ChinaTime.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写座谈会名称（不超过200字）。");
        }

        if (HeldOn < Campaign.StartsOn || HeldOn > Campaign.EndsOn || HeldOn > ChinaTime.Today(clock))
        {
            ModelState.AddModelError(nameof(HeldOn), $"日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        if (HostPersonId is null || Leaders.All(l => l.PersonId != HostPersonId))
        {
            ModelState.AddModelError(nameof(HostPersonId), "请选择主持座谈会的班子成员。");
        }

        var groups = Groups.Where(Forum.GroupNames.Contains).Distinct().ToList();
        if (groups.Count == 0)
        {
            ModelState.AddModelError(nameof(Groups), "请选择参加人员类别。");
        }

        if (Attendees is < 1 or > 10000 || (Place?.Length ?? 0) > 200 || (Notes?.Length ?? 0) > 20000)
        {
            ModelState.AddModelError(nameof(Attendees), "参加人数须在1到10000之间；地点不超过200字，记录不超过2万字。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var forum = new Forum
        {
            CampaignId = CampaignId, Title = Title!.Trim(), HeldOn = HeldOn, HostPersonId = HostPersonId!.Value, Place = Place.NullIfBlank(),
            Groups = string.Join('、', groups), Attendees = Attendees, Notes = Notes.NullIfBlank(),
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(ct);
        await forums.RecountAsync(CampaignId, ct);
        TempData.Success("座谈会已记录。可以逐条登记会上听到的意见。");
        return RedirectToPage("/Opinions/Forums/Details", new { id = forum.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CampaignId, ct) ?? throw new NotFoundException();
        if (!await campaignAccess.RunsAsync(Campaign, Permissions.CampaignsEdit, ct))
        {
            throw new ForbiddenException();
        }

        Leaders = await forums.LeadersAsync(CampaignId, ct);
        ViewData.Trail(new Breadcrumb("座谈会", "/Opinions/Forums"), new Breadcrumb("记录座谈会"));
    }
}
