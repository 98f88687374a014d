using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using static Dangjian.Tests.Infrastructure.FormCatalog;

namespace Dangjian.Tests.Platform.Web;

/// <summary>
/// Every message a form shows is Chinese: model-binding messages, the required flag MVC adds by itself, data
/// annotations, and the client-side messages pages carry in <c>data-val-*</c> attributes before anything is typed.
/// </summary>
public sealed partial class ChineseMessagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task EveryFormsInvalidPostShowsNoEnglishSentence()
    {
        var writes = await PageWritesAsync(app.Services);
        var office = await app.SignedInClientAsync("office");
        var system = await app.AdminClientAsync(Roles.SystemAdmin);
        var security = await app.AdminClientAsync(Roles.SecurityAdmin);
        var tokens = new Dictionary<HttpClient, string>
        {
            [office] = await TokenAsync(office),
            [system] = await TokenAsync(system),
            [security] = await TokenAsync(security),
        };
        var english = new List<string>();
        var forms = 0;

        foreach (var write in writes.Where(w => !w.Route.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) && !w.Route.StartsWith("/Error", StringComparison.OrdinalIgnoreCase) && !w.Route.StartsWith("/Public", StringComparison.OrdinalIgnoreCase) && !w.Route.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase)))
        {
            var client = write.Route.StartsWith("/Admin/Users", StringComparison.OrdinalIgnoreCase) ? system
                : write.Route.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) ? security
                : office;
            var url = Url(write, Variant.Empty, Guid.Empty);
            using var content = Content(write, Variant.Empty, Guid.Empty, tokens[client]);
            var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            forms++;
            english.AddRange(EnglishMessages(await response.ParseAsync()).Select(m => $"POST {url}: {m}"));
        }

        forms.ShouldBeGreaterThan(20, "invalid posts that re-show their form");
        english.ShouldBeEmpty(string.Join("\n", english));
    }

    [DbFact]
    public async Task TheAccountEditorIsChineseBeforeTypingAndAfterSaving()
    {
        var system = await app.AdminClientAsync(Roles.SystemAdmin);

        var blank = await system.GetDocumentAsync("/Admin/Users/Edit");
        EnglishMessages(blank).ShouldBeEmpty();
        blank.QuerySelector("[data-testid=errors]")?.TextContent.ShouldBeNull("nothing typed yet, so nothing is wrong yet");

        var userName = "e" + Guid.NewGuid().ToString("N")[..10];
        var saved = await system.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["DisplayName"] = "测试账户",
            ["SelectedRoles"] = Roles.Member,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var after = await system.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        EnglishMessages(after).ShouldBeEmpty();
        after.QuerySelector("[data-testid=errors]")?.TextContent.ShouldBeNull("a successful save shows no errors");

        var resaved = await system.PostFormAsync(saved.Headers.Location!.OriginalString, new Dictionary<string, string> { ["DisplayName"] = "", ["SelectedRoles"] = Roles.Member });
        EnglishMessages(await resaved.ParseAsync()).ShouldBeEmpty();
    }

    /// <summary>Shown or carried messages that contain Latin words and not one Chinese character.</summary>
    private static List<string> EnglishMessages(IHtmlDocument page)
    {
        var shown = page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .text-danger, [data-testid=errors], .invalid-feedback, .alert-danger")
            .SelectMany(e => e.TextContent.Split('\n'));
        var carried = page.All.SelectMany(e => e.Attributes.Where(a => MessageAttribute().IsMatch(a.Name)).Select(a => a.Value));
        return shown.Concat(carried).Select(m => m.Trim()).Where(m => LatinWords().IsMatch(m) && !m.Any(c => c >= '\u2E80')).Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/Account/Security")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    [GeneratedRegex("^data-val-[a-z]+$")]
    private static partial Regex MessageAttribute();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWords();
}
