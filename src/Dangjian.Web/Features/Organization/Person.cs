using Dangjian.Web.Platform.Data;

namespace Dangjian.Web.Features.Organization;

/// <summary>A person on the roster. A person may or may not have an account (<c>AppUser.PersonId</c>).</summary>
public sealed class Person : Entity, ISoftDeletable
{
    public required string Name { get; set; }

    public Gender Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Guid OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Post title as printed in documents, e.g. "党组书记、局长".</summary>
    public string? Title { get; set; }

    public PartyStatus PartyStatus { get; set; }

    public PostRank PostRank { get; set; }

    public bool IsRetired { get; set; }

    public DateTime? DeletedAt { get; set; }

    public Guid? DeletedById { get; set; }
}
