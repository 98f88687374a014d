using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>Study sessions, attendance, QR sign-in, reflections, quizzes and the study figures over <c>/api/v1/study</c>, scoped like the pages.</summary>
public static class StudyApi
{
    public sealed record SessionDto(Guid Id, Guid CampaignId, Guid? PhaseId, string Kind, string KindLabel, string Title, DateTime StartsAt, DateTime EndsAt, string? Place, string? Speaker);

    public sealed record AttendanceDto(Guid PersonId, string Name, string Status, DateTime? SignedInAt, string? SignInMethod, string? LeaveReason, bool LeaveRequested, bool MakeUpAssigned, bool MakeUpDone, bool Delivered);

    public sealed record AttendanceSheetDto(Guid SessionId, int Expected, int Present, int Leave, int Absent, double Rate, IReadOnlyList<AttendanceDto> People);

    public sealed record SignInRequest(string? Code);

    public sealed record NoteDto(Guid Id, Guid CampaignId, string Kind, string Title, string Author, DateTime CreatedAt, string? Mark, bool Checked, bool Exhibited);

    public sealed record NoteRequest(Guid CampaignId, string? Kind, string? Title, string? Body);

    public sealed record QuizDto(Guid Id, Guid CampaignId, string Title, DateTime OpensAt, DateTime ClosesAt, int TimeLimitMinutes, int MaxAttempts, int PassScore, bool Published, int? MyBestScore);

    public sealed record QuizResultDto(Guid PersonId, string Name, string Unit, int Attempts, int? BestScore, bool Passed, bool NeedsMarking);

    public static RouteGroupBuilder MapStudyApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var study = api.MapGroup("/study").WithTags("学习教育").RequirePermission(Permissions.StudyView);
        study.MapGet("/sessions", SessionsAsync).WithSummary("我能看到的活动的学习会（分页，可按活动筛选）");
        study.MapGet("/sessions/{id:guid}/attendance", AttendanceAsync).WithSummary("学习会考勤：办公室看全部，成员只看本人");
        study.MapPost("/sign-in", SignInAsync).WithSummary("用扫描到的签到码为本人签到");
        study.MapGet("/reflections", NotesAsync).WithSummary("本人的笔记与心得；all=true 时办公室看管理范围内全部");
        study.MapPost("/reflections", AddNoteAsync).WithSummary("提交一篇学习笔记、心得体会或学结");
        study.MapGet("/quizzes", QuizzesAsync).WithSummary("已发布的测试（办公室另见未发布的）及本人最好成绩");
        study.MapGet("/quizzes/{id:guid}/results", QuizResultsAsync).WithSummary("测试的个人成绩（办公室）");
        study.MapGet("/campaigns/{id:guid}/figures", FiguresAsync).WithSummary("活动（或某环节）学习教育的统计数字");
        return api;
    }

    private static SessionDto ToDto(StudySession s) => new(s.Id, s.CampaignId, s.PhaseId, s.Kind.ToString(), StudyLabels.Of(s.Kind), s.Title, s.StartsAt, s.EndsAt, s.Place, s.Speaker);

    private static async Task<Ok<Paged<SessionDto>>> SessionsAsync(AppDbContext db, StudyAccess access, Guid? campaignId, int? page, int? pageSize, CancellationToken ct)
    {
        var campaigns = (await access.CampaignsAsync(ct: ct)).Select(c => c.Id).ToList();
        if (campaignId is { } only)
        {
            campaigns = campaigns.Where(c => c == only).ToList();
        }

        var result = await db.StudySessions.AsNoTracking().Where(s => campaigns.Contains(s.CampaignId)).OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id)
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result.Select(ToDto));
    }

    private static async Task<Ok<AttendanceSheetDto>> AttendanceAsync(Guid id, AppDbContext db, StudyAccess access, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.StudySessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await access.ReadAsync(session.CampaignId, ct);
        var office = await access.CanEditCampaignAsync(campaign, ct);
        var person = await access.PersonIdAsync(ct);
        var rows = await db.SessionAttendees.AsNoTracking().Where(a => a.SessionId == id).Select(a => new { a, a.Person!.Name }).ToListAsync(ct);
        var counts = StudyService.CountsOf(rows.Select(r => r.a).ToList(), session.EndsAt < clock.GetUtcNow().UtcDateTime);
        var people = rows.Where(r => office || r.a.PersonId == person).OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new AttendanceDto(r.a.PersonId, r.Name, r.a.Status.ToString(), r.a.SignedInAt, r.a.SignInMethod, r.a.LeaveReason, r.a.LeaveRequestedAt != null, r.a.MakeUpAssignedAt != null, r.a.MakeUpDoneAt != null, r.a.DeliveredAt != null))
            .ToList();
        return TypedResults.Ok(new AttendanceSheetDto(id, counts.Expected, counts.Present, counts.Leave, counts.Absent, counts.Rate, people));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> SignInAsync(SignInRequest request, StudyService study, StudyAccess access, CancellationToken ct)
    {
        var (session, problem) = await study.ReadCodeAsync(request?.Code, ct);
        if (session is null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "签到失败");
        }

        await access.ReadAsync(session.CampaignId, ct);
        var (ok, message) = await study.SignInAsync(session, await access.PersonIdAsync(ct), ct);
        return ok ? TypedResults.Ok(ToDto(session)) : TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "签到失败");
    }

    private static async Task<Ok<Paged<NoteDto>>> NotesAsync(AppDbContext db, StudyAccess access, ScopeGuard guard, bool? all, int? page, int? pageSize, CancellationToken ct)
    {
        var notes = db.StudyNotes.AsNoTracking();
        if (all == true && access.CanEdit)
        {
            notes = notes.InScope(await guard.ScopeAsync(ct), n => n.Person!.OrgUnit!.Path);
        }
        else
        {
            var person = await access.PersonIdAsync(ct);
            notes = notes.Where(n => n.PersonId == person);
        }

        var result = await notes.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new NoteDto(n.Id, n.CampaignId, n.Kind.ToString(), n.Title, n.Person!.Name, n.CreatedAt, n.Mark == null ? null : n.Mark.ToString(), n.CheckedAt != null, n.ExhibitedAt != null))
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<NoteDto>, ValidationProblem>> AddNoteAsync(NoteRequest request, AppDbContext db, StudyAccess access, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var person = await access.PersonIdAsync(ct);
        if (person is null)
        {
            errors["person"] = ["您的账户没有关联人员，无法提交笔记。"];
        }

        if (request is null || (await access.CampaignsAsync(includeEnded: false, ct: ct)).All(c => c.Id != request.CampaignId))
        {
            errors["campaignId"] = ["请选择进行中的活动。"];
        }

        var kind = request?.Kind switch { "Note" => NoteKind.Note, null or "Reflection" => NoteKind.Reflection, "StudySummary" => NoteKind.StudySummary, _ => (NoteKind?)null };
        if (kind is null)
        {
            errors["kind"] = ["类别须是 Note（学习笔记）、Reflection（心得体会）或 StudySummary（学结）。"];
        }

        if (string.IsNullOrWhiteSpace(request?.Title) || request.Title.Trim().Length > StudyNote.TitleMax)
        {
            errors["title"] = ["请填写标题（不超过200字）。"];
        }

        if (string.IsNullOrWhiteSpace(request?.Body) || request.Body.Length > StudyNote.BodyMax)
        {
            errors["body"] = ["请填写正文（不超过2万字）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "提交的内容有误");
        }

        var note = new StudyNote { CampaignId = request!.CampaignId, PersonId = person!.Value, Kind = kind!.Value, Title = request.Title!.Trim(), Body = request.Body!.Trim() };
        db.StudyNotes.Add(note);
        await db.SaveChangesAsync(ct);
        var author = await db.People.Where(p => p.Id == person).Select(p => p.Name).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/study/reflections/{note.Id}", new NoteDto(note.Id, note.CampaignId, note.Kind.ToString(), note.Title, author, note.CreatedAt, null, false, false));
    }

    private static async Task<Ok<List<QuizDto>>> QuizzesAsync(AppDbContext db, StudyAccess access, CancellationToken ct)
    {
        var campaigns = (await access.CampaignsAsync(ct: ct)).Select(c => c.Id).ToList();
        var editable = access.CanEdit ? (await access.CampaignsAsync(forEditing: true, ct: ct)).Select(c => c.Id).ToList() : [];
        var person = await access.PersonIdAsync(ct);
        var items = await db.Quizzes.AsNoTracking().Where(q => campaigns.Contains(q.CampaignId) && (q.PublishedAt != null || editable.Contains(q.CampaignId)))
            .OrderByDescending(q => q.OpensAt).Take(200)
            .Select(q => new QuizDto(q.Id, q.CampaignId, q.Title, q.OpensAt, q.ClosesAt, q.TimeLimitMinutes, q.MaxAttempts, q.PassScore, q.PublishedAt != null,
                db.QuizAttempts.Where(a => a.QuizId == q.Id && a.PersonId == person && a.SubmittedAt != null).Max(a => a.Score)))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<Paged<QuizResultDto>>> QuizResultsAsync(Guid id, AppDbContext db, StudyAccess access, int? page, int? pageSize, CancellationToken ct)
    {
        var quiz = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await access.ReadAsync(quiz.CampaignId, ct);
        if (!await access.CanEditCampaignAsync(campaign, ct))
        {
            throw new ForbiddenException();
        }

        var result = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == id)
            .GroupBy(a => new { a.PersonId, a.Person!.Name, Unit = a.Person.OrgUnit!.Name })
            .Select(g => new { g.Key.PersonId, g.Key.Name, g.Key.Unit, Attempts = g.Count(), Best = g.Max(a => a.Score), NeedsMarking = g.Any(a => a.NeedsMarking && a.SubmittedAt != null) })
            .OrderBy(r => r.Unit).ThenBy(r => r.Name).ThenBy(r => r.PersonId)
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        var items = result.Items.Select(r => new QuizResultDto(r.PersonId, r.Name, r.Unit, r.Attempts, r.Best, r.Best >= quiz.PassScore, r.NeedsMarking)).ToList();
        return TypedResults.Ok(new Paged<QuizResultDto>(items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Ok<StudyFigures.Figures>> FiguresAsync(Guid id, Guid? phaseId, StudyAccess access, StudyFigures figures, CancellationToken ct)
    {
        await access.ReadAsync(id, ct);
        return TypedResults.Ok(await figures.ForCampaignAsync(id, phaseId, ct));
    }
}
