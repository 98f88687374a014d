using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Research;

/// <summary>
/// 调研课题: a topic a 调研组 works on during a campaign (《园区失地农民的安置问题探究》), with its group, leader, the
/// report it ends in and the day its results were exchanged (调研成果交流). The visits it made are <see cref="Visit"/>s.
/// </summary>
public sealed class ResearchTopic : Entity, IAuditTitled
{
    public const int TitleMax = 200;

    public const int GroupMax = 50;

    public const int MembersMax = 500;

    public const int NoteMax = 4000;

    public Guid CampaignId { get; set; }

    public required string Title { get; set; }

    /// <summary>调研组 as the office names it (第一调研组, 农村科技组); topics of one group share the name.</summary>
    public string? GroupName { get; set; }

    public Guid? LeaderId { get; set; }

    public Person? Leader { get; set; }

    /// <summary>成员 as written (names, or 各科室负责人).</summary>
    public string? Members { get; set; }

    /// <summary>The report's title once written (《工业园区关于对失地农民安置问题的探究》).</summary>
    public string? ReportTitle { get; set; }

    public DateOnly? ReportOn { get; set; }

    /// <summary>The day the results were presented at the 调研成果交流.</summary>
    public DateOnly? SharedOn { get; set; }

    public string? Note { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

/// <summary>
/// 载体活动: a standing or one-off activity a campaign is carried by — a leader's 联系点, 结对子, 扶贫帮困, 志愿服务, a 竞赛,
/// 服务企业 (送政策上门, 专家企业行) — with whom it links and its dates. What was done on a given day is a <see cref="Visit"/>.
/// </summary>
public sealed class OutreachActivity : Entity, IAuditTitled
{
    public const int TitleMax = 200;

    public const int CounterpartMax = 200;

    public const int NoteMax = 4000;

    public Guid CampaignId { get; set; }

    public OutreachKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The leader or person responsible (局领导 of a 联系点, 科长 of a 结对子).</summary>
    public Guid? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Whom it links with: the contact point, the paired unit or village, the enterprises served.</summary>
    public string? Counterpart { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Null while it stands (a 联系点 for the whole campaign).</summary>
    public DateOnly? EndsOn { get; set; }

    public string? Note { get; set; }

    string IAuditTitled.AuditTitle => Title;
}

public enum OutreachKind
{
    ContactPoint = 1,
    Pairing = 2,
    PovertyRelief = 3,
    Volunteering = 4,
    Contest = 5,
    EnterpriseService = 6,
    Other = 9,
}

/// <summary>Whom a visit went to; the summary counts units of each kind (深入8个县区, 走访50余家企业, 4所高校, 10个院所).</summary>
public enum VisitTarget
{
    District = 1,
    Enterprise = 2,
    University = 3,
    Institute = 4,
    Village = 5,
    Agency = 6,
    Household = 7,
    Other = 9,
}

/// <summary>
/// 走访: one dated outing of a research topic or of an outreach activity — where (the place, its 县区), to how many units
/// of which kind, how many people took part or were met (座谈的专家, 服务的群众), and what was found or done.
/// Exactly one of <see cref="TopicId"/> and <see cref="ActivityId"/> is set.
/// </summary>
public sealed class Visit : Entity, IAuditTitled
{
    public const int PlaceMax = 200;

    public const int DistrictMax = 50;

    public const int SummaryMax = 4000;

    public const int MaxUnits = 10000;

    public Guid CampaignId { get; set; }

    public Guid? TopicId { get; set; }

    public Guid? ActivityId { get; set; }

    public DateOnly VisitedOn { get; set; }

    public VisitTarget Target { get; set; }

    public required string Place { get; set; }

    /// <summary>县区 the place lies in (卢龙县); distinct districts are what 深入N个县区 counts.</summary>
    public string? District { get; set; }

    /// <summary>How many units of <see cref="Target"/> this outing reached (one row for 送政策到100家企业).</summary>
    public int Units { get; set; } = 1;

    /// <summary>People met or taking part (座谈专家, 参加的党员, 服务的群众).</summary>
    public int People { get; set; }

    public string? Summary { get; set; }

    string IAuditTitled.AuditTitle => $"{VisitedOn:yyyy-MM-dd} {Place}";
}

public static class ResearchLabels
{
    public static string Of(OutreachKind kind) => kind switch
    {
        OutreachKind.ContactPoint => "领导干部联系点",
        OutreachKind.Pairing => "结对子",
        OutreachKind.PovertyRelief => "扶贫帮困",
        OutreachKind.Volunteering => "志愿服务",
        OutreachKind.Contest => "竞赛评比",
        OutreachKind.EnterpriseService => "服务企业",
        _ => "其他载体活动",
    };

    public static string Of(VisitTarget target) => target switch
    {
        VisitTarget.District => "县区",
        VisitTarget.Enterprise => "企业",
        VisitTarget.University => "高校",
        VisitTarget.Institute => "科研院所",
        VisitTarget.Village => "乡村社区",
        VisitTarget.Agency => "机关事业单位",
        VisitTarget.Household => "农户群众",
        _ => "其他",
    };

    /// <summary>The measure word a count of units takes (8个县区, 50家企业, 4所高校).</summary>
    public static string Measure(VisitTarget target) => target switch
    {
        VisitTarget.Enterprise => "家",
        VisitTarget.University => "所",
        VisitTarget.Household => "户",
        _ => "个",
    };
}

internal sealed class ResearchTopicConfiguration : IEntityTypeConfiguration<ResearchTopic>
{
    public void Configure(EntityTypeBuilder<ResearchTopic> b)
    {
        b.Property(x => x.Title).HasMaxLength(ResearchTopic.TitleMax);
        b.Property(x => x.GroupName).HasMaxLength(ResearchTopic.GroupMax);
        b.Property(x => x.Members).HasMaxLength(ResearchTopic.MembersMax);
        b.Property(x => x.ReportTitle).HasMaxLength(ResearchTopic.TitleMax);
        b.Property(x => x.Note).HasMaxLength(ResearchTopic.NoteMax);
        b.HasIndex(x => new { x.CampaignId, x.CreatedAt });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutreachActivityConfiguration : IEntityTypeConfiguration<OutreachActivity>
{
    public void Configure(EntityTypeBuilder<OutreachActivity> b)
    {
        b.Property(x => x.Title).HasMaxLength(OutreachActivity.TitleMax);
        b.Property(x => x.Counterpart).HasMaxLength(OutreachActivity.CounterpartMax);
        b.Property(x => x.Note).HasMaxLength(OutreachActivity.NoteMax);
        b.HasIndex(x => new { x.CampaignId, x.Kind });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.Place).HasMaxLength(Visit.PlaceMax);
        b.Property(x => x.District).HasMaxLength(Visit.DistrictMax);
        b.Property(x => x.Summary).HasMaxLength(Visit.SummaryMax);
        b.HasIndex(x => new { x.CampaignId, x.VisitedOn });
        b.HasIndex(x => x.TopicId);
        b.HasIndex(x => x.ActivityId);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ResearchTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutreachActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("CK_Visits_Owner", "(\"TopicId\" IS NULL) <> (\"ActivityId\" IS NULL)"));
    }
}
