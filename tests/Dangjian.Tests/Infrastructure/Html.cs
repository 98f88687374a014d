using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Dangjian.Tests.Infrastructure;

/// <summary>Reads pages and posts their forms the way a browser would (antiforgery token included).</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="pageUrl"/>, takes the token of its first form (or the form posting to <paramref name="action"/>), and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var document = await client.GetDocumentAsync(pageUrl);
        // The layout's forms (sign-out, and the campaign switcher shown once there are two campaigns) are never the page's own.
        var form = document.Forms.FirstOrDefault(f => action is null ? !IsLogoutForm(f) && !f.ClassList.Contains("dj-switcher") : (f.GetAttribute("action") ?? "").Contains(action, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{pageUrl} 上没有表单 {action}");
        var values = new Dictionary<string, string>(fields);
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        if (token is not null)
        {
            values["__RequestVerificationToken"] = token;
        }

        var target = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Posts a multipart form (with files) the way a browser sends the page's form, antiforgery token included.</summary>
    /// <summary>
    /// Posts to a page handler the page does not offer the caller (a forged request), with the caller's own antiforgery
    /// token taken from any form on the page, so the test reaches the handler's own check.
    /// </summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(this HttpClient client, string pageUrl, string handler, IDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await client.GetDocumentAsync(pageUrl);
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "",
        };
        var url = pageUrl + (pageUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, IReadOnlyList<(string Field, string FileName, byte[] Content)> files, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var document = await client.GetDocumentAsync(pageUrl);
        var form = document.Forms.FirstOrDefault(f => (f.GetAttribute("enctype") ?? "") == "multipart/form-data" && (action is null || (f.GetAttribute("action") ?? "").Contains(action, StringComparison.OrdinalIgnoreCase)))
            ?? throw new InvalidOperationException($"{pageUrl} 上没有上传表单 {action}");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        if (form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") is { } token)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }

        var target = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static string ErrorsText(this IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return string.Join(" ", document.QuerySelectorAll("[data-testid=errors], .text-danger").Select(e => e.TextContent.Trim()));
    }

    private static bool IsLogoutForm(IHtmlFormElement form) => (form.GetAttribute("action") ?? "").Contains("Logout", StringComparison.OrdinalIgnoreCase);
}
