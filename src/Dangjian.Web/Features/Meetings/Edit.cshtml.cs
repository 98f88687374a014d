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
public sealed class EditModel(AppDbContext db, CampaignAccess access, MeetingService service, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeetingKind Kind { get; set; } = MeetingKind.DemocraticLife;

    [BindProperty(SupportsGet = true)]
    public Guid? FollowsId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly HeldOn { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public Guid? HostPersonId { get; set; }

    [BindProperty]
    public Guid? OrgUnitId { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? OpinionResponses { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public LifeMeeting? Existing { get; private set; }

    public List<Option> Hosts { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    public List<(Guid Id, string Title, DateOnly HeldOn)> LifeMeetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        HeldOn = ChinaTime.Today(clock);
        if (Existing is { } m)
        {
            (Kind, Title, HeldOn, Place, HostPersonId, OrgUnitId, Summary, OpinionResponses, FollowsId, LoadedVersion) =
                (m.Kind, m.Title, m.HeldOn, m.Place, m.HostPersonId, m.OrgUnitId, m.Summary, m.OpinionResponses, m.FollowsId, m.Version);
        }
        else
        {
            Title = Kind switch
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

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200 || (Place?.Length ?? 0) > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写会议名称（不超过200字），地点不超过200字。");
        }

        var today = ChinaTime.Today(clock);
        if (HeldOn < Campaign.StartsOn || HeldOn > Campaign.EndsOn || HeldOn > today)
        {
            ModelState.AddModelError(nameof(HeldOn), $"会议日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        if (HostPersonId is null || Hosts.All(h => h.Id != HostPersonId))
        {
            ModelState.AddModelError(nameof(HostPersonId), "请选择主持人。");
        }

        if (OrgUnitId is null || Units.All(u => u.Id != OrgUnitId))
        {
            ModelState.AddModelError(nameof(OrgUnitId), "请选择召开会议的组织。");
        }

        if ((Summary?.Length ?? 0) > 20000 || (OpinionResponses?.Length ?? 0) > 20000)
        {
            ModelState.AddModelError(nameof(Summary), "会议情况和对群众意见的回应各不超过2万字。");
        }

        if (Kind == MeetingKind.Briefing)
        {
            var follows = LifeMeetings.FirstOrDefault(l => l.Id == FollowsId);
            if (FollowsId is null || follows.Id == Guid.Empty)
            {
                ModelState.AddModelError(nameof(FollowsId), "请选择要通报的民主生活会。");
            }
            else if (HeldOn < follows.HeldOn)
            {
                ModelState.AddModelError(nameof(HeldOn), "通报会应在民主生活会之后召开。");
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
            db.ExpectVersion(meeting, LoadedVersion);
        }

        meeting.Title = Title!.Trim();
        (meeting.HeldOn, meeting.HostPersonId, meeting.OrgUnitId) = (HeldOn, HostPersonId!.Value, OrgUnitId!.Value);
        meeting.Place = Place.NullIfBlank();
        meeting.Summary = Summary.NullIfBlank();
        meeting.OpinionResponses = OpinionResponses.NullIfBlank();
        meeting.FollowsId = Kind == MeetingKind.Briefing ? FollowsId : null;
        if (Existing is null)
        {
            var expected = await service.ExpectedAsync(Kind, OrgUnitId!.Value, ct);
            db.MeetingAttendees.AddRange(expected.Append(HostPersonId!.Value).Distinct().Select(p => new MeetingAttendee { MeetingId = meeting.Id, PersonId = p }));
        }

        if (!await db.SaveOrReportConflictAsync(ModelState, "该会议记录", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? "会议已记录，已按应参会人员生成名单，可标记缺席、记录批评和自我批评。" : "已保存。");
        return RedirectToPage("/Meetings/Details", new { id = meeting.Id });
    }

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
        OrgUnitId ??= Units.FirstOrDefault()?.Id;
        LifeMeetings = (await db.LifeMeetings.AsNoTracking().Where(m => m.CampaignId == CampaignId && m.Kind == MeetingKind.DemocraticLife)
            .OrderBy(m => m.HeldOn).Select(m => new { m.Id, m.Title, m.HeldOn }).ToListAsync(ct)).Select(m => (m.Id, m.Title, m.HeldOn)).ToList();
        FollowsId ??= LifeMeetings.LastOrDefault().Id is var last && last != Guid.Empty ? last : null;
        ViewData.Trail(new Breadcrumb("生活会", $"/Meetings?campaignId={CampaignId}"), new Breadcrumb(Existing is null ? "记录" + MeetingLabels.Of(Kind) : "修改"));
    }
}
