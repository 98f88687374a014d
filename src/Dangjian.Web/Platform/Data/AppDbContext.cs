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

        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasIndex(u => u.PersonId);
        });
        builder.Entity<AppRole>().Property(r => r.DisplayName).HasMaxLength(100);

        builder.Entity<PasswordHistoryEntry>(b =>
        {
            b.ToTable("PasswordHistory");
            b.HasIndex(h => new { h.UserId, h.CreatedAt });
            b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiToken>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.Prefix).HasMaxLength(16);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SecurityEvent>(b =>
        {
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.ClientHash).HasMaxLength(64);
            b.Property(e => e.Detail).HasMaxLength(1000);
            b.HasIndex(e => e.OccurredAt);
            b.HasIndex(e => new { e.Kind, e.OccurredAt });
        });

        builder.Entity<OrgUnit>(b =>
        {
            b.Property(u => u.Name).HasMaxLength(100);
            b.Property(u => u.Code).HasMaxLength(50);
            b.Property(u => u.Path).HasMaxLength(800);
            b.HasIndex(u => u.Code).IsUnique();
            b.HasIndex(u => u.Path);
            b.HasIndex(u => new { u.ParentId, u.SortOrder });
            b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(u => u.MergedIntoId);
        });

        builder.Entity<Person>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(50);
            b.Property(p => p.Title).HasMaxLength(100);
            b.HasIndex(p => new { p.OrgUnitId, p.Name });
            b.HasIndex(p => p.PartyStatus);
            b.HasOne(p => p.OrgUnit).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.Property(p => p.IdNumberCipher).HasMaxLength(1000);
            b.Property(p => p.IdNumberMasked).HasMaxLength(24);
            b.Property(p => p.IdNumberHash).HasMaxLength(64);
            b.Property(p => p.PhoneCipher).HasMaxLength(1000);
            b.Property(p => p.PhoneMasked).HasMaxLength(24);
            b.HasIndex(p => p.IdNumberHash).IsUnique();
            b.HasIndex(p => p.Name);
        });

        builder.Entity<PersonUnitRole>(b =>
        {
            b.Property(r => r.Title).HasMaxLength(100);
            b.HasIndex(r => new { r.PersonId, r.OrgUnitId, r.Title }).IsUnique();
            b.HasIndex(r => r.OrgUnitId);
            b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(r => r.Person!.DeletedAt == null);
            b.HasOne(r => r.OrgUnit).WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SupervisionLink>(b =>
        {
            b.HasIndex(l => new { l.SupervisorUnitId, l.SupervisedUnitId }).IsUnique();
            b.HasIndex(l => l.SupervisedUnitId);
            b.HasOne(l => l.SupervisorUnit).WithMany().HasForeignKey(l => l.SupervisorUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(l => l.SupervisedUnit).WithMany().HasForeignKey(l => l.SupervisedUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.ClientAddress).HasMaxLength(64);
            b.Property(e => e.Action).HasMaxLength(64);
            b.Property(e => e.ObjectType).HasMaxLength(64);
            b.Property(e => e.ObjectId).HasMaxLength(64);
            b.Property(e => e.Summary).HasMaxLength(1000);
            b.Property(e => e.Before).HasMaxLength(20000);
            b.Property(e => e.After).HasMaxLength(20000);
            b.Property(e => e.Outcome).HasMaxLength(8);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasIndex(e => e.Sequence).IsUnique();
            b.HasIndex(e => e.OccurredAt);
            b.HasIndex(e => new { e.UserName, e.OccurredAt });
            b.HasIndex(e => new { e.Action, e.OccurredAt });
            b.HasIndex(e => new { e.ObjectType, e.ObjectId });
        });

        builder.Entity<Security.DataProtectionKeyRecord>(b =>
        {
            b.Property(k => k.FriendlyName).HasMaxLength(200);
            b.Property(k => k.Xml).HasMaxLength(20000);
        });

        builder.Entity<AppSecret>(b =>
        {
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.ProtectedValue).HasMaxLength(2000);
        });

        builder.Entity<Campaign>(b =>
        {
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Theme).HasMaxLength(500);
            b.Property(c => c.TemplateKey).HasMaxLength(50);
            b.HasIndex(c => new { c.ScopeUnitId, c.StartsOn });
            b.HasIndex(c => c.Status);
            b.HasOne(c => c.ScopeUnit).WithMany().HasForeignKey(c => c.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CampaignMember>(b =>
        {
            b.Property(m => m.Title).HasMaxLength(50);
            b.HasIndex(m => new { m.CampaignId, m.PersonId, m.Group }).IsUnique();
            b.HasIndex(m => m.PersonId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(m => m.Person!.DeletedAt == null);
        });

        builder.Entity<Phase>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(100);
            b.HasIndex(p => new { p.CampaignId, p.Order }).IsUnique();
            b.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Milestone>(b =>
        {
            b.Property(m => m.Title).HasMaxLength(200);
            b.Property(m => m.Evidence).HasMaxLength(2000);
            b.HasIndex(m => new { m.CampaignId, m.Deadline });
            b.HasIndex(m => new { m.Status, m.Deadline });
            b.HasIndex(m => m.PhaseId);
            b.HasIndex(m => m.OwnerPersonId);
            b.HasIndex(m => m.OwnerUnitId);
            b.HasOne<Phase>().WithMany().HasForeignKey(m => m.PhaseId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(m => m.OwnerPerson).WithMany().HasForeignKey(m => m.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(m => m.OwnerUnit).WithMany().HasForeignKey(m => m.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ApprovalDocument>(b =>
        {
            b.Property(d => d.Title).HasMaxLength(200);
            b.HasIndex(d => new { d.CampaignId, d.Status });
            b.HasIndex(d => d.PhaseId);
            b.HasIndex(d => new { d.CampaignId, d.Kind, d.UnitId });
            b.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentVersion>(b =>
        {
            b.Property(v => v.Body).HasMaxLength(100000);
            b.Property(v => v.AuthorName).HasMaxLength(100);
            b.Property(v => v.DecidedByName).HasMaxLength(100);
            b.Property(v => v.Comment).HasMaxLength(4000);
            b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SavedTemplate>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.Definition).HasMaxLength(100000);
            b.HasIndex(t => t.OwnerUnitId);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StudySession>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Speaker).HasMaxLength(100);
            b.Property(x => x.Agenda).HasMaxLength(4000);
            b.Property(x => x.Minutes).HasMaxLength(20000);
            b.Property(x => x.SignInSecret).HasMaxLength(64);
            b.HasIndex(x => new { x.CampaignId, x.StartsAt });
            b.HasIndex(x => x.MilestoneId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SessionAttendee>(b =>
        {
            b.Property(x => x.SignInMethod).HasMaxLength(10);
            b.Property(x => x.LeaveReason).HasMaxLength(500);
            b.Property(x => x.MakeUpNote).HasMaxLength(1000);
            b.Property(x => x.LeaveRefusal).HasMaxLength(500);
            b.HasIndex(x => new { x.SessionId, x.PersonId }).IsUnique();
            b.HasIndex(x => new { x.PersonId, x.Status });
            b.HasOne<StudySession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(x => x.Person!.DeletedAt == null);
        });

        builder.Entity<StudyNote>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Body).HasMaxLength(20000);
            b.Property(x => x.CheckedByName).HasMaxLength(100);
            b.Property(x => x.CheckComment).HasMaxLength(2000);
            b.HasIndex(x => new { x.CampaignId, x.Kind });
            b.HasIndex(x => x.PersonId);
            b.HasIndex(x => x.ExhibitedAt);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StudyMaterial>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Publisher).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.HasIndex(x => x.CampaignId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MaterialCopy>(b =>
        {
            b.HasIndex(x => new { x.MaterialId, x.PersonId }).IsUnique();
            b.HasIndex(x => x.PersonId);
            b.HasOne<StudyMaterial>().WithMany().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(x => x.Person!.DeletedAt == null);
        });

        builder.Entity<StudyPlan>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Audience).HasMaxLength(2000);
            b.Property(x => x.Topics).HasMaxLength(4000);
            b.Property(x => x.ReadingIds).HasMaxLength(2000);
            b.Property(x => x.Outcome).HasMaxLength(2000);
            b.Property(x => x.Responsible).HasMaxLength(200);
            b.HasIndex(x => x.CampaignId);
            b.HasIndex(x => x.DocumentId).IsUnique();
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DiscussionTopic>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.HasIndex(x => x.CampaignId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<StudySession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<DiscussionSpeaker>(b =>
        {
            b.Property(x => x.Record).HasMaxLength(4000);
            b.HasIndex(x => new { x.TopicId, x.PersonId }).IsUnique();
            b.HasOne<DiscussionTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(x => x.Person!.DeletedAt == null);
        });

        builder.Entity<Question>(b =>
        {
            b.Property(x => x.Category).HasMaxLength(50);
            b.Property(x => x.Stem).HasMaxLength(2000);
            b.Property(x => x.Options).HasMaxLength(4000);
            b.Property(x => x.Answer).HasMaxLength(4000);
            b.Property(x => x.Explanation).HasMaxLength(2000);
            b.HasIndex(x => new { x.OwnerUnitId, x.Type });
            b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Quiz>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.HasIndex(x => new { x.CampaignId, x.OpensAt });
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<QuizQuestion>(b =>
        {
            b.Property(x => x.Stem).HasMaxLength(2000);
            b.Property(x => x.Options).HasMaxLength(4000);
            b.Property(x => x.Answer).HasMaxLength(4000);
            b.Property(x => x.Explanation).HasMaxLength(2000);
            b.HasIndex(x => new { x.QuizId, x.Order });
            b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<QuizAttempt>(b =>
        {
            b.Property(x => x.QuestionOrder).HasMaxLength(8000);
            b.Property(x => x.MarkedByName).HasMaxLength(100);
            b.HasIndex(x => new { x.QuizId, x.PersonId, x.Number }).IsUnique();
            b.HasIndex(x => x.PersonId);
            b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(x => x.Person!.DeletedAt == null);
        });

        builder.Entity<QuizAnswer>(b =>
        {
            b.Property(x => x.Response).HasMaxLength(4000);
            b.HasIndex(x => new { x.AttemptId, x.QuizQuestionId }).IsUnique();
            b.HasOne<QuizAttempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<QuizQuestion>().WithMany().HasForeignKey(x => x.QuizQuestionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Platform.Files.StoredFile>(b =>
        {
            b.Property(x => x.OwnerType).HasMaxLength(40);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.ContentType).HasMaxLength(120);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.StorageKey).HasMaxLength(100);
            b.HasIndex(x => new { x.OwnerType, x.OwnerId });
        });

        builder.Entity<Features.Appraisals.Appraisal>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Instructions).HasMaxLength(2000);
            b.Property(x => x.TokenSecret).HasMaxLength(64);
            b.HasIndex(x => x.CampaignId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Appraisals.AppraisalTarget>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(100);
            b.HasIndex(x => new { x.AppraisalId, x.Order }).IsUnique();
            b.HasOne<Features.Appraisals.Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Appraisals.AppraisalVoter>(b =>
        {
            b.Property(x => x.Label).HasMaxLength(100);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => new { x.AppraisalId, x.PersonId });
            b.HasOne<Features.Appraisals.Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Appraisals.AppraisalBallot>(b =>
        {
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Grades).HasMaxLength(2000);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.HasIndex(x => new { x.AppraisalId, x.Filled, x.Id });
            b.HasOne<Features.Appraisals.Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Appraisals.SealedBallot>(b =>
        {
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => x.AppraisalId);
            b.HasOne<Features.Appraisals.Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Opinions.Opinion>(b =>
        {
            b.HasIndex(x => x.LetterRecipientId);
            b.HasOne<Features.Opinions.LetterRecipient>().WithMany().HasForeignKey(x => x.LetterRecipientId).OnDelete(DeleteBehavior.Restrict);
            b.Property(x => x.Text).HasMaxLength(4000);
            b.Property(x => x.Concerns).HasMaxLength(100);
            b.Property(x => x.SubmitterName).HasMaxLength(50);
            b.Property(x => x.SubmitterContact).HasMaxLength(100);
            b.Property(x => x.TrackingHash).HasMaxLength(64);
            b.Property(x => x.Reply).HasMaxLength(4000);
            b.Property(x => x.Note).HasMaxLength(4000);
            b.HasIndex(x => new { x.CampaignId, x.Channel });
            // 意见汇总 lists a campaign's opinions newest first, often of one nature: a page at a time in index order.
            b.HasIndex(x => new { x.CampaignId, x.ReceivedOn, x.CreatedAt, x.Id });
            b.HasIndex(x => new { x.CampaignId, x.Nature, x.ReceivedOn, x.CreatedAt, x.Id });
            b.HasIndex(x => x.TrackingHash).IsUnique();
            b.HasIndex(x => x.ForumId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Features.Opinions.Forum>().WithMany().HasForeignKey(x => x.ForumId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Opinions.SolicitationLetter>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Body).HasMaxLength(10000);
            b.Property(x => x.Questions).HasMaxLength(4000);
            b.Property(x => x.TokenSecret).HasMaxLength(64);
            b.HasIndex(x => x.CampaignId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Opinions.LetterRecipient>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.Property(x => x.ReturnedVia).HasMaxLength(10);
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => new { x.LetterId, x.Name });
            b.HasOne<Features.Opinions.SolicitationLetter>().WithMany().HasForeignKey(x => x.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Opinions.Forum>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Groups).HasMaxLength(500);
            b.Property(x => x.Notes).HasMaxLength(20000);
            b.HasIndex(x => new { x.CampaignId, x.HostPersonId });
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.HostPerson).WithMany().HasForeignKey(x => x.HostPersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Talks.TalkRequirement>(b =>
        {
            b.Property(x => x.PairKey).HasMaxLength(80);
            b.Property(x => x.Reason).HasMaxLength(200);
            b.HasIndex(x => new { x.CampaignId, x.PairKey }).IsUnique();
            b.HasIndex(x => new { x.CampaignId, x.Kind });
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.PersonA).WithMany().HasForeignKey(x => x.PersonAId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.PersonB).WithMany().HasForeignKey(x => x.PersonBId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Talks.Talk>(b =>
        {
            b.Property(x => x.PairKey).HasMaxLength(80);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Topics).HasMaxLength(1000);
            b.Property(x => x.Raised).HasMaxLength(10000);
            b.Property(x => x.AdmonitionText).HasMaxLength(2000);
            b.HasIndex(x => new { x.CampaignId, x.PairKey });
            b.HasIndex(x => new { x.CampaignId, x.HeldOn });
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Initiator).WithMany().HasForeignKey(x => x.InitiatorId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Problems.Problem>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(4000);
            b.Property(x => x.Concerns).HasMaxLength(100);
            b.HasIndex(x => new { x.CampaignId, x.Category });
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Problems.ProblemOpinion>(b =>
        {
            b.HasIndex(x => new { x.ProblemId, x.OpinionId }).IsUnique();
            b.HasIndex(x => x.OpinionId);
            b.HasOne<Features.Problems.Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Features.Opinions.Opinion>().WithMany().HasForeignKey(x => x.OpinionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Rectification.RectificationItem>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Goal).HasMaxLength(2000);
            b.Property(x => x.Measures).HasMaxLength(4000);
            b.Property(x => x.Commitment).HasMaxLength(1000);
            b.Property(x => x.Special).HasMaxLength(100);
            b.Property(x => x.RuleReference).HasMaxLength(200);
            b.HasIndex(x => new { x.CampaignId, x.ParentId });
            b.HasIndex(x => new { x.CampaignId, x.DueOn });
            b.HasIndex(x => new { x.CampaignId, x.PlanUnitId });
            b.HasIndex(x => x.ProblemId);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.PlanUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Features.Rectification.RectificationItem>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Problem).WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.LeaderPerson).WithMany().HasForeignKey(x => x.LeaderPersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Rectification.ProgressReport>(b =>
        {
            b.Property(x => x.Narrative).HasMaxLength(4000);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.HasIndex(x => new { x.ItemId, x.ReportedOn });
            b.HasOne<Features.Rectification.RectificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Rectification.ItemEvent>(b =>
        {
            b.Property(x => x.Note).HasMaxLength(2000);
            b.Property(x => x.ByName).HasMaxLength(100);
            b.HasIndex(x => x.ItemId);
            b.HasOne<Features.Rectification.RectificationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Problems.SelfInspection>(b =>
        {
            foreach (var section in Features.Problems.SelfInspectionSections.All)
            {
                b.Property<string?>(section.Key).HasMaxLength(20000);
            }

            b.HasIndex(x => new { x.CampaignId, x.PersonId }).IsUnique();
            b.HasIndex(x => x.DocumentId).IsUnique();
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<ApprovalDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Problems.SelfInspectionComment>(b =>
        {
            b.Property(x => x.Text).HasMaxLength(4000);
            b.HasIndex(x => x.SelfInspectionId);
            b.HasOne<Features.Problems.SelfInspection>().WithMany().HasForeignKey(x => x.SelfInspectionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Problems.SelfInspectionReview>(b =>
        {
            b.Ignore(x => x.Passed);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.Property(x => x.ReviewerName).HasMaxLength(100);
            b.HasIndex(x => x.SelfInspectionId);
            b.HasOne<Features.Problems.SelfInspection>().WithMany().HasForeignKey(x => x.SelfInspectionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Meetings.LifeMeeting>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.Summary).HasMaxLength(20000);
            b.Property(x => x.OpinionResponses).HasMaxLength(20000);
            b.Property(x => x.Report).HasMaxLength(20000);
            b.HasIndex(x => new { x.CampaignId, x.Kind });
            b.HasIndex(x => x.FollowsId);
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.HostPerson).WithMany().HasForeignKey(x => x.HostPersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Features.Meetings.LifeMeeting>().WithMany().HasForeignKey(x => x.FollowsId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Meetings.MeetingAttendee>(b =>
        {
            b.Property(x => x.AbsenceReason).HasMaxLength(200);
            b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
            b.HasOne<Features.Meetings.LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Meetings.Criticism>(b =>
        {
            b.Property(x => x.Text).HasMaxLength(4000);
            b.HasIndex(x => x.MeetingId);
            b.HasOne<Features.Meetings.LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.FromPerson).WithMany().HasForeignKey(x => x.FromPersonId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.ToPerson).WithMany().HasForeignKey(x => x.ToPersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Meetings.MemberAppraisal>(b =>
        {
            b.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
            b.HasOne<Features.Meetings.LifeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.Ledger>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200);
            b.HasIndex(x => x.OwnerUnitId);
            b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.LedgerItem>(b =>
        {
            b.Property(x => x.Source).HasMaxLength(200);
            b.Property(x => x.Issuer).HasMaxLength(100);
            b.Property(x => x.Content).HasMaxLength(4000);
            b.Property(x => x.Cooperating).HasMaxLength(200);
            b.HasIndex(x => new { x.LedgerId, x.DepartmentId });
            b.HasOne<Features.Ledgers.Ledger>().WithMany().HasForeignKey(x => x.LedgerId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.LeadLeader).WithMany().HasForeignKey(x => x.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.MonthlyReport>(b =>
        {
            b.Property(x => x.Narrative).HasMaxLength(4000);
            b.Property(x => x.Comment).HasMaxLength(2000);
            b.Property(x => x.CommentBy).HasMaxLength(100);
            b.HasIndex(x => new { x.ItemId, x.Month }).IsUnique();
            b.HasOne<Features.Ledgers.LedgerItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Rules.Rule>(b =>
        {
            b.Property(x => x.Number).HasMaxLength(100);
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Category).HasMaxLength(50);
            b.Property(x => x.Issuer).HasMaxLength(100);
            b.Property(x => x.AbolishReason).HasMaxLength(600);
            b.Property(x => x.Text).HasMaxLength(100_000);
            b.HasIndex(x => new { x.OrgUnitId, x.Status });
            b.HasIndex(x => x.ReplacesId).IsUnique();
            b.HasIndex(x => x.RectificationItemId);
            b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Features.Rules.Rule>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Features.Rectification.RectificationItem>().WithMany().HasForeignKey(x => x.RectificationItemId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<Features.Rules.RuleReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Features.Rules.RuleReview>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.StartedOn });
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Rules.RuleReviewDecision>(b =>
        {
            b.Property(x => x.Reason).HasMaxLength(500);
            b.HasIndex(x => new { x.ReviewId, x.RuleId }).IsUnique();
            b.HasIndex(x => x.RuleId);
            b.HasOne<Features.Rules.RuleReview>().WithMany().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(x => x.Rule).WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Briefings.Briefing>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.SentTo).HasMaxLength(100);
            b.HasIndex(x => new { x.CampaignId, x.Number }).IsUnique();
            b.HasIndex(x => x.DocumentId).IsUnique();
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.AssessmentScheme>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(100);
            b.HasIndex(x => x.OwnerUnitId);
            b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.Indicator>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Points).HasPrecision(6, 1);
            b.HasIndex(x => new { x.SchemeId, x.ParentId });
            b.HasIndex(x => x.AssessorPersonId);
            b.HasOne<Features.Ledgers.AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Features.Ledgers.Indicator>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.AssessorPerson).WithMany().HasForeignKey(x => x.AssessorPersonId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Ledgers.AssessmentPeriod>(b =>
        {
            b.Property(x => x.Label).HasMaxLength(50);
            b.Property(x => x.FlagHolders).HasMaxLength(500);
            b.Property(x => x.TopScore).HasPrecision(6, 1);
            b.HasIndex(x => new { x.SchemeId, x.StartsOn });
            b.HasOne<Features.Ledgers.AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Ledgers.IndicatorScore>(b =>
        {
            b.Property(x => x.Score).HasPrecision(6, 1);
            b.Property(x => x.Explanation).HasMaxLength(200);
            b.Property(x => x.ScoredBy).HasMaxLength(100);
            b.HasIndex(x => new { x.PeriodId, x.IndicatorId, x.UnitId }).IsUnique();
            b.HasIndex(x => x.IndicatorId);
            b.HasIndex(x => x.UnitId);
            b.HasOne<Features.Ledgers.AssessmentPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Features.Ledgers.Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Features.Reports.CampaignSummary>(b =>
        {
            b.Property(x => x.FiguresJson).HasMaxLength(20_000);
            b.HasIndex(x => new { x.CampaignId, x.PhaseId });
            b.HasIndex(x => x.DocumentId).IsUnique();
            b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<Phase>().WithMany().HasForeignKey(x => x.PhaseId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Notification>(b =>
        {
            b.Property(n => n.Title).HasMaxLength(200);
            b.Property(n => n.Body).HasMaxLength(1000);
            b.Property(n => n.Url).HasMaxLength(400);
            b.HasIndex(n => new { n.UserId, n.ReadAt });
            b.HasIndex(n => new { n.UserId, n.CreatedAt });
            b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReminderLog>(b =>
        {
            b.HasKey(r => r.Key);
            b.Property(r => r.Key).HasMaxLength(200);
        });

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
