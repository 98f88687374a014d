namespace Dangjian.Web.Platform.Organization;

/// <summary>班子成员, 中层正职, 中层副职, 一般干部.</summary>
public enum PostRank
{
    TeamMember = 1,
    MiddleChief = 2,
    MiddleDeputy = 3,
    Staff = 4,
}
