namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Records users delete stay in the table with a deletion stamp and are hidden by a global query filter;
/// <see cref="AppDbContext"/> turns a Remove into this, and <see cref="SoftDeleteExtensions.Restore"/> undoes it.
/// </summary>
public interface ISoftDeletable
{
    DateTime? DeletedAt { get; set; }

    Guid? DeletedById { get; set; }
}
