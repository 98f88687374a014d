using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// The study phase in numbers, computed from the records — the one place reports take "组织集体学习9次; 检查学习笔记2次;
/// 撰写心得体会13篇" from. A fixed number of grouped queries whatever the campaign's size.
/// </summary>
public sealed class StudyFigures(AppDbContext db, TimeProvider clock)
{
    public sealed record KindCount(SessionKind Kind, string Label, int Held, int Planned);

    public sealed record Figures(
        IReadOnlyList<KindCount> SessionsByKind,
        int SessionsHeld,
        int SessionsPlanned,
        int ExpectedAttendances,
        int Present,
        int Leave,
        int Absent,
        int MakeUpAssigned,
        int MakeUpDone,
        int Delivered,
        int Notes,
        int Reflections,
        int StudySummaries,
        int NotesChecked,
        int NoteCheckRounds,
        int Exhibited,
        int Materials,
        int CopiesDistributed,
        int CopiesRead,
        int Quizzes,
        int QuizTakers,
        double? AverageScore,
        int Passed,
        int DiscussionTopics,
        int Speeches,
        int PlansApproved)
    {
        /// <summary>实到 ÷ 应到 over sessions already held, in percent.</summary>
        public double AttendanceRate { get; init; }
    }

    /// <param name="Hours">学时 earned: the hours of the sessions attended or made up (补学).</param>
    public sealed record UnitAttendance(Guid UnitId, string Unit, string Path, int Expected, int Present, int Leave, int Absent, int MakeUpDone, double Hours)
    {
        public double Rate => Expected == 0 ? 0 : Math.Round(100.0 * Present / Expected, 1);
    }

    /// <param name="Hours">学时 earned: the hours of the sessions attended or made up (补学).</param>
    public sealed record PersonAttendance(Guid PersonId, string Name, string Unit, int Expected, int Present, int Leave, int Absent, int MakeUpDone, double Hours)
    {
        public double Rate => Expected == 0 ? 0 : Math.Round(100.0 * Present / Expected, 1);
    }

    /// <summary>The figures of one campaign, or of one of its phases (sessions, notes and quizzes dated inside it).</summary>
    public async Task<Figures> ForCampaignAsync(Guid campaignId, Guid? phaseId = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? from = null, to = null;
        if (phaseId is { } pid)
        {
            var phase = await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid && p.CampaignId == campaignId, ct) ?? throw new NotFoundException();
            from = TimeZoneInfo.ConvertTimeToUtc(phase.StartsOn.ToDateTime(TimeOnly.MinValue), Platform.Web.ChinaTime.Zone);
            to = TimeZoneInfo.ConvertTimeToUtc(phase.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue), Platform.Web.ChinaTime.Zone);
        }

        var sessions = db.StudySessions.Where(s => s.CampaignId == campaignId && (phaseId == null || s.PhaseId == phaseId));
        var kinds = await sessions.GroupBy(s => s.Kind)
            .Select(g => new { Kind = g.Key, Planned = g.Count(), Held = g.Count(s => s.EndsAt <= now) }).ToListAsync(ct);
        // From the campaign's sessions to their attendees (a join the attendee index serves), never a scan of every attendee.
        var attendance = await (from s in sessions
                                where s.EndsAt <= now
                                join a in db.SessionAttendees on s.Id equals a.SessionId
                                select a)
            .GroupBy(a => 1)
            .Select(g => new
            {
                Expected = g.Count(),
                Present = g.Count(a => a.Status == AttendanceStatus.Present),
                Leave = g.Count(a => a.Status == AttendanceStatus.Leave),
                Absent = g.Count(a => a.Status == AttendanceStatus.Expected && a.DeliveredAt == null),
                MakeUpAssigned = g.Count(a => a.MakeUpAssignedAt != null),
                MakeUpDone = g.Count(a => a.MakeUpDoneAt != null),
                Delivered = g.Count(a => a.DeliveredAt != null),
            }).SingleOrDefaultAsync(ct);
        var notes = await db.StudyNotes.Where(n => n.CampaignId == campaignId && (from == null || (n.CreatedAt >= from && n.CreatedAt < to)))
            .GroupBy(n => 1)
            .Select(g => new
            {
                Notes = g.Count(n => n.Kind == NoteKind.Note),
                Reflections = g.Count(n => n.Kind == NoteKind.Reflection),
                StudySummaries = g.Count(n => n.Kind == NoteKind.StudySummary),
                Checked = g.Count(n => n.CheckedAt != null),
                Exhibited = g.Count(n => n.ExhibitedAt != null),
            }).SingleOrDefaultAsync(ct);
        // 检查学习笔记N次: a round is a day on which the office checked notes (China days: UTC+8, no daylight saving).
        var checkRounds = await db.StudyNotes.Where(n => n.CampaignId == campaignId && n.CheckedAt != null && (from == null || (n.CreatedAt >= from && n.CreatedAt < to)))
            .Select(n => n.CheckedAt!.Value.AddHours(8).Date).Distinct().CountAsync(ct);
        var materials = await db.StudyMaterials.CountAsync(m => m.CampaignId == campaignId, ct);
        var copies = await db.MaterialCopies.Where(c => db.StudyMaterials.Any(m => m.Id == c.MaterialId && m.CampaignId == campaignId))
            .GroupBy(c => 1).Select(g => new { Distributed = g.Count(), Read = g.Count(c => c.ReadAt != null) }).SingleOrDefaultAsync(ct);
        var quizzes = db.Quizzes.Where(q => q.CampaignId == campaignId && q.PublishedAt != null && (from == null || (q.OpensAt >= from && q.OpensAt < to)));
        var quizCount = await quizzes.CountAsync(ct);
        var best = await db.QuizAttempts.Where(a => quizzes.Any(q => q.Id == a.QuizId) && a.SubmittedAt != null)
            .GroupBy(a => new { a.QuizId, a.PersonId })
            .Select(g => new { g.Key.QuizId, Best = g.Max(a => a.Score) })
            .ToListAsync(ct);
        var passScores = await quizzes.Select(q => new { q.Id, q.PassScore }).ToDictionaryAsync(q => q.Id, q => q.PassScore, ct);
        var scored = best.Where(b => b.Best is not null).ToList();
        var topics = db.DiscussionTopics.Where(t => t.CampaignId == campaignId);
        var topicCount = await topics.CountAsync(ct);
        var speeches = await db.DiscussionSpeakers.CountAsync(s => topics.Any(t => t.Id == s.TopicId) && s.RecordedAt != null, ct);
        var plans = await db.StudyPlans.CountAsync(p => p.CampaignId == campaignId && db.ApprovalDocuments.Any(d => d.Id == p.DocumentId && d.Status == Campaigns.DocumentStatus.Approved), ct);

        var byKind = Enum.GetValues<SessionKind>()
            .Select(k => new KindCount(k, StudyLabels.Of(k), kinds.FirstOrDefault(x => x.Kind == k)?.Held ?? 0, kinds.FirstOrDefault(x => x.Kind == k)?.Planned ?? 0))
            .ToList();
        var expected = attendance?.Expected ?? 0;
        var present = attendance?.Present ?? 0;
        return new Figures(
            byKind,
            byKind.Sum(k => k.Held),
            byKind.Sum(k => k.Planned),
            expected,
            present,
            attendance?.Leave ?? 0,
            attendance?.Absent ?? 0,
            attendance?.MakeUpAssigned ?? 0,
            attendance?.MakeUpDone ?? 0,
            attendance?.Delivered ?? 0,
            notes?.Notes ?? 0,
            notes?.Reflections ?? 0,
            notes?.StudySummaries ?? 0,
            notes?.Checked ?? 0,
            checkRounds,
            notes?.Exhibited ?? 0,
            materials,
            copies?.Distributed ?? 0,
            copies?.Read ?? 0,
            quizCount,
            best.Count,
            scored.Count == 0 ? null : Math.Round(scored.Average(b => b.Best!.Value), 1),
            scored.Count(b => b.Best >= passScores[b.QuizId]),
            topicCount,
            speeches,
            plans)
        {
            AttendanceRate = expected == 0 ? 0 : Math.Round(100.0 * present / expected, 1),
        };
    }

    /// <summary>Attendance of a campaign's held sessions per unit (the attendee's own unit).</summary>
    public async Task<List<UnitAttendance>> AttendanceByUnitAsync(Guid campaignId, CancellationToken ct = default)
    {
        var rows = await HeldAttendees(campaignId)
            .GroupBy(x => new { x.Attendee.Person!.OrgUnitId, x.Attendee.Person.OrgUnit!.Name, x.Attendee.Person.OrgUnit.Path })
            .Select(g => new UnitAttendance(
                g.Key.OrgUnitId,
                g.Key.Name,
                g.Key.Path,
                g.Count(),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Present),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Leave),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Expected && x.Attendee.DeliveredAt == null),
                g.Count(x => x.Attendee.MakeUpDoneAt != null),
                g.Sum(x => x.Attendee.Status == AttendanceStatus.Present || x.Attendee.MakeUpDoneAt != null ? x.Hours : 0)))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Attendance of a campaign's held sessions per person, those with absences first.</summary>
    public async Task<IReadOnlyList<PersonAttendance>> AttendanceByPersonAsync(Guid campaignId, CancellationToken ct = default)
    {
        var rows = await HeldAttendees(campaignId)
            .GroupBy(x => new { x.Attendee.PersonId, x.Attendee.Person!.Name, Unit = x.Attendee.Person.OrgUnit!.Name })
            .Select(g => new PersonAttendance(
                g.Key.PersonId,
                g.Key.Name,
                g.Key.Unit,
                g.Count(),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Present),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Leave),
                g.Count(x => x.Attendee.Status == AttendanceStatus.Expected && x.Attendee.DeliveredAt == null),
                g.Count(x => x.Attendee.MakeUpDoneAt != null),
                g.Sum(x => x.Attendee.Status == AttendanceStatus.Present || x.Attendee.MakeUpDoneAt != null ? x.Hours : 0)))
            .ToListAsync(ct);
        return rows.OrderByDescending(p => p.Absent).ThenBy(p => p.Unit, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.PersonId).ToList();
    }

    /// <summary>Who was expected at the campaign's sessions held so far (joined from the sessions, which the attendee index serves).</summary>
    private IQueryable<HeldAttendee> HeldAttendees(Guid campaignId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return from s in db.StudySessions
               where s.CampaignId == campaignId && s.EndsAt <= now
               join a in db.SessionAttendees on s.Id equals a.SessionId
               select new HeldAttendee { Attendee = a, Hours = s.Hours };
    }

    /// <summary>An attendee of a held session with the session's 学时.</summary>
    private sealed class HeldAttendee
    {
        public required SessionAttendee Attendee { get; init; }

        public double Hours { get; init; }
    }
}
