namespace Dangjian.Web.Platform.Organization;

public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
