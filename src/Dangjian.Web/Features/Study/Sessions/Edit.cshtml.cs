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

namespace Dangjian.Web.Features.Study.Sessions;

/// <summary>安排学习会: kind, time inside the phase, place, speaker, agenda, and who is expected (whole units).</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, ScopeGuard guard, CampaignAccess access, StudyAccess studyAccess, StudyService study, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    public sealed class SessionInput
    {
        public Guid Version { get; set; }

        [Display(Name = "所属环节")]
        public Guid? PhaseId { get; set; }

        [Display(Name = "计入节点")]
        public Guid? MilestoneId { get; set; }

        [Display(Name = "类型")]
        public SessionKind Kind { get; set; } = SessionKind.CentralGroup;

        [Required(ErrorMessage = "请填写主题（不超过200字）。")]
        [StringLength(StudySession.TitleMax, ErrorMessage = "请填写主题（不超过200字）。")]
        [Display(Name = "主题")]
        public string Title { get; set; } = "";

        [Display(Name = "日期")]
        public DateOnly Date { get; set; }

        [Display(Name = "开始")]
        public TimeOnly StartTime { get; set; } = new(9, 0);

        [Display(Name = "结束")]
        public TimeOnly EndTime { get; set; } = new(11, 0);

        [StringLength(StudySession.PlaceMax)]
        [Display(Name = "地点")]
        public string? Place { get; set; }

        [StringLength(StudySession.SpeakerMax)]
        [Display(Name = "主持或主讲")]
        public string? Speaker { get; set; }

        [StringLength(StudySession.AgendaMax)]
        [Display(Name = "议程")]
        public string? Agenda { get; set; }

        /// <summary>Blank: the session's duration (<see cref="StudyHours.FromDuration"/>).</summary>
        [Range(0.5, StudyHours.Max)]
        [Display(Name = "学时")]
        public double? Hours { get; set; }

        [Display(Name = "参加单位")]
        public List<Guid> UnitIds { get; set; } = [];

        public static SessionInput From(StudySession s)
        {
            var starts = ChinaTime.ToLocal(s.StartsAt);
            return new()
            {
                Version = s.Version, PhaseId = s.PhaseId, MilestoneId = s.MilestoneId, Kind = s.Kind, Title = s.Title, Place = s.Place, Speaker = s.Speaker, Agenda = s.Agenda, Hours = s.Hours,
                Date = DateOnly.FromDateTime(starts), StartTime = TimeOnly.FromDateTime(starts), EndTime = TimeOnly.FromDateTime(ChinaTime.ToLocal(s.EndsAt)),
            };
        }

        /// <summary>Writes the checked input onto the session (the units it invites are the page's business).</summary>
        public void ApplyTo(StudySession s)
        {
            (s.PhaseId, s.MilestoneId, s.Kind, s.Title) = (PhaseId, MilestoneId, Kind, Title.Trim());
            s.StartsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(StartTime), ChinaTime.Zone);
            s.EndsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(EndTime), ChinaTime.Zone);
            (s.Place, s.Speaker, s.Agenda) = (Place?.Trim(), Speaker?.Trim(), Agenda?.Trim());
            s.Hours = Hours ?? StudyHours.FromDuration(s.StartsAt, s.EndsAt);
        }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public List<Option> Campaigns { get; private set; } = [];

    public List<Phase> Phases { get; private set; } = [];

    public List<Option> Milestones { get; private set; } = [];

    public List<OrgTree.Node> Units { get; private set; } = [];

    /// <summary><c>?preset=mobilization</c> (the office's first-run guide): the campaign's 动员大会, for everyone in the campaign's scope.</summary>
    public async Task OnGetAsync(string? preset, CancellationToken ct)
    {
        if (Id is { } id)
        {
            var s = await FindAsync(id, ct);
            CampaignId = s.CampaignId;
            Input = SessionInput.From(s);
            await LoadAsync(ct);
            return;
        }

        Input = new SessionInput { Date = Platform.Web.ChinaTime.Today(clock) };
        await LoadAsync(ct);
        Input.PhaseId = Phases.FirstOrDefault(p => p.Status == PhaseStatus.InProgress)?.Id ?? Phases.FirstOrDefault()?.Id;
        if (preset == "mobilization" && CampaignId is { } campaignId)
        {
            (Input.Kind, Input.Title, Input.UnitIds) = (SessionKind.Collective, FirstRunGuide.MeetingWord, Units.Take(1).Select(u => u.Id).ToList());
            var planned = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == campaignId && m.Title.Contains(FirstRunGuide.MeetingWord))
                .OrderBy(m => m.Deadline).Select(m => new { m.PhaseId, m.Deadline }).FirstOrDefaultAsync(ct);
            if (planned is not null)
            {
                (Input.PhaseId, Input.Date) = (planned.PhaseId, planned.Deadline < Input.Date ? Input.Date : planned.Deadline);
            }
        }
    }

    private async Task<StudySession> FindAsync(Guid id, CancellationToken ct)
    {
        var session = await db.StudySessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        await studyAccess.EditAsync(session.CampaignId, ct);
        return session;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var existing = Id is { } existingId ? await FindAsync(existingId, ct) : null;
        CampaignId = existing?.CampaignId ?? CampaignId;
        await LoadAsync(ct);
        if (CampaignId is null)
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var phase = Phases.FirstOrDefault(p => p.Id == Input.PhaseId);
        if (phase is null)
        {
            ModelState.AddModelError("Input.PhaseId", "请选择所属环节。");
        }
        else if (Input.Date < phase.StartsOn || Input.Date > phase.EndsOn)
        {
            ModelState.AddModelError("Input.Date", $"学习会日期须在“{phase.Name}”环节内（{phase.StartsOn:yyyy-MM-dd} 至 {phase.EndsOn:yyyy-MM-dd}）。");
        }

        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "请选择学习会类型。");
        }

        if (Input.EndTime <= Input.StartTime)
        {
            ModelState.AddModelError("Input.EndTime", "结束时间须晚于开始时间。");
        }

        else if (Input.Hours is { } hours && StudyHours.Check(hours, Input.Date.ToDateTime(Input.StartTime), Input.Date.ToDateTime(Input.EndTime)) is { } wrongHours)
        {
            ModelState.AddModelError("Input.Hours", wrongHours);
        }

        if (Input.MilestoneId is { } m && Milestones.All(x => x.Id != m))
        {
            ModelState.AddModelError("Input.MilestoneId", "所选节点不属于本活动。");
        }

        var chosen = Units.Where(u => Input.UnitIds.Contains(u.Id)).ToList();
        if (chosen.Count == 0 && existing is null)
        {
            ModelState.AddModelError("Input.UnitIds", "请至少选择一个参加单位。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (existing is not null)
        {
            db.ExpectVersion(existing, Input.Version);
            var oldMilestone = existing.MilestoneId;
            Input.ApplyTo(existing);
            if (!await db.SaveOrReportConflictAsync(ModelState, "该学习会", ct))
            {
                return Page();
            }

            await study.RecountMilestoneAsync(existing, ct);
            if (oldMilestone is { } old && old != existing.MilestoneId)
            {
                await study.RecountMilestoneAsync(new StudySession { Title = "", SignInSecret = "", MilestoneId = old }, ct);
            }

            TempData.Success("学习会已修改。");
            return RedirectToPage("/Study/Sessions/Details", new { id = existing.Id });
        }

        var session = new StudySession { CampaignId = CampaignId.Value, Title = "", SignInSecret = StudyService.NewSecret() };
        Input.ApplyTo(session);
        db.StudySessions.Add(session);
        var people = await db.People.AsNoTracking().InScope(new DataScope(chosen.Select(u => u.Path).ToList()), p => p.OrgUnit!.Path).Select(p => p.Id).ToListAsync(ct);
        db.SessionAttendees.AddRange(people.Distinct().Select(p => new SessionAttendee { SessionId = session.Id, PersonId = p }));
        await db.SaveChangesAsync(ct);
        TempData.Success($"已安排“{session.Title}”，应到{people.Count}人。会场可打开签到二维码供扫码签到。");
        return RedirectToPage("/Study/Sessions/Details", new { id = session.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习会", "/Study/Sessions"), new Breadcrumb(Id is null ? "安排学习会" : "修改学习会"));
        var scope = await guard.ScopeAsync(ct);
        Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).Where(c => c.Status != CampaignStatus.Ended)
            .OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
        if (Id is null && (CampaignId is not { } id || Campaigns.All(c => c.Id != id)))
        {
            CampaignId = Campaigns.Count == 1 ? Campaigns[0].Id : null;
        }

        if (CampaignId is { } campaignId)
        {
            var campaign = await access.FindAsync(campaignId, Permissions.CampaignsView, ct);
            Phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Order).ToListAsync(ct);
            Milestones = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == campaignId && m.RequiredCount != null)
                .OrderBy(m => m.Deadline).Select(m => new Option(m.Id, m.Title)).ToListAsync(ct);
            var scopePath = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
            Units = await OrgTree.ListAsync(db, new DataScope([scopePath]), withCounts: true, ct: ct);
        }
    }
}
