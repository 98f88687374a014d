using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>好 / 较好 / 一般 / 差.</summary>
public enum Grade
{
    Good = 1,
    FairlyGood = 2,
    Average = 3,
    Poor = 4,
}

/// <summary>民主测评: targets rated by an electorate inside a window; ballots are anonymous and results hidden until it closes.</summary>
public sealed class Appraisal : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    public string? Instructions { get; set; }

    public DateTime OpensAt { get; set; }

    public DateTime ClosesAt { get; set; }

    /// <summary>Set when the office opens it: tokens and ballot slots exist from then on and nothing about it changes.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>Extra one-time slips for voters without an account (群众代表, 服务对象 at the meeting).</summary>
    public int ExtraSlips { get; set; }

    /// <summary>Paper forms handed out at the meeting (counted as issued; the office enters the returned ones).</summary>
    public int PaperIssued { get; set; }

    /// <summary>Random secret from which each voter's token is derived (so slips can be printed again); never shown.</summary>
    public required string TokenSecret { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

/// <summary>Who or what is rated: 领导班子, a named leader, a middle cadre.</summary>
public sealed class AppraisalTarget : Entity, IAuditTitled
{
    public Guid AppraisalId { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

/// <summary>
/// A one-time voting right. Only the token's hash is kept, and whether it was used — never which ballot it filled.
/// </summary>
public sealed class AppraisalVoter : Entity, IAuditTitled
{
    public Guid AppraisalId { get; set; }

    /// <summary>The person the token was issued to, or null for an extra slip.</summary>
    public Guid? PersonId { get; set; }

    public required string Label { get; set; }

    public required string TokenHash { get; set; }

    public bool Used { get; set; }

    string IAuditTitled.AuditTitle => Label;
}

/// <summary>
/// One ballot. Deliberately not an <see cref="Entity"/>: no creation or update time, no sequential id, no audit
/// entry, no voter. Online slots are created in random order when the appraisal opens and a vote fills a random
/// empty slot, so neither the rows nor their order can be joined back to a voter.
/// </summary>
public sealed class AppraisalBallot
{
    public Guid Id { get; set; }

    public Guid AppraisalId { get; set; }

    public bool Filled { get; set; }

    /// <summary>Entered by the office from a paper form.</summary>
    public bool Paper { get; set; }

    /// <summary>The grade per target, as "order:grade" pairs separated by commas.</summary>
    public string? Grades { get; set; }

    /// <summary>Problems and suggestions written on the ballot.</summary>
    public string? Comment { get; set; }
}
