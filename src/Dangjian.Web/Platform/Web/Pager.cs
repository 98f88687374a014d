using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Http.Extensions;

namespace Dangjian.Web.Platform.Web;

/// <summary>What the shared pager partial needs: the page, the count, and how to link to another page with the same filters.</summary>
public sealed record Pager(int Page, int TotalPages, int Total, Func<int, string> UrlFor)
{
    /// <summary>Links keep every query value of the current request and change only <c>page</c>.</summary>
    public static Pager For<T>(Paged<T> paged, HttpRequest request) => For(paged, request, "page", null);

    /// <summary>
    /// For one of several lists on a page: links change only <paramref name="parameter"/> and jump to the list's
    /// <paramref name="anchor"/>.
    /// </summary>
    public static Pager For<T>(Paged<T> paged, HttpRequest request, string parameter, string? anchor)
    {
        ArgumentNullException.ThrowIfNull(paged);
        ArgumentNullException.ThrowIfNull(request);
        return new Pager(paged.Page, paged.TotalPages, paged.Total, page =>
        {
            var query = new QueryBuilder(request.Query.Where(q => q.Key != parameter).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
            {
                { parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            return request.Path + query.ToQueryString().ToString() + (anchor is null ? "" : "#" + anchor);
        });
    }
}
