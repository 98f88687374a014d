using System.Linq.Expressions;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The org subtrees a person may see: their own unit's subtree plus the units they supervise, as
/// materialized-path prefixes. <see cref="Everything"/> is only for operator tooling, never for a signed-in user.
/// </summary>
public sealed record DataScope(IReadOnlyList<string> PathPrefixes, bool IsEverything = false)
{
    public static DataScope Nothing { get; } = new([]);

    public static DataScope Everything { get; } = new([], IsEverything: true);

    public bool Covers(string path) => IsEverything || PathPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));
}

public static class DataScopeQueryExtensions
{
    /// <summary>
    /// Keeps the rows whose org unit path lies in the scope. Translates to <c>path LIKE 'prefix%' OR …</c>
    /// on both engines, which the path index serves.
    /// </summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, DataScope scope, Expression<Func<T, string>> path)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(path);
        if (scope.IsEverything)
        {
            return query;
        }

        if (scope.PathPrefixes.Count == 0)
        {
            return query.Where(_ => false);
        }

        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression? body = null;
        foreach (var prefix in scope.PathPrefixes)
        {
            var test = Expression.Call(path.Body, startsWith, Expression.Constant(prefix));
            body = body is null ? test : Expression.OrElse(body, test);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body!, path.Parameters));
    }
}
