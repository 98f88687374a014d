using System.ComponentModel.DataAnnotations;
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
    public ForumInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public List<ForumService.LeaderRow> Leaders { get; private set; } = [];

    public sealed class ForumInput
    {
        [Required(ErrorMessage = "请填写座谈会名称（不超过200字）。")]
        [StringLength(Forum.TitleMax, ErrorMessage = "请填写座谈会名称（不超过200字）。")]
        [Display(Name = "名称")]
        public string? Title { get; set; }

        [Display(Name = "日期")]
        public DateOnly HeldOn { get; set; }

        [Display(Name = "主持人")]
        public Guid? HostPersonId { get; set; }

        [StringLength(Forum.PlaceMax)]
        [Display(Name = "地点")]
        public string? Place { get; set; }

        [Display(Name = "参加人员类别")]
        public List<string> Groups { get; set; } = [];

        [Required(ErrorMessage = "参加人数须在1到10000之间。")]
        [Range(1, 10000, ErrorMessage = "参加人数须在1到10000之间。")]
        [Display(Name = "参加人数")]
        public int? Attendees { get; set; }

        [StringLength(Forum.NotesMax)]
        [Display(Name = "座谈会记录")]
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.HeldOn = ChinaTime.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.HeldOn < Campaign.StartsOn || Input.HeldOn > Campaign.EndsOn || Input.HeldOn > ChinaTime.Today(clock))
        {
            ModelState.AddModelError(Field(nameof(ForumInput.HeldOn)), $"日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        if (Input.HostPersonId is null || Leaders.All(l => l.PersonId != Input.HostPersonId))
        {
            ModelState.AddModelError(Field(nameof(ForumInput.HostPersonId)), "请选择主持座谈会的班子成员。");
        }

        var groups = Input.Groups.Where(Forum.GroupNames.Contains).Distinct().ToList();
        if (groups.Count == 0)
        {
            ModelState.AddModelError(Field(nameof(ForumInput.Groups)), "请选择参加人员类别。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var forum = new Forum
        {
            CampaignId = CampaignId, Title = Input.Title!.Trim(), HeldOn = Input.HeldOn, HostPersonId = Input.HostPersonId!.Value, Place = Input.Place.NullIfBlank(),
            Groups = string.Join('、', groups), Attendees = Input.Attendees!.Value, Notes = Input.Notes.NullIfBlank(),
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(ct);
        await forums.RecountAsync(CampaignId, ct);
        TempData.Success("座谈会已记录。可以逐条登记会上听到的意见。");
        return RedirectToPage("/Opinions/Forums/Details", new { id = forum.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

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
