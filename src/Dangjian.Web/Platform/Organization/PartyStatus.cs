namespace Dangjian.Web.Platform.Organization;

public enum PartyStatus
{
    Full = 1,
    Probationary = 2,
    Activist = 3,
    NonMember = 4,
}
