using Dangjian.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Study; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<StudySession> StudySessions => Set<StudySession>();

    public DbSet<SessionAttendee> SessionAttendees => Set<SessionAttendee>();

    public DbSet<StudyNote> StudyNotes => Set<StudyNote>();

    public DbSet<StudyMaterial> StudyMaterials => Set<StudyMaterial>();

    public DbSet<MaterialCopy> MaterialCopies => Set<MaterialCopy>();

    public DbSet<StudyPlan> StudyPlans => Set<StudyPlan>();

    public DbSet<DiscussionTopic> DiscussionTopics => Set<DiscussionTopic>();

    public DbSet<DiscussionSpeaker> DiscussionSpeakers => Set<DiscussionSpeaker>();

    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Quiz> Quizzes => Set<Quiz>();

    public DbSet<QuizQuestion> QuizQuestions => Set<QuizQuestion>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<QuizAnswer> QuizAnswers => Set<QuizAnswer>();
}
