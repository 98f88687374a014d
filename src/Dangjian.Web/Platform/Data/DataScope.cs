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

    /// <summary>The scope as a stable text (its prefixes in order), for keying what is counted per scope.</summary>
    public string Key => IsEverything ? "*" : string.Join('|', PathPrefixes.Order(StringComparer.Ordinal));

    public bool Covers(string path) => IsEverything || PathPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// The paths of every unit above (and at) the scope's roots: a record attached to one of these (a campaign run
    /// by the bureau) concerns the person even though it sits above their own subtree.
    /// </summary>
    public IReadOnlyList<string> AncestorsAndSelf() => PathPrefixes
        .SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select((_, i) => "/" + string.Join('/', p.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(i + 1)) + "/"))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Within the scope, or above it (see <see cref="AncestorsAndSelf"/>).</summary>
    public bool Concerns(string path) => Covers(path) || AncestorsAndSelf().Contains(path, StringComparer.Ordinal);
}

public static class DataScopeQueryExtensions
{
    /// <summary>
    /// Keeps the rows whose org unit path lies in the scope. Translates to <c>path LIKE @prefix OR …</c>
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
            var test = Expression.Call(path.Body, startsWith, Parameter(prefix));
            body = body is null ? test : Expression.OrElse(body, test);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body!, path.Parameters));
    }

    /// <summary>Rows inside the scope or attached to a unit above it (campaigns of the whole bureau for a department's member).</summary>
    public static IQueryable<T> InScopeOrAbove<T>(this IQueryable<T> query, DataScope scope, Expression<Func<T, string>> path)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(path);
        if (scope.IsEverything)
        {
            return query;
        }

        var above = scope.AncestorsAndSelf();
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Parameter(above.ToArray()), path.Body);
        var inside = query.InScope(scope, path);
        return inside.Union(query.Where(Expression.Lambda<Func<T, bool>>(contains, path.Parameters)));
    }

    /// <summary>
    /// A value read from a captured object, as a closure would: EF Core sends it as a SQL parameter, so the query's
    /// shape — and its compiled form in EF's query cache — is the same for every user and every request. (A bare
    /// constant would be inlined: a new cache entry per unit path, and for a list, a compilation per request.)
    /// </summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed class Captured<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
