using System.Linq.Expressions;

namespace Dangjian.Web.Platform.Data;

public static class QueryFilters
{
    /// <summary>Applies <paramref name="predicate"/> only when a filter was given — the shape of every optional list filter.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool condition, Expression<Func<T, bool>> predicate) =>
        condition ? query.Where(predicate) : query;
}
