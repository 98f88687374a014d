using System.Linq.Expressions;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The one EF Core model of the application. Provider-neutral: nothing here may depend on SQLite or
/// PostgreSQL specifics, because the same model runs embedded and in production.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider? clock = null, IHttpContextAccessor? http = null, AuditKey? auditKey = null, FigureCache? figures = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly List<AuditEntry> notes = [];

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PersonUnitRole> PersonUnitRoles => Set<PersonUnitRole>();

    public DbSet<SupervisionLink> SupervisionLinks => Set<SupervisionLink>();

    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<Security.DataProtectionKeyRecord> DataProtectionKeys => Set<Security.DataProtectionKeyRecord>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();

    public DbSet<Phase> Phases => Set<Phase>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ApprovalDocument> ApprovalDocuments => Set<ApprovalDocument>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<SavedTemplate> SavedTemplates => Set<SavedTemplate>();

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

    public DbSet<Platform.Files.StoredFile> StoredFiles => Set<Platform.Files.StoredFile>();

    public DbSet<Features.Appraisals.Appraisal> Appraisals => Set<Features.Appraisals.Appraisal>();

    public DbSet<Features.Opinions.Opinion> Opinions => Set<Features.Opinions.Opinion>();

    public DbSet<Features.Opinions.Forum> Forums => Set<Features.Opinions.Forum>();

    public DbSet<Features.Opinions.SolicitationLetter> SolicitationLetters => Set<Features.Opinions.SolicitationLetter>();

    public DbSet<Features.Opinions.LetterRecipient> LetterRecipients => Set<Features.Opinions.LetterRecipient>();

    public DbSet<Features.Talks.Talk> Talks => Set<Features.Talks.Talk>();

    public DbSet<Features.Talks.TalkRequirement> TalkRequirements => Set<Features.Talks.TalkRequirement>();

    public DbSet<Features.Problems.Problem> Problems => Set<Features.Problems.Problem>();

    public DbSet<Features.Problems.ProblemOpinion> ProblemOpinions => Set<Features.Problems.ProblemOpinion>();

    public DbSet<Features.Rectification.RectificationItem> RectificationItems => Set<Features.Rectification.RectificationItem>();

    public DbSet<Features.Rules.Rule> Rules => Set<Features.Rules.Rule>();

    public DbSet<Features.Briefings.Briefing> Briefings => Set<Features.Briefings.Briefing>();

    public DbSet<Features.Reports.CampaignSummary> CampaignSummaries => Set<Features.Reports.CampaignSummary>();

    public DbSet<Features.Ledgers.AssessmentScheme> AssessmentSchemes => Set<Features.Ledgers.AssessmentScheme>();

    public DbSet<Features.Ledgers.Indicator> Indicators => Set<Features.Ledgers.Indicator>();

    public DbSet<Features.Ledgers.AssessmentPeriod> AssessmentPeriods => Set<Features.Ledgers.AssessmentPeriod>();

    public DbSet<Features.Ledgers.IndicatorScore> IndicatorScores => Set<Features.Ledgers.IndicatorScore>();

    public DbSet<Features.Rules.RuleReview> RuleReviews => Set<Features.Rules.RuleReview>();

    public DbSet<Features.Rules.RuleReviewDecision> RuleReviewDecisions => Set<Features.Rules.RuleReviewDecision>();

    public DbSet<Features.Rectification.ProgressReport> ProgressReports => Set<Features.Rectification.ProgressReport>();

    public DbSet<Features.Rectification.ItemEvent> ItemEvents => Set<Features.Rectification.ItemEvent>();

    public DbSet<Features.Problems.SelfInspection> SelfInspections => Set<Features.Problems.SelfInspection>();

    public DbSet<Features.Problems.SelfInspectionComment> SelfInspectionComments => Set<Features.Problems.SelfInspectionComment>();

    public DbSet<Features.Problems.SelfInspectionReview> SelfInspectionReviews => Set<Features.Problems.SelfInspectionReview>();

    public DbSet<Features.Meetings.LifeMeeting> LifeMeetings => Set<Features.Meetings.LifeMeeting>();

    public DbSet<Features.Meetings.MeetingAttendee> MeetingAttendees => Set<Features.Meetings.MeetingAttendee>();

    public DbSet<Features.Meetings.Criticism> Criticisms => Set<Features.Meetings.Criticism>();

    public DbSet<Features.Meetings.MemberAppraisal> MemberAppraisals => Set<Features.Meetings.MemberAppraisal>();

    public DbSet<Features.Ledgers.Ledger> Ledgers => Set<Features.Ledgers.Ledger>();

    public DbSet<Features.Ledgers.LedgerItem> LedgerItems => Set<Features.Ledgers.LedgerItem>();

    public DbSet<Features.Ledgers.MonthlyReport> MonthlyReports => Set<Features.Ledgers.MonthlyReport>();

    public DbSet<Features.Appraisals.AppraisalTarget> AppraisalTargets => Set<Features.Appraisals.AppraisalTarget>();

    public DbSet<Features.Appraisals.AppraisalVoter> AppraisalVoters => Set<Features.Appraisals.AppraisalVoter>();

    public DbSet<Features.Appraisals.AppraisalBallot> AppraisalBallots => Set<Features.Appraisals.AppraisalBallot>();

    public DbSet<Features.Appraisals.SealedBallot> SealedBallots => Set<Features.Appraisals.SealedBallot>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();

    /// <summary>The key of the audit hash chain (see <see cref="Audit.AuditKey"/>); null only in contexts made by hand in tests.</summary>
    public byte[]? AuditChainKey => auditKey?.Value;

    /// <summary>Who is saving, for deletion stamps; defaults to the signed-in user of the request.</summary>
    public Guid? CurrentUserId { get; set; }

    /// <summary>
    /// Adds an explicit audit entry (an export, a sensitive view, a permission change) that is written,
    /// chained, with the next save. Call <c>SaveChangesAsync</c> to write it even when nothing else changed.
    /// </summary>
    public void Audit(string action, string? objectType, string? objectId, string? summary, object? before = null, object? after = null, string outcome = AuditActions.Succeeded)
    {
        notes.Add(new AuditEntry
        {
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Summary = summary,
            Before = AuditRecorder.SerializeObject(before),
            After = AuditRecorder.SerializeObject(after),
            Outcome = outcome,
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        // Each entity is configured by the IEntityTypeConfiguration next to its class; this also adds the entities that
        // have no DbSet. The conventions below run after all of them, so they see every entity type.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(Entity).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            }

            if (typeof(ISoftDeletable).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasQueryFilter(NotDeleted(entity.ClrType));
                builder.Entity(entity.ClrType).HasIndex(nameof(ISoftDeletable.DeletedAt));
            }
        }
    }

    /// <summary>Synchronous saves go through the same audited path (used only where a caller cannot await).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Stamps, then writes the audit entries of this unit of work in the same transaction, chained after the
    /// last entry under a database-wide lock, so the log and the data never disagree.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CurrentUserId ??= AuditRecorder.ActorFrom(http?.HttpContext).UserId;
        Stamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = AuditRecorder.ActorFrom(http?.HttpContext);
        var entries = AuditRecorder.Collect(ChangeTracker, actor, now);
        var changed = figures is null ? [] : ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && figures.Watches(e.Metadata.ClrType))
            .Select(e => e.Metadata.ClrType).Distinct().ToList();
        foreach (var note in notes)
        {
            note.UserId ??= actor.UserId;
            note.UserName ??= actor.UserName;
            note.ClientAddress ??= actor.Address;
            note.OccurredAt = now;
            entries.Add(note);
        }

        if (entries.Count == 0)
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (figures is not null)
            {
                await figures.ChangedAsync(changed);
            }

            return written;
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditRecorder.ChainAsync(this, entries, cancellationToken);
            AuditEntries.AddRange(entries);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            notes.Clear();
            if (figures is not null)
            {
                await figures.ChangedAsync(changed);
            }

            return saved;
        }
        catch
        {
            foreach (var entry in entries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>
    /// Sets creation/update stamps, rolls the concurrency version of every changed record, and turns a
    /// delete of a soft-deletable record into a deletion stamp.
    /// </summary>
    private void Stamp()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable deletable)
            {
                entry.State = EntityState.Modified;
                deletable.DeletedAt = now;
                deletable.DeletedById = CurrentUserId;
            }

            if (entry.Entity is not Entity record)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (record.CreatedAt == default)
                    {
                        record.CreatedAt = now;
                    }

                    record.UpdatedAt = record.CreatedAt;
                    break;
                case EntityState.Modified:
                    record.UpdatedAt = now;
                    record.Version = Guid.NewGuid();
                    break;
            }
        }
    }

    private static LambdaExpression NotDeleted(Type type)
    {
        var parameter = Expression.Parameter(type, "x");
        var deletedAt = Expression.Property(parameter, nameof(ISoftDeletable.DeletedAt));
        return Expression.Lambda(Expression.Equal(deletedAt, Expression.Constant(null, typeof(DateTime?))), parameter);
    }
}
