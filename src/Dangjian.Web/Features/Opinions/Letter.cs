using System.Security.Cryptography;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;

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

    /// <summary>Random secret from which each recipient's reply token is derived; never shown.</summary>
    public required string TokenSecret { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public IReadOnlyList<string> QuestionList => Questions.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string TokenFor(Guid recipientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(TokenSecret), recipientId.ToByteArray()))[..24].Replace('+', '-').Replace('/', '_');
}

/// <summary>One addressee of a letter (a unit, enterprise, university, deputy…) and whether and when they replied.</summary>
public sealed class LetterRecipient : Entity, IAuditTitled
{
    public Guid LetterId { get; set; }

    public required string Name { get; set; }

    public string? Category { get; set; }

    public required string TokenHash { get; set; }

    public DateTime? ReturnedAt { get; set; }

    /// <summary>"网上" or "纸质".</summary>
    public string? ReturnedVia { get; set; }

    public DateTime? RemindedAt { get; set; }

    string IAuditTitled.AuditTitle => Name;
}
