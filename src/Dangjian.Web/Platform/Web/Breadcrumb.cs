using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Dangjian.Web.Platform.Web;

/// <summary>One step of the breadcrumb trail; the last step has no link.</summary>
public sealed record Breadcrumb(string Title, string? Url = null);

public static class BreadcrumbExtensions
{
    public const string Key = "breadcrumbs";

    /// <summary>Sets the trail after "首页", e.g. <c>ViewData.Trail(new("账户安全", "/Account/Security"), new("API 令牌"))</c>.</summary>
    public static void Trail(this ViewDataDictionary viewData, params Breadcrumb[] steps)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        viewData[Key] = steps;
    }
}
