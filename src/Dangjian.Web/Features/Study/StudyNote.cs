using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Study;

public enum NoteKind
{
    Note = 1,
    Reflection = 2,

    /// <summary>学结: a member's written summary of what the campaign's study taught them (seed 004: 撰写心得体会和学结各13篇).</summary>
    StudySummary = 3,
}

public enum NoteMark
{
    Excellent = 1,
    Good = 2,
    Pass = 3,
    NeedsWork = 4,
}

/// <summary>学习笔记 / 心得体会: written by a member, checked by the office (检查笔记), possibly exhibited (展评).</summary>
public sealed class StudyNote : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public NoteKind Kind { get; set; }

    public const int TitleMax = 200;

    public const int BodyMax = 20000;

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTime? CheckedAt { get; set; }

    public string? CheckedByName { get; set; }

    public NoteMark? Mark { get; set; }

    public string? CheckComment { get; set; }

    public DateTime? ExhibitedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => Title;

    public static string Label(NoteKind kind) => kind switch { NoteKind.Note => "学习笔记", NoteKind.StudySummary => "学结", _ => "心得体会" };

    public static string Label(NoteMark mark) => mark switch
    {
        NoteMark.Excellent => "优秀",
        NoteMark.Good => "良好",
        NoteMark.Pass => "合格",
        _ => "需改进",
    };
}

internal sealed class StudyNoteConfiguration : IEntityTypeConfiguration<StudyNote>
{
    public void Configure(EntityTypeBuilder<StudyNote> b)
    {
        b.Property(x => x.Title).HasMaxLength(StudyNote.TitleMax);
        b.Property(x => x.Body).HasMaxLength(StudyNote.BodyMax);
        b.Property(x => x.CheckedByName).HasMaxLength(100);
        b.Property(x => x.CheckComment).HasMaxLength(2000);
        b.HasIndex(x => new { x.CampaignId, x.Kind });
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.ExhibitedAt);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
