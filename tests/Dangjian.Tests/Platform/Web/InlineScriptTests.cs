using System.Text.RegularExpressions;
using Dangjian.Tests.Infrastructure;

namespace Dangjian.Tests.Platform.Web;

/// <summary>
/// The Content-Security-Policy allows no inline script, so an inline handler (onclick="window.print()") silently does
/// nothing in the browser. Behaviour goes through site.js and data attributes (data-print, data-confirm, …) instead.
/// </summary>
public sealed partial class InlineScriptTests
{
    [Fact]
    public void NoViewHasAnInlineEventHandlerOrScriptUrl()
    {
        var features = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Dangjian.Web", "Features");
        var views = Directory.GetFiles(features, "*.cshtml", SearchOption.AllDirectories);
        views.Length.ShouldBeGreaterThan(100);
        var found = views
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => InlineHandler().IsMatch(x.line) || x.line.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(x => $"{Path.GetRelativePath(features, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        found.ShouldBeEmpty();
    }

    [Fact]
    public void TheCheckFindsAnInlineHandler()
    {
        InlineHandler().IsMatch("""<button type="button" onclick="window.print()">""").ShouldBeTrue();
        InlineHandler().IsMatch("""<select onchange='this.form.submit()'>""").ShouldBeTrue();
        InlineHandler().IsMatch("""<button type="button" data-print>""").ShouldBeFalse();
    }

    [GeneratedRegex("""<[^>]*\son[a-z]+\s*=\s*["']""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
