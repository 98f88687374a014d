using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Opinions;

/// <summary>征求意见函: a letter with questions sent to named recipients, each replying through a personal link or on paper.</summary>
public sealed class SolicitationLetter : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    /// <summary>The letter's text.</summary>
    public required string Body { get; set; }

    /// <summary>The questions, one per line.</summary>
    public required string Questions { get; set; }

    public DateOnly SentOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>
    /// Salt of the recipients' reply codes, which are keyed by <see cref="LetterKey"/> (kept outside the database) when it
    /// starts with <see cref="KeyedCodes.KeyedPrefix"/>. Letters from before held here the secret itself; start-up replaced it
    /// (<see cref="LetterService.RekeyAsync"/>), and their printed codes go on working through <see cref="LetterRecipient.TokenHash"/>.
    /// </summary>
    public required string TokenSecret { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public IReadOnlyList<string> QuestionList => Questions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string NewSecret() => KeyedCodes.NewSalt();
}

internal sealed class SolicitationLetterConfiguration : IEntityTypeConfiguration<SolicitationLetter>
{
    public void Configure(EntityTypeBuilder<SolicitationLetter> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(10000);
        b.Property(x => x.Questions).HasMaxLength(4000);
        b.Property(x => x.TokenSecret).HasMaxLength(64);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One addressee of a letter (a unit, enterprise, university, deputy…) and whether and when they replied.</summary>
public sealed class LetterRecipient : Entity, IAuditTitled
{
    public Guid LetterId { get; set; }

    public required string Name { get; set; }

    public string? Category { get; set; }

    /// <summary>
    /// SHA-256 of the reply code (case folded). The code is an HMAC under a key the database does not hold, 24 characters
    /// (about 124 bits), so the hash lets a reader test guesses only at the cost of searching that whole space.
    /// </summary>
    public required string TokenHash { get; set; }

    public DateTime? ReturnedAt { get; set; }

    /// <summary>"网上" or "纸质".</summary>
    public string? ReturnedVia { get; set; }

    public DateTime? RemindedAt { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class LetterRecipientConfiguration : IEntityTypeConfiguration<LetterRecipient>
{
    public void Configure(EntityTypeBuilder<LetterRecipient> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(20);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.ReturnedVia).HasMaxLength(10);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.LetterId, x.Name });
        b.HasOne<SolicitationLetter>().WithMany().HasForeignKey(x => x.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}
