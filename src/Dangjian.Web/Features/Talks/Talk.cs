using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// Which talk it is: the "四个必谈" (主要负责同志与班子成员, 班子成员之间, 分管领导与分管科室负责同志, 中层正职与副职),
/// the supervision group's 个别谈话, or any other (约谈, 主动谈心).
/// </summary>
public enum TalkKind
{
    PrincipalTeam = 1,
    TeamTeam = 2,
    LeaderHead = 3,
    HeadDeputy = 4,
    Supervision = 5,

    /// <summary>恳谈: with a person the bureau serves or relies on, usually outside the roster (科技工作者, 企业负责人, 代表委员).</summary>
    Outreach = 6,
    Other = 9,
}

/// <summary>该提醒的提醒，该批评的批评.</summary>
public enum Admonition
{
    None = 0,
    Reminder = 1,
    Criticism = 2,
}

/// <summary>
/// One entry of a campaign's required-talk list (必谈名单): two people who must talk, or — for the supervision group's
/// 个别谈话 — the person the group must talk with (<see cref="PersonAId"/> empty). <see cref="PairKey"/> names the pair
/// the same way a <see cref="Talk"/> does, so a recorded talk closes the entry whoever started it.
/// </summary>
public sealed class TalkRequirement : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public TalkKind Kind { get; set; }

    /// <summary>Null for the supervision group.</summary>
    public Guid? PersonAId { get; set; }

    public Person? PersonA { get; set; }

    public Guid PersonBId { get; set; }

    public Person? PersonB { get; set; }

    public required string PairKey { get; set; }

    /// <summary>Why the pair is on the list, e.g. "分管：政策法规科".</summary>
    public string? Reason { get; set; }

    string IAuditTitled.AuditTitle => TalkLabels.Of(Kind);
}

internal sealed class TalkRequirementConfiguration : IEntityTypeConfiguration<TalkRequirement>
{
    public void Configure(EntityTypeBuilder<TalkRequirement> b)
    {
        b.Property(x => x.PairKey).HasMaxLength(80);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => new { x.CampaignId, x.PairKey }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.Kind });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.PersonA).WithMany().HasForeignKey(x => x.PersonAId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PersonB).WithMany().HasForeignKey(x => x.PersonBId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>谈心谈话记录: who talked with whom and when, what was talked about and raised, and any 提醒 or 批评 given.</summary>
public sealed class Talk : Entity, ISoftDeletable, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public TalkKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>The one who held the talk (for the supervision group's talks, the group member).</summary>
    public Guid InitiatorId { get; set; }

    public Person? Initiator { get; set; }

    /// <summary>The person talked with when on the roster; null for someone outside it (<see cref="GuestName"/>).</summary>
    public Guid? PartnerId { get; set; }

    public Person? Partner { get; set; }

    /// <summary>Someone outside the roster (e.g. one of 30 科技工作者 of a 恳谈日), by name.</summary>
    public string? GuestName { get; set; }

    /// <summary>The guest's unit and post as the office writes it (燕山大学教授).</summary>
    public string? GuestAffiliation { get; set; }

    public required string PairKey { get; set; }

    public const int GuestNameMax = 50;

    public const int GuestAffiliationMax = 100;

    public const int PlaceMax = 200;

    public const int TopicsMax = 1000;

    public const int RaisedMax = 10000;

    public const int AdmonitionTextMax = 2000;

    public string? Place { get; set; }

    public required string Topics { get; set; }

    /// <summary>What the partner raised (opinions about the talker, the team, the work).</summary>
    public string? Raised { get; set; }

    public Admonition Admonition { get; set; }

    public string? AdmonitionText { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }

    string IAuditTitled.AuditTitle => $"{TalkLabels.Of(Kind)} {HeldOn:yyyy-MM-dd}";

    /// <summary>The same key for A↔B and B↔A; the supervision group's talks are keyed by the person talked with.</summary>
    public static string KeyOf(TalkKind kind, Guid? a, Guid b) =>
        kind == TalkKind.Supervision || a is null ? $"sg:{b:N}"
        : a.Value.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";

    /// <summary>A guest outside the roster is keyed by name and unit, so two talks with the same guest count as one person.</summary>
    public static string GuestKeyOf(string name, string? affiliation) =>
        $"g:{name.Trim()}|{affiliation?.Trim() ?? ""}" is var key && key.Length <= 80 ? key : key[..80];

    /// <summary>Whom the talk was with, as lists show it.</summary>
    public static string PartnerLabel(string? partner, string? guest, string? affiliation) =>
        partner ?? (string.IsNullOrEmpty(affiliation) ? guest ?? "" : $"{guest}（{affiliation}）");
}

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> b)
    {
        b.Property(x => x.PairKey).HasMaxLength(80);
        b.Property(x => x.GuestName).HasMaxLength(Talk.GuestNameMax);
        b.Property(x => x.GuestAffiliation).HasMaxLength(Talk.GuestAffiliationMax);
        b.Property(x => x.Place).HasMaxLength(Talk.PlaceMax);
        b.Property(x => x.Topics).HasMaxLength(Talk.TopicsMax);
        b.Property(x => x.Raised).HasMaxLength(Talk.RaisedMax);
        b.Property(x => x.AdmonitionText).HasMaxLength(Talk.AdmonitionTextMax);
        b.HasIndex(x => new { x.CampaignId, x.PairKey });
        b.HasIndex(x => new { x.CampaignId, x.HeldOn });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Initiator).WithMany().HasForeignKey(x => x.InitiatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class TalkLabels
{
    public static IReadOnlyList<TalkKind> Required { get; } = [TalkKind.PrincipalTeam, TalkKind.TeamTeam, TalkKind.LeaderHead, TalkKind.HeadDeputy, TalkKind.Supervision];

    public static string Of(TalkKind kind) => kind switch
    {
        TalkKind.PrincipalTeam => "主要负责同志与班子成员",
        TalkKind.TeamTeam => "班子成员之间",
        TalkKind.LeaderHead => "分管领导与分管科室负责人",
        TalkKind.HeadDeputy => "中层正职与副职",
        TalkKind.Supervision => "督导组个别谈话",
        TalkKind.Outreach => "恳谈（联系服务对象、专家）",
        _ => "其他谈心谈话",
    };

    public static string Of(Admonition a) => a switch
    {
        Admonition.Reminder => "提醒",
        Admonition.Criticism => "批评",
        _ => "无",
    };
}
