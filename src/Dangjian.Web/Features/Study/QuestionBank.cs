using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// The question bank of the caller's organization (banks of units above are readable too), and its import from a
/// spreadsheet: every row is checked and reported in Chinese before anything is written, then all rows go in or none.
/// </summary>
public sealed class QuestionBank(AppDbContext db, CurrentUser me)
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static readonly string[] Headers = ["题型", "分类", "题干", "选项", "答案", "分值", "解析"];

    public static IReadOnlyList<IReadOnlyList<object?>> TemplateRows { get; } =
    [
        ["单选", "党章", "党的最高理想和最终目标是什么？", "A.实现共产主义\nB.全面建成小康社会\nC.实现社会主义现代化\nD.实现中华民族伟大复兴", "A", 2, "见党章总纲。"],
        ["多选", "准则", "“四风”指的是哪些作风问题？", "形式主义\n官僚主义\n享乐主义\n奢靡之风\n本位主义", "ABCD", 4, ""],
        ["判断", "条例", "党员领导干部可以在企业兼职取酬。", "", "错", 2, ""],
        ["简答", "群众路线", "简述党的群众路线的基本内容。", "", "一切为了群众，一切依靠群众，从群众中来，到群众中去。", 10, ""],
    ];

    public sealed record RowProblem(int Row, string Stem, IReadOnlyList<string> Problems);

    public sealed record ImportResult(int Imported, IReadOnlyList<RowProblem> Problems, string? FileError);

    /// <summary>
    /// The unit whose bank the caller edits: the top of their own scope (the organization for the campaign office, their
    /// own unit for anyone given the permission with a narrower scope), never a unit above what they manage.
    /// </summary>
    public async Task<Guid?> OwnerUnitIdAsync(CancellationToken ct = default)
    {
        var profile = await me.GetProfileAsync(ct);
        if (profile?.UnitPath is not { } path)
        {
            return null;
        }

        var scope = await me.GetScopeAsync(ct);
        var top = scope.PathPrefixes.FirstOrDefault(p => path.StartsWith(p, StringComparison.Ordinal)) ?? path;
        return await db.OrgUnits.Where(u => u.Path == top).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>Questions the caller may use: their own bank and those of units above them.</summary>
    public async Task<IQueryable<Question>> VisibleAsync(CancellationToken ct = default) =>
        db.Questions.AsNoTracking().InScopeOrAbove(await me.GetScopeAsync(ct), q => q.OwnerUnit!.Path);

    /// <summary>Options as stored: one per line, any "A." / "A、" prefix removed.</summary>
    public static string CleanOptions(string? options) => string.Join('\n', QuizRules.OptionsOf((options ?? "").Replace("\r", "", StringComparison.Ordinal))
        .Select(o => o.Length > 2 && char.IsAsciiLetterUpper(o[0]) && o[1] is '.' or '、' or '．' or ' ' ? o[2..].Trim() : o));

    public static string NormalizedAnswer(QuestionType type, string options, string answer) =>
        QuizRules.IsObjective(type) ? QuizRules.Normalize(type, QuizRules.OptionsOf(options).Count, answer).Value ?? answer.Trim() : answer.Trim();

    public async Task<ImportResult> ImportAsync(byte[] content, Guid ownerUnitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxImportBytes)
        {
            return new(0, [], $"文件超过{MaxImportBytes / 1024 / 1024} MB，请分批导入。");
        }

        List<string[]> rows;
        try
        {
            rows = SpreadsheetReader.Read(content);
        }
        catch (SpreadsheetReader.UnreadableException e)
        {
            return new(0, [], e.Message);
        }

        var headerIndex = rows.FindIndex(r => r.Any(c => c.Trim() == "题干"));
        if (headerIndex < 0)
        {
            return new(0, [], "没有找到表头行。请使用下载的模板，表头应包含“题型”“题干”“选项”“答案”等列。");
        }

        var header = rows[headerIndex].Select(h => h.Trim().TrimEnd('*', '＊')).ToArray();
        var col = Headers.ToDictionary(h => h, h => Array.IndexOf(header, h), StringComparer.Ordinal);
        if (col["题型"] < 0 || col["答案"] < 0)
        {
            return new(0, [], "表头缺少“题型”或“答案”列。");
        }

        var existing = (await db.Questions.AsNoTracking().Where(q => q.OwnerUnitId == ownerUnitId).Select(q => q.Stem).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<RowProblem>();
        var valid = new List<Question>();
        foreach (var (cells, i) in rows.Skip(headerIndex + 1).Select((c, i) => (c, i)))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(string name) => col[name] is var k && k >= 0 && k < cells.Length ? cells[k].Trim() : "";
            var rowProblems = new List<string>();
            var type = QuizRules.ParseType(Cell("题型"));
            var stem = Cell("题干");
            var options = CleanOptions(Cell("选项"));
            var answer = Cell("答案");
            var points = 2;
            if (type is null)
            {
                rowProblems.Add("题型须是 单选、多选、判断 或 简答。");
            }

            if (Cell("分值") is { Length: > 0 } p && (!int.TryParse(p, out points) || points < 1 || points > 100))
            {
                rowProblems.Add("分值须是1到100之间的整数。");
            }

            if (type is { } t && QuizRules.Validate(t, stem, options, answer, points) is { } problem)
            {
                rowProblems.Add(problem);
            }

            if (stem.Length > 0 && (existing.Contains(stem) || !seen.Add(stem)))
            {
                rowProblems.Add(existing.Contains(stem) ? "题库中已有相同题干的题目。" : "文件中有重复的题干。");
            }

            if (Cell("分类").Length > Question.CategoryMax || Cell("解析").Length > Question.ExplanationMax)
            {
                rowProblems.Add("分类不超过50字，解析不超过2000字。");
            }

            if (rowProblems.Count > 0)
            {
                problems.Add(new RowProblem(headerIndex + 2 + i, stem.Length > 30 ? stem[..30] + "…" : stem, rowProblems));
                continue;
            }

            valid.Add(new Question
            {
                OwnerUnitId = ownerUnitId,
                Type = type!.Value,
                Category = Cell("分类") is { Length: > 0 } c ? c : null,
                Stem = stem,
                Options = type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? options : "",
                Answer = NormalizedAnswer(type.Value, options, answer),
                Points = points,
                Explanation = Cell("解析") is { Length: > 0 } e ? e : null,
            });
        }

        if (problems.Count > 0)
        {
            return new(0, problems, null);
        }

        if (valid.Count == 0)
        {
            return new(0, [], "文件中没有题目。");
        }

        db.Questions.AddRange(valid);
        db.Audit("import", nameof(Question), null, $"导入题目{valid.Count}道");
        await db.SaveChangesAsync(ct);
        return new(valid.Count, [], null);
    }
}
