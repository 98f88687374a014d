using System.Text.RegularExpressions;
using Dangjian.Tests.Infrastructure;

namespace Dangjian.Tests.Platform;

/// <summary>
/// Platform is what every feature stands on; it must not lean on any feature, or a change in one feature ripples through
/// everything. Checked on the source: no file under <c>src/Dangjian.Web/Platform</c> names a feature namespace or a type
/// declared in one (comments and string literals aside). A feature that the platform must call registers an
/// implementation of a platform interface instead (<c>IStartupStep</c>, <c>ICommandVerb</c>, <c>KeptSecret</c>).
/// </summary>
public sealed partial class LayeringTests
{
    [Fact]
    public void PlatformNamesNoFeatureNamespaceAndNoFeatureType()
    {
        var found = FeatureReferences(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Dangjian.Web", "Platform"));
        found.ShouldBeEmpty("Platform 代码引用了功能模块（改为由功能模块实现平台接口）");
    }

    [Fact]
    public void TheCheckFindsANamespaceAQualifiedNameAndATypeButNotCommentsOrStrings()
    {
        var folder = Directory.CreateTempSubdirectory("layering-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "A.cs"), "using Dangjian.Web.Features.Demo;\n");
            File.WriteAllText(Path.Combine(folder, "B.cs"), "var x = Features.Appraisals.BallotKey.Purpose;\n");
            File.WriteAllText(Path.Combine(folder, "C.cs"), "var c = db.Set<Campaign>();\n");
            File.WriteAllText(Path.Combine(folder, "D.cs"), "// Campaign in a comment\nvar s = \"Campaign in a string\"; var f = http.Features.Get<IFoo>();\n/* CampaignPicker */\n(string? Problem, int Campaign) Check();\n");
            var found = FeatureReferences(folder);
            found.Count.ShouldBe(3, string.Join("\n", found));
            found.ShouldContain(f => f.StartsWith("A.cs:1", StringComparison.Ordinal));
            found.ShouldContain(f => f.StartsWith("B.cs:1", StringComparison.Ordinal));
            found.ShouldContain(f => f.StartsWith("C.cs:1", StringComparison.Ordinal) && f.Contains("Campaign", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"file:line: what" for every feature namespace or feature type named in the C# files under <paramref name="folder"/>.</summary>
    private static List<string> FeatureReferences(string folder)
    {
        var types = typeof(Program).Assembly.GetTypes();
        bool IsFeature(Type t) => t.Namespace?.StartsWith("Dangjian.Web.Features", StringComparison.Ordinal) == true;
        var featureNamespaces = types.Where(IsFeature).Select(t => t.Namespace!.Split('.')).Where(p => p.Length > 3).Select(p => p[3]).ToHashSet(StringComparer.Ordinal);
        var otherNames = types.Where(t => !IsFeature(t)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        // Top-level feature types whose name no other type shares (a shared name could mean the platform's own type).
        var featureTypes = types
            .Where(t => IsFeature(t) && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.Name.Split('`')[0])
            .Where(n => !otherNames.Contains(n))
            .ToHashSet(StringComparer.Ordinal);

        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = CodeOnly(File.ReadAllText(file)).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var names = FeatureNamespace().Matches(lines[i]).Where(m => featureNamespaces.Contains(m.Groups["area"].Value)).Select(m => m.Value)
                    .Concat(Identifier().Matches(lines[i]).Select(m => m.Groups["name"].Value).Where(featureTypes.Contains))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (names.Count > 0)
                {
                    found.Add($"{Path.GetRelativePath(folder, file)}:{i + 1}: {string.Join(", ", names)}");
                }
            }
        }

        return found;
    }

    /// <summary>The source with string literals and comments blanked (line breaks kept, so line numbers still hold).</summary>
    private static string CodeOnly(string source) =>
        NotCode().Replace(source, m => new string(m.Value.Where(c => c == '\n').ToArray()));

    [GeneratedRegex("(?<![\\w.])(?:Dangjian\\.Web\\.)?Features\\.(?<area>[A-Z]\\w*)")]
    private static partial Regex FeatureNamespace();

    /// <summary>A capitalised identifier, except a name being declared after its type in a parameter or tuple list (<c>string? Problem)</c>).</summary>
    [GeneratedRegex("(?<![\\w?>\\]]\\s+)\\b(?<name>[A-Z]\\w*)\\b|\\b(?<name>[A-Z]\\w*)\\b(?!\\s*[,)])")]
    private static partial Regex Identifier();

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)'|//[^\\n]*|/\\*[\\s\\S]*?\\*/")]
    private static partial Regex NotCode();
}
