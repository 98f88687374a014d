using Dangjian.Web.Platform.Organization;

namespace Dangjian.Web.Features.Organization;

/// <summary>The Chinese words users see for the organization enums.</summary>
public static class OrgLabels
{
    public static string Of(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.PartyCommittee => "党委",
        OrgUnitKind.PartyGroup => "党组",
        OrgUnitKind.GeneralBranch => "党总支",
        OrgUnitKind.Branch => "党支部",
        OrgUnitKind.PartyCell => "党小组",
        OrgUnitKind.Bureau => "局",
        OrgUnitKind.Department => "科室",
        OrgUnitKind.Subsidiary => "下属单位",
        _ => kind.ToString(),
    };

    public static string Of(PartyStatus status) => status switch
    {
        PartyStatus.Full => "正式党员",
        PartyStatus.Probationary => "预备党员",
        PartyStatus.Activist => "入党积极分子",
        PartyStatus.NonMember => "群众",
        _ => status.ToString(),
    };

    public static string Of(PostRank rank) => rank switch
    {
        PostRank.TeamMember => "班子成员",
        PostRank.MiddleChief => "中层正职",
        PostRank.MiddleDeputy => "中层副职",
        PostRank.Staff => "一般干部",
        _ => rank.ToString(),
    };
}
