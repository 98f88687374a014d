using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>Reads the units of a scope once and arranges them as a tree in memory (constant SQL per page).</summary>
public static class OrgTree
{
    public sealed record Node(Guid Id, Guid? ParentId, string Name, string Code, OrgUnitKind Kind, string Path, int SortOrder, bool IsActive)
    {
        public List<Node> Children { get; } = [];

        public int Depth { get; set; }

        public int People { get; set; }
    }

    /// <summary>The scope's units as forest roots (a unit whose parent is outside the scope is a root).</summary>
    public static async Task<List<Node>> LoadAsync(AppDbContext db, DataScope scope, bool withCounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.OrgUnits.AsNoTracking().InScope(scope, u => u.Path)
            .Select(u => new Node(u.Id, u.ParentId, u.Name, u.Code, u.Kind, u.Path, u.SortOrder, u.IsActive))
            .ToListAsync(ct);
        if (withCounts)
        {
            var counts = await db.People.AsNoTracking().InScope(scope, p => p.OrgUnit!.Path)
                .GroupBy(p => p.OrgUnitId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            foreach (var unit in units)
            {
                unit.People = counts.GetValueOrDefault(unit.Id);
            }
        }

        var byId = units.ToDictionary(u => u.Id);
        var roots = new List<Node>();
        foreach (var unit in units)
        {
            if (unit.ParentId is { } parent && byId.TryGetValue(parent, out var p))
            {
                p.Children.Add(unit);
            }
            else
            {
                roots.Add(unit);
            }
        }

        Sort(roots, 0);
        return roots;
    }

    /// <summary>The scope's units in tree order with their depth, for unit pickers; in-use units only unless asked.</summary>
    public static async Task<List<Node>> ListAsync(AppDbContext db, DataScope scope, bool activeOnly = true, bool withCounts = false, CancellationToken ct = default) =>
        Flatten(await LoadAsync(db, scope, withCounts, ct)).Where(n => !activeOnly || n.IsActive).ToList();

    /// <summary>Depth-first order, for selects and exports.</summary>
    public static IEnumerable<Node> Flatten(IEnumerable<Node> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (var node in roots)
        {
            yield return node;
            foreach (var child in Flatten(node.Children))
            {
                yield return child;
            }
        }
    }

    private static void Sort(List<Node> nodes, int depth)
    {
        nodes.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : string.CompareOrdinal(a.Name, b.Name));
        foreach (var node in nodes)
        {
            node.Depth = depth;
            Sort(node.Children, depth + 1);
        }
    }
}
