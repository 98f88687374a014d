namespace Dangjian.Web.Platform.Organization;

/// <summary>Party and administrative kinds of an org unit (DOMAIN.md "The organization").</summary>
public enum OrgUnitKind
{
    PartyCommittee = 1,
    PartyGroup = 2,
    GeneralBranch = 3,
    Branch = 4,
    PartyCell = 5,
    Bureau = 10,
    Department = 11,
    Subsidiary = 12,
}
