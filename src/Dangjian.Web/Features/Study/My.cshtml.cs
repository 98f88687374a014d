using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>我的学习 — the member's page, made for a phone: my sessions, readings, quizzes open now, reflections, and speeches.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class MyModel(AppDbContext db, StudyAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record SessionRow(Guid Id, string Title, SessionKind Kind, DateTime StartsAt, DateTime EndsAt, string? Place, SessionAttendee Attendance);

    public sealed record ReadingRow(Guid MaterialId, string Title, MaterialKind Kind, DateTime? ReadAt);

    public sealed record QuizRow(Guid Id, string Title, DateTime ClosesAt, int Attempts, int MaxAttempts, int? Best);

    public sealed record SpeechRow(Guid TopicId, string Title, bool Recorded);

    public List<SessionRow> Sessions { get; private set; } = [];

    public List<ReadingRow> Readings { get; private set; } = [];

    public List<QuizRow> Quizzes { get; private set; } = [];

    public List<SpeechRow> Speeches { get; private set; } = [];

    public int Notes { get; private set; }

    public int NotesChecked { get; private set; }

    public bool HasPerson { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("我的学习"));
        Now = clock.GetUtcNow().UtcDateTime;
        var person = await access.PersonIdAsync(ct);
        HasPerson = person is not null;
        if (person is null)
        {
            return;
        }

        var since = Now.AddDays(-14);
        var sessions = await (from a in db.SessionAttendees.AsNoTracking()
                              where a.PersonId == person
                              join s in db.StudySessions on a.SessionId equals s.Id
                              where s.EndsAt >= since || (a.MakeUpAssignedAt != null && a.MakeUpDoneAt == null)
                              orderby s.StartsAt
                              select new { s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Place, Attendance = a }).Take(20).ToListAsync(ct);
        Sessions = sessions.Select(x => new SessionRow(x.Id, x.Title, x.Kind, x.StartsAt, x.EndsAt, x.Place, x.Attendance)).ToList();
        var readings = await (from c in db.MaterialCopies.AsNoTracking()
                              where c.PersonId == person
                              join m in db.StudyMaterials on c.MaterialId equals m.Id
                              orderby c.ReadAt != null, m.Kind, m.Title
                              select new { m.Id, m.Title, m.Kind, c.ReadAt }).Take(20).ToListAsync(ct);
        Readings = readings.Select(x => new ReadingRow(x.Id, x.Title, x.Kind, x.ReadAt)).ToList();
        var scope = await guard.ScopeAsync(ct);
        var campaigns = db.Campaigns.InScopeOrAbove(scope, c => c.ScopeUnit!.Path).Select(c => c.Id);
        var now = Now;
        Quizzes = await db.Quizzes.AsNoTracking().Where(q => campaigns.Contains(q.CampaignId) && q.PublishedAt != null && q.OpensAt <= now && q.ClosesAt > now)
            .OrderBy(q => q.ClosesAt)
            .Select(q => new QuizRow(q.Id, q.Title, q.ClosesAt, db.QuizAttempts.Count(a => a.QuizId == q.Id && a.PersonId == person), q.MaxAttempts,
                db.QuizAttempts.Where(a => a.QuizId == q.Id && a.PersonId == person && a.SubmittedAt != null).Max(a => a.Score)))
            .Take(20).ToListAsync(ct);
        Speeches = await db.DiscussionSpeakers.AsNoTracking().Where(s => s.PersonId == person)
            .Join(db.DiscussionTopics, s => s.TopicId, t => t.Id, (s, t) => new { Row = new SpeechRow(t.Id, t.Title, s.RecordedAt != null), t.CreatedAt })
            .OrderByDescending(x => x.CreatedAt).Select(x => x.Row).Take(20).ToListAsync(ct);
        Notes = await db.StudyNotes.CountAsync(n => n.PersonId == person, ct);
        NotesChecked = await db.StudyNotes.CountAsync(n => n.PersonId == person && n.CheckedAt != null, ct);
    }
}
