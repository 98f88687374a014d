using System.Text.RegularExpressions;

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
        var features = Path.Combine(RepositoryRoot(), "src", "Dangjian.Web", "Features");
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

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("没有找到仓库根目录（Dangjian.slnx）。");
    }
}
