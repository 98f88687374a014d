using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// One page of a server-side paginated list, with what a pager needs; also the JSON of every paginated API list
/// (<c>items</c>, <c>total</c>, <c>page</c>, <c>pageSize</c>).
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    [JsonIgnore]
    public int TotalPages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    [JsonIgnore]
    public bool HasPrevious => Page > 1;

    [JsonIgnore]
    public bool HasNext => Page < TotalPages;

    /// <summary>The same page with each item mapped (a page of entities as a page of DTOs).</summary>
    public Paged<TResult> Select<TResult>(Func<T, TResult> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

public static class PagedQueryExtensions
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Counts and fetches one page in two SQL commands whatever the data size. The query must already be
    /// ordered (by a unique key last) so pages are stable. Out-of-range page numbers are clamped.
    /// </summary>
    public static Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        query.ToPageAsync(page, pageSize, null, ct);

    /// <summary>
    /// As above; with <paramref name="knownTotal"/> (the query's count, already known from figures the page counted
    /// anyway) in one command. A known total of 0 is counted again (figures from another instance may be a minute old).
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize, int? knownTotal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = knownTotal is > 0 ? knownTotal.Value : await query.CountAsync(ct);
        page = Clamp(page, total, pageSize);
        var items = total == 0 ? [] : await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, total, page, pageSize);
    }

    /// <summary>One page of a list already in memory (figures counted once and kept), clamped like <see cref="ToPageAsync{T}"/>.</summary>
    public static Paged<T> ToPage<T>(this IReadOnlyList<T> list, int page, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(list);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Clamp(page, list.Count, pageSize);
        return new Paged<T>(list.Skip((page - 1) * pageSize).Take(pageSize).ToList(), list.Count, page, pageSize);
    }

    private static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
}
