using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Http.Extensions;

namespace Dangjian.Web.Platform.Web;

/// <summary>What the shared pager partial needs: the page, the count, and how to link to another page with the same filters.</summary>
public sealed record Pager(int Page, int TotalPages, int Total, Func<int, string> UrlFor)
{
    /// <summary>Links keep every query value of the current request and change only <c>page</c>.</summary>
    public static Pager For<T>(Paged<T> paged, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(paged);
        ArgumentNullException.ThrowIfNull(request);
        return new Pager(paged.Page, paged.TotalPages, paged.Total, page =>
        {
            var query = new QueryBuilder(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
            {
                { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            return request.Path + query.ToQueryString().ToString();
        });
    }
}
