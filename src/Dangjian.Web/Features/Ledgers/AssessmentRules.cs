namespace Dangjian.Web.Features.Ledgers;

/// <summary>
/// The arithmetic of 季考核, kept pure for property tests: weights that add up, scores within range, computed scores,
/// totals, and the ranking with its tie rule.
/// </summary>
public static class AssessmentRules
{
    public const decimal FullMarks = 100m;

    public const string TieRule = "总分高者在前；总分相同的，依次比较各一级指标得分（按方案中的顺序），高者在前；全部相同的并列同一名次。名列第一的单位获得流动红旗，并列第一的共同获得。";

    public sealed record Node(Guid Id, Guid? ParentId, string Name, decimal Points);

    /// <summary>Why the tree's points do not add up: the top level must total 100, and each parent's children its points. Null when they do.</summary>
    public static string? CheckWeights(IReadOnlyList<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            return "还没有考核指标。";
        }

        var top = nodes.Where(n => n.ParentId is null).Sum(n => n.Points);
        if (top != FullMarks)
        {
            return $"一级指标分值合计须为100分，现为{top:0.#}分。";
        }

        foreach (var parent in nodes.Where(p => nodes.Any(c => c.ParentId == p.Id)))
        {
            var sum = nodes.Where(c => c.ParentId == parent.Id).Sum(c => c.Points);
            if (sum != parent.Points)
            {
                return $"“{parent.Name}”的下级指标分值合计须为{parent.Points:0.#}分，现为{sum:0.#}分。";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="score"/> is not a valid score for an indicator worth <paramref name="points"/>.</summary>
    public static string? CheckScore(decimal score, decimal points) =>
        score < 0 || score > points ? $"得分须在0到{points:0.#}分之间。" : decimal.Round(score, 1) != score ? "得分最多保留一位小数。" : null;

    /// <summary>
    /// A computed indicator's score: its points times the rate done ÷ due, rounded to one decimal. With nothing due in the
    /// period the department loses nothing (full points).
    /// </summary>
    public static decimal Computed(decimal points, int done, int due) =>
        due <= 0 ? points : decimal.Round(points * Math.Clamp(done, 0, due) / due, 1, MidpointRounding.AwayFromZero);

    public sealed record Ranked(Guid UnitId, decimal Total, IReadOnlyList<decimal> TopLevel, int Rank);

    /// <summary>
    /// Ranks units by total, then by each top-level indicator in order; units equal on all of them share a rank and the
    /// next rank skips (1, 1, 3). <paramref name="topLevel"/> gives each unit's top-level indicator scores in the scheme's
    /// order; the total is their sum.
    /// </summary>
    public static List<Ranked> Rank(IReadOnlyDictionary<Guid, IReadOnlyList<decimal>> topLevel)
    {
        ArgumentNullException.ThrowIfNull(topLevel);
        var rows = topLevel.Select(kv => (Unit: kv.Key, Scores: kv.Value, Total: kv.Value.Sum())).ToList();
        rows.Sort((a, b) => Compare(b.Total, b.Scores, a.Total, a.Scores));
        var result = new List<Ranked>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && Compare(rows[i].Total, rows[i].Scores, rows[i - 1].Total, rows[i - 1].Scores) == 0 ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked(rows[i].Unit, rows[i].Total, rows[i].Scores, rank));
        }

        return result;
    }

    /// <summary>The red flag's holders: every unit ranked first (none when nobody was assessed).</summary>
    public static IEnumerable<Guid> FlagHolders(IEnumerable<Ranked> ranking) => (ranking ?? []).Where(r => r.Rank == 1).Select(r => r.UnitId);

    private static int Compare(decimal totalA, IReadOnlyList<decimal> a, decimal totalB, IReadOnlyList<decimal> b)
    {
        var byTotal = totalA.CompareTo(totalB);
        if (byTotal != 0)
        {
            return byTotal;
        }

        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
