using System.Security.Cryptography;
using System.Text;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Opinions;

public enum Channel
{
    PublicBox = 1,
    Box = 2,
    Hotline = 3,
    Website = 4,
    WeChat = 5,
    Letter = 6,
    Call = 7,
    Visit = 8,
    Forum = 9,
    SolicitationLetter = 10,
    FieldVisit = 11,
    Talk = 12,

    /// <summary>网上征求意见: a comment on a plan or report the office put on the public site (<see cref="Consultation"/>).</summary>
    OnlineConsultation = 13,
}

public enum Nature
{
    Positive = 1,
    Suggestion = 2,
    Criticism = 3,
}

public enum Topic
{
    Formalism = 1,
    Bureaucratism = 2,
    Hedonism = 3,
    Extravagance = 4,
    Other = 9,
}

/// <summary>
/// 意见: one opinion kept verbatim (原汁原味: <see cref="Text"/> never changes after it is recorded; corrections go in
/// <see cref="Note"/>), with its channel, whom it concerns, nature and topic, and an optional reply.
/// </summary>
public sealed class Opinion : Entity, ISoftDeletable, IAuditTitled
{
    public const int TextMax = 4000;

    public const int ConcernsMax = 100;

    public const int SubmitterNameMax = 50;

    public const int SubmitterContactMax = 100;

    public const int ReplyMax = 4000;

    public const int NoteMax = 4000;

    public Guid CampaignId { get; set; }

    public Channel Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>The 座谈会 where it was raised, if any.</summary>
    public Guid? ForumId { get; set; }

    /// <summary>The document put on the public site for comment that this opinion comments on, if any.</summary>
    public Guid? ConsultationId { get; set; }

    /// <summary>The addressee of a 征求意见函 whose reply this is, if any.</summary>
    public Guid? LetterRecipientId { get; set; }

    public required string Text { get; init; }

    /// <summary>领导班子, a named leader or a department; free text as the opinion says it.</summary>
    public string? Concerns { get; set; }

    public Nature? Nature { get; set; }

    public Topic? Topic { get; set; }

    /// <summary>Only what the submitter chose to give; null when anonymous.</summary>
    public string? SubmitterName { get; set; }

    public string? SubmitterContact { get; set; }

    /// <summary>Hash of the tracking code given to a public submitter (the code itself is shown once).</summary>
    public string? TrackingHash { get; set; }

    public string? Reply { get; set; }

    public DateTime? RepliedAt { get; set; }

    /// <summary>The office's notes and corrections; the original text stays as it came.</summary>
    public string? Note { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Text.Length > 30 ? Text[..30] : Text;

    public static string NewTrackingCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Concat(Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    public static string HashCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((code ?? "").Trim().ToUpperInvariant())));
}

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> b)
    {
        b.HasIndex(x => x.LetterRecipientId);
        b.HasOne<LetterRecipient>().WithMany().HasForeignKey(x => x.LetterRecipientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Text).HasMaxLength(Opinion.TextMax);
        b.Property(x => x.Concerns).HasMaxLength(Opinion.ConcernsMax);
        b.Property(x => x.SubmitterName).HasMaxLength(Opinion.SubmitterNameMax);
        b.Property(x => x.SubmitterContact).HasMaxLength(Opinion.SubmitterContactMax);
        b.Property(x => x.TrackingHash).HasMaxLength(64);
        b.Property(x => x.Reply).HasMaxLength(Opinion.ReplyMax);
        b.Property(x => x.Note).HasMaxLength(Opinion.NoteMax);
        b.HasIndex(x => new { x.CampaignId, x.Channel });
        // 意见汇总 lists a campaign's opinions newest first, often of one nature: a page at a time in index order.
        b.HasIndex(x => new { x.CampaignId, x.ReceivedOn, x.CreatedAt, x.Id });
        b.HasIndex(x => new { x.CampaignId, x.Nature, x.ReceivedOn, x.CreatedAt, x.Id });
        b.HasIndex(x => x.TrackingHash).IsUnique();
        b.HasIndex(x => x.ForumId);
        b.HasIndex(x => x.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Forum>().WithMany().HasForeignKey(x => x.ForumId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class OpinionLabels
{
    public static string Of(Channel c) => c switch
    {
        Channel.PublicBox => "网上意见箱",
        Channel.Box => "意见箱",
        Channel.Hotline => "专线电话",
        Channel.Website => "网站专栏",
        Channel.WeChat => "微博/微信",
        Channel.Letter => "来信",
        Channel.Call => "来电",
        Channel.Visit => "来访",
        Channel.Forum => "座谈会",
        Channel.SolicitationLetter => "征求意见函",
        Channel.FieldVisit => "走访",
        Channel.OnlineConsultation => "网上征求意见",
        _ => "个别谈话",
    };

    public static string Of(Nature n) => n switch
    {
        Nature.Positive => "肯定",
        Nature.Suggestion => "建议",
        _ => "批评",
    };

    /// <summary>The badge colour of a nature, the same on every page (肯定 green, 建议 blue, 批评 red).</summary>
    public static string Colour(Nature n) => n switch
    {
        Nature.Positive => "green",
        Nature.Suggestion => "blue",
        _ => "red",
    };

    public static string Of(Topic t) => t switch
    {
        Topic.Formalism => "形式主义",
        Topic.Bureaucratism => "官僚主义",
        Topic.Hedonism => "享乐主义",
        Topic.Extravagance => "奢靡之风",
        _ => "其他",
    };
}
