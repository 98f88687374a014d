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

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    [BindProperty]
    public Guid? PhaseId { get; set; }

    [BindProperty]
    public Guid? MilestoneId { get; set; }

    [BindProperty]
    public SessionKind Kind { get; set; } = SessionKind.CentralGroup;

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public DateOnly Date { get; set; }

    [BindProperty]
    public TimeOnly StartTime { get; set; } = new(9, 0);

    [BindProperty]
    public TimeOnly EndTime { get; set; } = new(11, 0);

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Speaker { get; set; }

    [BindProperty]
    public string? Agenda { get; set; }

    [BindProperty]
    public List<Guid> UnitIds { get; set; } = [];

    public List<Option> Campaigns { get; private set; } = [];

    public List<Phase> Phases { get; private set; } = [];

    public List<Option> Milestones { get; private set; } = [];

    public List<OrgTree.Node> Units { get; private set; } = [];

    /// <summary><c>?preset=mobilization</c> (the office's first-run guide): the campaign's 动员大会, for everyone in the campaign's scope.</summary>
    public async Task OnGetAsync(string? preset, CancellationToken ct)
    {
        Date = Platform.Web.ChinaTime.Today(clock);
        if (Id is { } id)
        {
            var s = await FindAsync(id, ct);
            var starts = ChinaTime.ToLocal(s.StartsAt);
            (CampaignId, PhaseId, MilestoneId, Kind, Title, Place, Speaker, Agenda, LoadedVersion) = (s.CampaignId, s.PhaseId, s.MilestoneId, s.Kind, s.Title, s.Place, s.Speaker, s.Agenda, s.Version);
            (Date, StartTime, EndTime) = (DateOnly.FromDateTime(starts), TimeOnly.FromDateTime(starts), TimeOnly.FromDateTime(ChinaTime.ToLocal(s.EndsAt)));
            await LoadAsync(ct);
            return;
        }

        await LoadAsync(ct);
        PhaseId = Phases.FirstOrDefault(p => p.Status == PhaseStatus.InProgress)?.Id ?? Phases.FirstOrDefault()?.Id;
        if (preset == "mobilization" && CampaignId is { } campaignId)
        {
            (Kind, Title, UnitIds) = (SessionKind.Collective, FirstRunGuide.MeetingWord, Units.Take(1).Select(u => u.Id).ToList());
            var planned = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == campaignId && m.Title.Contains(FirstRunGuide.MeetingWord))
                .OrderBy(m => m.Deadline).Select(m => new { m.PhaseId, m.Deadline }).FirstOrDefaultAsync(ct);
            if (planned is not null)
            {
                (PhaseId, Date) = (planned.PhaseId, planned.Deadline < Date ? Date : planned.Deadline);
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

        var phase = Phases.FirstOrDefault(p => p.Id == PhaseId);
        if (phase is null)
        {
            ModelState.AddModelError(nameof(PhaseId), "请选择所属环节。");
        }
        else if (Date < phase.StartsOn || Date > phase.EndsOn)
        {
            ModelState.AddModelError(nameof(Date), $"学习会日期须在“{phase.Name}”环节内（{phase.StartsOn:yyyy-MM-dd} 至 {phase.EndsOn:yyyy-MM-dd}）。");
        }

        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "请选择学习会类型。");
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写主题（不超过200字）。");
        }

        if (EndTime <= StartTime)
        {
            ModelState.AddModelError(nameof(EndTime), "结束时间须晚于开始时间。");
        }

        if (MilestoneId is { } m && Milestones.All(x => x.Id != m))
        {
            ModelState.AddModelError(nameof(MilestoneId), "所选节点不属于本活动。");
        }

        var chosen = Units.Where(u => UnitIds.Contains(u.Id)).ToList();
        if (chosen.Count == 0 && existing is null)
        {
            ModelState.AddModelError(nameof(UnitIds), "请至少选择一个参加单位。");
        }

        if ((Place?.Length ?? 0) > 200 || (Speaker?.Length ?? 0) > 100 || (Agenda?.Length ?? 0) > 4000)
        {
            ModelState.AddModelError("", "地点、主讲人或议程过长。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (existing is not null)
        {
            db.ExpectVersion(existing, LoadedVersion);
            var oldMilestone = existing.MilestoneId;
            (existing.PhaseId, existing.MilestoneId, existing.Kind, existing.Title) = (PhaseId, MilestoneId, Kind, Title.Trim());
            existing.StartsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(StartTime), ChinaTime.Zone);
            existing.EndsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(EndTime), ChinaTime.Zone);
            (existing.Place, existing.Speaker, existing.Agenda) = (Place?.Trim(), Speaker?.Trim(), Agenda?.Trim());
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

        var session = new StudySession
        {
            CampaignId = CampaignId.Value,
            PhaseId = PhaseId,
            MilestoneId = MilestoneId,
            Kind = Kind,
            Title = Title.Trim(),
            StartsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(StartTime), ChinaTime.Zone),
            EndsAt = TimeZoneInfo.ConvertTimeToUtc(Date.ToDateTime(EndTime), ChinaTime.Zone),
            Place = Place?.Trim(),
            Speaker = Speaker?.Trim(),
            Agenda = Agenda?.Trim(),
            SignInSecret = StudyService.NewSecret(),
        };
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
