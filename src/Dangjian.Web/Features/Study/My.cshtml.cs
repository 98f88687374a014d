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

        var from = Now.AddDays(-14);
        Sessions = await db.SessionAttendees.AsNoTracking().Where(a => a.PersonId == person)
            .Join(db.StudySessions.Where(s => s.EndsAt >= from), a => a.SessionId, s => s.Id, (a, s) => new SessionRow(s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Place, a))
            .OrderBy(r => r.StartsAt).Take(20).ToListAsync(ct);
        Readings = await db.MaterialCopies.AsNoTracking().Where(c => c.PersonId == person)
            .Join(db.StudyMaterials, c => c.MaterialId, m => m.Id, (c, m) => new ReadingRow(m.Id, m.Title, m.Kind, c.ReadAt))
            .OrderBy(r => r.ReadAt != null).ThenBy(r => r.Kind).Take(20).ToListAsync(ct);
        var scope = await guard.ScopeAsync(ct);
        var campaigns = db.Campaigns.InScopeOrAbove(scope, c => c.ScopeUnit!.Path).Select(c => c.Id);
        var now = Now;
        Quizzes = await db.Quizzes.AsNoTracking().Where(q => campaigns.Contains(q.CampaignId) && q.PublishedAt != null && q.OpensAt <= now && q.ClosesAt > now)
            .OrderBy(q => q.ClosesAt)
            .Select(q => new QuizRow(q.Id, q.Title, q.ClosesAt, db.QuizAttempts.Count(a => a.QuizId == q.Id && a.PersonId == person), q.MaxAttempts,
                db.QuizAttempts.Where(a => a.QuizId == q.Id && a.PersonId == person && a.SubmittedAt != null).Max(a => a.Score)))
            .Take(20).ToListAsync(ct);
        Speeches = await db.DiscussionSpeakers.AsNoTracking().Where(s => s.PersonId == person)
            .Join(db.DiscussionTopics, s => s.TopicId, t => t.Id, (s, t) => new SpeechRow(t.Id, t.Title, s.RecordedAt != null))
            .Take(20).ToListAsync(ct);
        Notes = await db.StudyNotes.CountAsync(n => n.PersonId == person, ct);
        NotesChecked = await db.StudyNotes.CountAsync(n => n.PersonId == person && n.CheckedAt != null, ct);
    }
}
