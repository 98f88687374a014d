using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Study;

public enum QuestionType
{
    SingleChoice = 1,
    MultipleChoice = 2,
    TrueFalse = 3,
    ShortAnswer = 4,
}

/// <summary>A question in an organization's bank. Options one per line; the answer is option letters ("AC"), 对/错, or a reference text.</summary>
public sealed class Question : Entity, ISoftDeletable, IAuditTitled
{
    public Guid OwnerUnitId { get; set; }

    public OrgUnit? OwnerUnit { get; set; }

    public const int CategoryMax = 50;

    public const int StemMax = 2000;

    public const int OptionsMax = 4000;

    public const int AnswerMax = 4000;

    public const int ExplanationMax = 2000;

    public QuestionType Type { get; set; }

    /// <summary>分类, e.g. 党章, 准则, 条例.</summary>
    public string? Category { get; set; }

    public required string Stem { get; set; }

    public string Options { get; set; } = "";

    public required string Answer { get; set; }

    public int Points { get; set; } = 2;

    public string? Explanation { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Stem.Length > 40 ? Stem[..40] : Stem;
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(x => x.Category).HasMaxLength(Question.CategoryMax);
        b.Property(x => x.Stem).HasMaxLength(Question.StemMax);
        b.Property(x => x.Options).HasMaxLength(Question.OptionsMax);
        b.Property(x => x.Answer).HasMaxLength(Question.AnswerMax);
        b.Property(x => x.Explanation).HasMaxLength(Question.ExplanationMax);
        b.HasIndex(x => new { x.OwnerUnitId, x.Type });
        b.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>理论测试: an online quiz of a campaign with a time window and a time limit.</summary>
public sealed class Quiz : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public const int TitleMax = 200;

    public required string Title { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public int TimeLimitMinutes { get; set; } = 30;

    /// <summary>How many attempts a person may make (1 = no retakes); the best score counts.</summary>
    public int MaxAttempts { get; set; } = 1;

    public bool Shuffle { get; set; } = true;

    public int PassScore { get; set; } = 60;

    public DateTime? PublishedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> b)
    {
        b.Property(x => x.Title).HasMaxLength(Quiz.TitleMax);
        b.HasIndex(x => new { x.CampaignId, x.OpensAt });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A question as it stands in one quiz: a copy, so later edits to the bank do not change a quiz already taken.</summary>
public sealed class QuizQuestion : Entity, IAuditTitled
{
    public Guid QuizId { get; set; }

    public int Order { get; set; }

    public Guid? QuestionId { get; set; }

    public QuestionType Type { get; set; }

    public required string Stem { get; set; }

    public string Options { get; set; } = "";

    public required string Answer { get; set; }

    public int Points { get; set; }

    public string? Explanation { get; set; }

    string IAuditTitled.AuditTitle => $"第{Order}题";
}

internal sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> b)
    {
        b.Property(x => x.Stem).HasMaxLength(2000);
        b.Property(x => x.Options).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.Explanation).HasMaxLength(2000);
        b.HasIndex(x => new { x.QuizId, x.Order });
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One person's attempt: started, due, submitted, scored (objective automatically, short answers by the office).</summary>
public sealed class QuizAttempt : Entity, IAuditTitled
{
    public Guid QuizId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public int Number { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>Start plus the time limit, capped by the quiz closing time.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The order this attempt shows the questions in: quiz-question ids separated by commas.</summary>
    public required string QuestionOrder { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Arrived after the due time: kept for the record, scored 0.</summary>
    public bool Late { get; set; }

    public int? AutoScore { get; set; }

    public int? Score { get; set; }

    public bool NeedsMarking { get; set; }

    public DateTime? MarkedAt { get; set; }

    public string? MarkedByName { get; set; }

    string IAuditTitled.AuditTitle => $"第{Number}次作答";
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.Property(x => x.QuestionOrder).HasMaxLength(8000);
        b.Property(x => x.MarkedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.QuizId, x.PersonId, x.Number }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasOne<Quiz>().WithMany().HasForeignKey(x => x.QuizId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(x => x.Person!.DeletedAt == null);
    }
}

public sealed class QuizAnswer : Entity, IAuditTitled
{
    public Guid AttemptId { get; set; }

    public Guid QuizQuestionId { get; set; }

    public string Response { get; set; } = "";

    public bool? Correct { get; set; }

    public int? Points { get; set; }

    string IAuditTitled.AuditTitle => "答案";
}

internal sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> b)
    {
        b.Property(x => x.Response).HasMaxLength(4000);
        b.HasIndex(x => new { x.AttemptId, x.QuizQuestionId }).IsUnique();
        b.HasOne<QuizAttempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<QuizQuestion>().WithMany().HasForeignKey(x => x.QuizQuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
