using System.Collections.Concurrent;
using System.Security.Claims;
using Dangjian.Web.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Whether a local link opens for a person as far as its page's permission goes (the <see cref="RequirePermissionAttribute"/>
/// and roles on the target page), so that shared figures, tiles and charts show a link only to those it does not refuse
/// (issue 21: no dead ends). Record-level scope is still the page's own check.
/// </summary>
public sealed class PageLinks(EndpointDataSource endpoints)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<IAuthorizeData>?> rules = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><paramref name="url"/> when the person may open its page, else null (an unknown page counts as closed).</summary>
    public string? For(ClaimsPrincipal user, string? url) => url is not null && Opens(user, url) ? url : null;

    public bool Opens(ClaimsPrincipal user, string url)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(url);
        var path = url.Split('?', '#')[0].TrimEnd('/');
        var demands = rules.GetOrAdd(path.Length == 0 ? "/" : path, Find);
        if (demands is null)
        {
            return false;
        }

        foreach (var demand in demands)
        {
            if (demand is RequirePermissionAttribute permission && !user.Can(permission.Permission))
            {
                return false;
            }

            if (demand.Roles is { Length: > 0 } roles && !roles.Split(',').Any(r => user.IsInRole(r.Trim())))
            {
                return false;
            }
        }

        return true;
    }

    private IReadOnlyList<IAuthorizeData>? Find(string path)
    {
        var wanted = path.TrimStart('/');
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.Parameters.Count == 0 && string.Equals(Literal(endpoint.RoutePattern), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            }
        }

        return null;
    }

    private static string Literal(RoutePattern pattern) =>
        string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.OfType<RoutePatternLiteralPart>().Select(p => p.Content))));
}
