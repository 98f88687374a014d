using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

public static class SoftDeleteExtensions
{
    /// <summary>Brings a soft-deleted record back. The caller saves.</summary>
    public static void Restore(this ISoftDeletable record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.DeletedAt = null;
        record.DeletedById = null;
    }

    /// <summary>Only the deleted records of a set, for a recycle-bin view.</summary>
    public static IQueryable<T> OnlyDeleted<T>(this IQueryable<T> query)
        where T : class, ISoftDeletable =>
        query.IgnoreQueryFilters().Where(x => x.DeletedAt != null);
}
