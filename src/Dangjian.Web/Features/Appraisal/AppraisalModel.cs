using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
    public const int TitleMax = 200;

    public const int InstructionsMax = 2000;

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

    /// <summary>
    /// Random salt from which, with <see cref="BallotKey"/>, each voter's code is derived (so slips can be printed again);
    /// never shown, and useless without the key, which is not in the database.
    /// </summary>
    public required string TokenSecret { get; set; }

    /// <summary>
    /// When the sealed ballots were opened and written in random order (at the first look after the close); from then on
    /// no vote is taken, even one that read the appraisal as open a moment before.
    /// </summary>
    public DateTime? UnsealedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> b)
    {
        b.Property(x => x.Title).HasMaxLength(Appraisal.TitleMax);
        b.Property(x => x.Instructions).HasMaxLength(Appraisal.InstructionsMax);
        b.Property(x => x.TokenSecret).HasMaxLength(64);
        b.HasIndex(x => x.CampaignId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Who or what is rated: 领导班子, a named leader, a middle cadre.</summary>
public sealed class AppraisalTarget : Entity, IAuditTitled
{
    public const int NameMax = 100;

    public Guid AppraisalId { get; set; }

    public int Order { get; set; }

    public required string Name { get; set; }

    string IAuditTitled.AuditTitle => Name;
}

internal sealed class AppraisalTargetConfiguration : IEntityTypeConfiguration<AppraisalTarget>
{
    public void Configure(EntityTypeBuilder<AppraisalTarget> b)
    {
        b.Property(x => x.Name).HasMaxLength(AppraisalTarget.NameMax);
        b.HasIndex(x => new { x.AppraisalId, x.Order }).IsUnique();
        b.HasOne<Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
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

internal sealed class AppraisalVoterConfiguration : IEntityTypeConfiguration<AppraisalVoter>
{
    public void Configure(EntityTypeBuilder<AppraisalVoter> b)
    {
        b.Property(x => x.Label).HasMaxLength(100);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.AppraisalId, x.PersonId });
        b.HasOne<Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// One ballot in the clear. Deliberately not an <see cref="Entity"/>: no creation or update time, no sequential id, no
/// audit entry, no voter. Online ballots only exist from the close, when every <see cref="SealedBallot"/> of the
/// appraisal is opened and all are written in one transaction in random order with random ids: no transaction id,
/// physical order or WAL commit pairs one of them with a voting right. Paper ballots are entered by the office.
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

internal sealed class AppraisalBallotConfiguration : IEntityTypeConfiguration<AppraisalBallot>
{
    public void Configure(EntityTypeBuilder<AppraisalBallot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Grades).HasMaxLength(2000);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => new { x.AppraisalId, x.Filled, x.Id });
        b.HasOne<Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A cast online ballot until the close: an AES-GCM envelope of fixed size (<see cref="BallotSeal"/>) under a key that is
/// not in the database. It is written in the same transaction as the voting right it used — so a crash loses no
/// confirmed vote and allows no second one — and a database reader who pairs the two learns nothing of its content.
/// No time, no order, no voter.
/// </summary>
public sealed class SealedBallot
{
    public Guid Id { get; set; }

    public Guid AppraisalId { get; set; }

    public required byte[] Envelope { get; set; }
}

internal sealed class SealedBallotConfiguration : IEntityTypeConfiguration<SealedBallot>
{
    public void Configure(EntityTypeBuilder<SealedBallot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.AppraisalId);
        b.HasOne<Appraisal>().WithMany().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}
