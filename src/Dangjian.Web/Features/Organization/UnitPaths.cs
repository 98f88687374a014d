using System.Globalization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// Resolves a unit path of names (市科技局/办公室) for the roster import. The path starts at a top-level unit or at a
/// unit of the importer's scope (by name or code) and walks down by name; the names not found become new units, planned
/// once however many rows name them. New units go only under a unit inside the scope: nobody creates units beside or
/// above their own subtree. A planned unit gets the parent's code plus a two-digit number (unique), and a kind read
/// from its name (…党支部 a branch, …党总支 a general branch, …党组 a party group, …党委 a committee, else a department).
/// </summary>
public sealed class UnitPaths(IReadOnlyList<UnitPaths.Known> units, IEnumerable<string> allCodes, DataScope scope)
{
    public sealed record Known(Guid Id, Guid? ParentId, string Name, string Code, string Path, int SortOrder);

    private static readonly char[] Separators = ['/', '／', '\\'];

    private readonly HashSet<string> codes = allCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<(Guid Parent, string Name), Node> planned = [];

    private readonly List<RosterImport.NewUnit> order = [];

    private readonly Dictionary<Guid, int> nextSort = [];

    /// <summary>The units to create, parents before children.</summary>
    public IReadOnlyList<RosterImport.NewUnit> Planned => order;

    public static bool IsPath(string text) => text.IndexOfAny(Separators) >= 0;

    /// <summary>The unit the path names (existing or planned), or a Chinese problem.</summary>
    public (Guid Id, string? Problem) Resolve(string text)
    {
        var names = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return (Guid.Empty, "单位路径为空");
        }

        if (names.FirstOrDefault(n => n.Length > 100) is { } tooLong)
        {
            return (Guid.Empty, $"单位名称“{tooLong[..20]}…”超过100个字");
        }

        var inScope = units.Where(u => scope.Covers(u.Path) && (u.Name == names[0] || string.Equals(u.Code, names[0], StringComparison.OrdinalIgnoreCase))).ToList();
        var tops = units.Where(u => u.ParentId is null && u.Name == names[0]).ToList();
        var start = inScope.Count == 1 ? inScope[0] : inScope.Count == 0 && tops.Count == 1 ? tops[0] : null;
        if (start is null)
        {
            return (Guid.Empty, inScope.Count > 1 || tops.Count > 1
                ? $"单位名称“{names[0]}”不唯一，请从上一级单位写起或填写单位编码"
                : $"找不到单位路径的起点“{names[0]}”（应为顶层单位或您管理范围内的单位）");
        }

        var current = start;
        var i = 1;
        for (; i < names.Length; i++)
        {
            var children = units.Where(u => u.ParentId == current.Id && u.Name == names[i]).ToList();
            if (children.Count > 1)
            {
                return (Guid.Empty, $"“{current.Name}”下有多个名为“{names[i]}”的单位，请填写单位编码");
            }

            if (children.Count == 0)
            {
                break;
            }

            current = children[0];
        }

        if (i == names.Length)
        {
            return scope.Covers(current.Path) ? (current.Id, null) : (Guid.Empty, $"单位“{current.Name}”不在您的管理范围内");
        }

        if (!scope.Covers(current.Path))
        {
            return (Guid.Empty, $"不能在“{current.Name}”下新建单位“{names[i]}”：该单位不在您的管理范围内");
        }

        if (current.Path.Length + ((names.Length - i) * 33) > 800)
        {
            return (Guid.Empty, "单位路径层级过多");
        }

        var parentId = current.Id;
        var parentPath = current.Path;
        var parentCode = current.Code;
        var prefix = string.Join('/', names.Take(i));
        for (; i < names.Length; i++)
        {
            prefix += "/" + names[i];
            if (!planned.TryGetValue((parentId, names[i]), out var node))
            {
                var unit = new OrgUnit { Name = names[i], Code = NextCode(parentCode), Kind = KindOf(names[i]), ParentId = parentId, SortOrder = NextSort(parentId) };
                unit.Path = parentPath + unit.Id.ToString("N") + "/";
                node = new Node(unit);
                planned[(parentId, names[i])] = node;
                order.Add(new RosterImport.NewUnit(unit, prefix));
            }

            parentId = node.Unit.Id;
            parentPath = node.Unit.Path;
            parentCode = node.Unit.Code;
        }

        return (parentId, null);
    }

    public static OrgUnitKind KindOf(string name) => name switch
    {
        _ when name.EndsWith("党支部", StringComparison.Ordinal) => OrgUnitKind.Branch,
        _ when name.EndsWith("党总支", StringComparison.Ordinal) => OrgUnitKind.GeneralBranch,
        _ when name.EndsWith("党组", StringComparison.Ordinal) => OrgUnitKind.PartyGroup,
        _ when name.EndsWith("党委", StringComparison.Ordinal) => OrgUnitKind.PartyCommittee,
        _ => OrgUnitKind.Department,
    };

    private string NextCode(string parentCode)
    {
        for (var n = 1; ; n++)
        {
            var code = parentCode + "-" + n.ToString("D2", CultureInfo.InvariantCulture);
            if (code.Length <= 50 && codes.Add(code))
            {
                return code;
            }

            if (code.Length > 50)
            {
                var fallback = "U" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
                codes.Add(fallback);
                return fallback;
            }
        }
    }

    private int NextSort(Guid parentId)
    {
        if (!nextSort.TryGetValue(parentId, out var sort))
        {
            sort = units.Where(u => u.ParentId == parentId).Select(u => u.SortOrder).DefaultIfEmpty(0).Max();
        }

        sort += 10;
        nextSort[parentId] = sort;
        return sort;
    }

    private sealed record Node(OrgUnit Unit);
}
