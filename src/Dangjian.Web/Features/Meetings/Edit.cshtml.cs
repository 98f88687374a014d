using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings;

/// <summary>
/// 记录生活会: kind, title, date (inside the campaign, not in the future; a 通报会 after the meeting it reports on), place,
/// host, the unit (a branch for a 组织生活会), the summary and the responses to the public's opinions. A new meeting
/// starts with the people expected at its kind; absences are marked on the meeting's page.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess access, MeetingService service, MilestoneFollower milestones, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeetingKind Kind { get; set; } = MeetingKind.DemocraticLife;

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public LifeMeeting? Existing { get; private set; }

    public List<Option> Hosts { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public List<(Guid Id, string Title, DateOnly HeldOn)> LifeMeetings { get; private set; } = [];

    public sealed class MeetingInput
    {
        [Required]
        [StringLength(LifeMeeting.TitleMax)]
        [Display(Name = "会议名称")]
        public string? Title { get; set; }

        [Display(Name = "会议日期")]
        public DateOnly HeldOn { get; set; }

        [StringLength(LifeMeeting.PlaceMax)]
        [Display(Name = "地点")]
        public string? Place { get; set; }

        [Display(Name = "主持人")]
        public Guid? HostPersonId { get; set; }

        [Display(Name = "召开会议的组织")]
        public Guid? OrgUnitId { get; set; }

        [StringLength(LifeMeeting.SummaryMax)]
        [Display(Name = "会议情况")]
        public string? Summary { get; set; }

        [StringLength(LifeMeeting.OpinionResponsesMax)]
        [Display(Name = "对群众意见的回应")]
        public string? OpinionResponses { get; set; }

        /// <summary>For a 通报会, the 民主生活会 it reports on.</summary>
        [Display(Name = "通报的民主生活会")]
        public Guid? FollowsId { get; set; }

        public Guid Version { get; set; }

        public static MeetingInput From(LifeMeeting m) => new()
        {
            Title = m.Title, HeldOn = m.HeldOn, Place = m.Place, HostPersonId = m.HostPersonId, OrgUnitId = m.OrgUnitId, Summary = m.Summary,
            OpinionResponses = m.OpinionResponses, FollowsId = m.FollowsId, Version = m.Version,
        };

        public void ApplyTo(LifeMeeting m, MeetingKind kind)
        {
            m.Title = Title!.Trim();
            (m.HeldOn, m.HostPersonId, m.OrgUnitId) = (HeldOn, HostPersonId!.Value, OrgUnitId!.Value);
            m.Place = Place.NullIfBlank();
            m.Summary = Summary.NullIfBlank();
            m.OpinionResponses = OpinionResponses.NullIfBlank();
            m.FollowsId = kind == MeetingKind.Briefing ? FollowsId : null;
        }
    }

    public async Task<IActionResult> OnGetAsync(Guid? followsId, CancellationToken ct)
    {
        Input.FollowsId = followsId;
        await LoadAsync(ct);
        if (Existing is { } m)
        {
            Input = MeetingInput.From(m);
        }
        else
        {
            Input.HeldOn = ChinaTime.Today(clock);
            Input.Title = Kind switch
            {
                MeetingKind.DemocraticLife => $"{Campaign.Title}专题民主生活会",
                MeetingKind.Briefing => "专题民主生活会情况通报会",
                _ => "专题组织生活会",
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "请选择会议类型。");
        }

        var today = ChinaTime.Today(clock);
        if (!Campaign.HasHappenedOn(Input.HeldOn, today))
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.HeldOn)), $"会议日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        if (Input.HostPersonId is null || Hosts.All(h => h.Id != Input.HostPersonId))
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.HostPersonId)), "请选择主持人。");
        }

        if (Input.OrgUnitId is null || Units.All(u => u.Id != Input.OrgUnitId))
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.OrgUnitId)), "请选择召开会议的组织。");
        }

        if (Kind == MeetingKind.Briefing)
        {
            var follows = LifeMeetings.FirstOrDefault(l => l.Id == Input.FollowsId);
            if (Input.FollowsId is null || follows.Id == Guid.Empty)
            {
                ModelState.AddModelError(Field(nameof(MeetingInput.FollowsId)), "请选择要通报的民主生活会。");
            }
            else if (Input.HeldOn < follows.HeldOn)
            {
                ModelState.AddModelError(Field(nameof(MeetingInput.HeldOn)), "通报会应在民主生活会之后召开。");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = Existing;
        if (meeting is null)
        {
            meeting = new LifeMeeting { CampaignId = CampaignId, Kind = Kind, Title = "" };
            db.LifeMeetings.Add(meeting);
        }
        else
        {
            db.ExpectVersion(meeting, Input.Version);
        }

        Input.ApplyTo(meeting, Kind);
        if (Existing is null)
        {
            var expected = await service.ExpectedAsync(Kind, Input.OrgUnitId!.Value, ct);
            db.MeetingAttendees.AddRange(expected.Append(Input.HostPersonId!.Value).Distinct().Select(p => new MeetingAttendee { MeetingId = meeting.Id, PersonId = p }));
        }

        if (!await db.SaveOrReportConflictAsync(ModelState, "该会议记录", ct))
        {
            return Page();
        }

        await milestones.SyncAsync(CampaignId, ct);

        TempData.Success(Existing is null ? "会议已记录，已按应参会人员生成名单，可标记缺席、记录批评和自我批评。" : "已保存。");
        return RedirectToPage("/Meetings/Details", new { id = meeting.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await db.LifeMeetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
            (CampaignId, Kind) = (Existing.CampaignId, Existing.Kind);
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        if (!(await service.RightsAsync(Campaign, ct)).Manage)
        {
            throw new ForbiddenException();
        }

        var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        Hosts = await db.People.AsNoTracking().Where(p => p.PostRank != PostRank.Staff && !p.IsRetired && p.OrgUnit!.Path.StartsWith(path))
            .OrderBy(p => p.PostRank).ThenBy(p => p.CreatedAt).Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? "") + "）")).Take(500).ToListAsync(ct);
        var kinds = Kind == MeetingKind.OrganizationLife
            ? new[] { OrgUnitKind.Branch, OrgUnitKind.GeneralBranch, OrgUnitKind.PartyCell }
            : [OrgUnitKind.Bureau, OrgUnitKind.PartyGroup, OrgUnitKind.PartyCommittee];
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.IsActive && u.Path.StartsWith(path) && kinds.Contains(u.Kind))
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Select(u => new Option(u.Id, u.Name)).Take(500).ToListAsync(ct);
        Input.OrgUnitId ??= Units.FirstOrDefault()?.Id;
        LifeMeetings = (await db.LifeMeetings.AsNoTracking().Where(m => m.CampaignId == CampaignId && m.Kind == MeetingKind.DemocraticLife)
            .OrderBy(m => m.HeldOn).Select(m => new { m.Id, m.Title, m.HeldOn }).ToListAsync(ct)).Select(m => (m.Id, m.Title, m.HeldOn)).ToList();
        Input.FollowsId ??= LifeMeetings.LastOrDefault().Id is var last && last != Guid.Empty ? last : null;
        ViewData.Trail(new Breadcrumb("生活会", $"/Meetings?campaignId={CampaignId}"), new Breadcrumb(Existing is null ? "记录" + MeetingLabels.Of(Kind) : "修改"));
    }
}
