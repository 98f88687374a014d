using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>
/// 登记会议: the branch (or 党小组 for a 党小组会), the kind, the day (not in the future; any earlier day, so a branch enters
/// its year), place, host, the 党课's speaker, topic, agenda, minutes and resolutions. A new meeting expects every party
/// member of the unit (its 党小组 included; the retired only when ticked), whose attendance is then marked on its page.
/// </summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, BranchLifeAccess access, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public List<BranchLifeAccess.Unit> Units { get; private set; } = [];

    public List<Option> People { get; private set; } = [];

    public sealed class MeetingInput
    {
        [Display(Name = "党组织")]
        public Guid? OrgUnitId { get; set; }

        [Display(Name = "会议类别")]
        public BranchMeetingKind Kind { get; set; } = BranchMeetingKind.ThemeDay;

        [Display(Name = "日期")]
        public DateOnly HeldOn { get; set; }

        [StringLength(BranchMeeting.PlaceMax, ErrorMessage = "地点不超过200字。")]
        [Display(Name = "地点")]
        public string? Place { get; set; }

        [Display(Name = "主持人")]
        public Guid? HostId { get; set; }

        [Display(Name = "党课主讲人")]
        public Guid? LecturerId { get; set; }

        [Required(ErrorMessage = "请填写会议主题（不超过200字）。")]
        [StringLength(BranchMeeting.TopicMax, ErrorMessage = "请填写会议主题（不超过200字）。")]
        [Display(Name = "主题")]
        public string? Topic { get; set; }

        [StringLength(BranchMeeting.TextMax, ErrorMessage = "议程不超过2万字。")]
        [Display(Name = "议程")]
        public string? Agenda { get; set; }

        [StringLength(BranchMeeting.TextMax, ErrorMessage = "会议记录不超过2万字。")]
        [Display(Name = "会议记录")]
        public string? Minutes { get; set; }

        [StringLength(BranchMeeting.TextMax, ErrorMessage = "决议不超过2万字。")]
        [Display(Name = "决议、决定")]
        public string? Resolutions { get; set; }

        [Display(Name = "离退休党员也应参加")]
        public bool IncludeRetired { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.HeldOn = ChinaTime.Today(clock);
        Input.OrgUnitId = Units.FirstOrDefault(u => u.Kind != OrgUnitKind.PartyCell)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var unit = Units.FirstOrDefault(u => u.Id == Input.OrgUnitId);
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.Kind)), "请选择会议类别。");
        }
        else if (unit is null)
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.OrgUnitId)), "请选择您管理范围内的党支部或党小组。");
        }
        else if (BranchLifeLabels.HeldByCell(Input.Kind) != (unit.Kind == OrgUnitKind.PartyCell))
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.OrgUnitId)), BranchLifeLabels.HeldByCell(Input.Kind) ? "党小组会请选择党小组。" : $"{BranchLifeLabels.Of(Input.Kind)}请选择党支部（党总支）。");
        }

        if (Input.HeldOn > ChinaTime.Today(clock) || Input.HeldOn.Year < 2000)
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.HeldOn)), "会议日期不能晚于今天；补录以前的会议请填实际日期。");
        }

        foreach (var (field, person) in new[] { (nameof(MeetingInput.HostId), Input.HostId), (nameof(MeetingInput.LecturerId), Input.LecturerId) })
        {
            if (person is { } id && People.All(p => p.Id != id))
            {
                ModelState.AddModelError(Field(field), "请从名单中选择人员。");
            }
        }

        if (Input.Kind == BranchMeetingKind.PartyLecture && Input.LecturerId is null)
        {
            ModelState.AddModelError(Field(nameof(MeetingInput.LecturerId)), "党课请选择主讲人。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = new BranchMeeting
        {
            OrgUnitId = unit!.Id, Kind = Input.Kind, HeldOn = Input.HeldOn, Place = Input.Place.NullIfBlank(), HostId = Input.HostId,
            LecturerId = Input.Kind == BranchMeetingKind.PartyLecture ? Input.LecturerId : null, Topic = Input.Topic!.Trim(),
            Agenda = Input.Agenda.NullIfBlank(), Minutes = Input.Minutes.NullIfBlank(), Resolutions = Input.Resolutions.NullIfBlank(),
        };
        db.BranchMeetings.Add(meeting);
        var expected = await db.People.Where(p => p.Branch!.Path.StartsWith(unit.Path) && (p.PartyStatus == PartyStatus.Full || p.PartyStatus == PartyStatus.Probationary))
            .WhereIf(!Input.IncludeRetired, p => !p.IsRetired).OrderBy(p => p.Id).Select(p => p.Id).Take(5000).ToListAsync(ct);
        db.BranchMeetingAttendees.AddRange(expected.Select(p => new BranchMeetingAttendee { MeetingId = meeting.Id, PersonId = p }));
        await db.SaveChangesAsync(ct);
        TempData.Success(expected.Count == 0 ? "会议已登记。" : $"会议已登记，应到{expected.Count}人。请在下方标记到会、请假和缺席。");
        return RedirectToPage("/BranchLife/Details", new { id = meeting.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await access.RecordableAsync(ct);
        if (Units.Count == 0)
        {
            throw new ForbiddenException();
        }

        var ids = Units.Select(u => (Guid?)u.Id).ToList();
        People = await db.People.AsNoTracking().Where(p => ids.Contains(p.BranchId))
            .OrderBy(p => p.PostRank).ThenBy(p => p.Name).Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? "") + "）")).Take(2000).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("三会一课", "/BranchLife"), new Breadcrumb("登记会议"));
    }
}
