using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Web.Features.Appraisals;

public static class AppraisalRules
{
    public static string Label(Grade grade) => grade switch
    {
        Grade.Good => "好",
        Grade.FairlyGood => "较好",
        Grade.Average => "一般",
        _ => "差",
    };

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    public static string Encode(IReadOnlyDictionary<int, Grade> grades) =>
        string.Join(',', (grades ?? throw new ArgumentNullException(nameof(grades))).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString(CultureInfo.InvariantCulture)}:{(int)g.Value}"));

    public static Dictionary<int, Grade> Decode(string? grades) =>
        (grades ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Where(p => p.Length == 2 && int.TryParse(p[0], CultureInfo.InvariantCulture, out _) && int.TryParse(p[1], CultureInfo.InvariantCulture, out var g) && Enum.IsDefined((Grade)g))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => (Grade)int.Parse(p[1], CultureInfo.InvariantCulture));

    /// <summary>Reads a ballot form: a grade for every target, or a Chinese reason (a missing or unknown target, a bad grade).</summary>
    public static (Dictionary<int, Grade>? Grades, string? Problem) Read(IReadOnlyList<AppraisalTarget> targets, IReadOnlyDictionary<int, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(posted);
        if (posted.Keys.Any(k => targets.All(t => t.Order != k)))
        {
            return (null, "选票内容与测评对象不符，未被接收。请刷新页面后重新填写。");
        }

        var grades = new Dictionary<int, Grade>();
        foreach (var target in targets)
        {
            if (!posted.TryGetValue(target.Order, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return (null, $"请对“{target.Name}”作出评价。");
            }

            if (!Enum.TryParse<Grade>(value, out var grade) || !Enum.IsDefined(grade))
            {
                return (null, $"对“{target.Name}”的评价无效。");
            }

            grades[target.Order] = grade;
        }

        return (grades, null);
    }
}
