using System.Globalization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// Roster import: reads an .xlsx or .csv in the template's layout, checks every row (required fields, ID
/// checksum, unit in scope, duplicates in the file and in the system) and reports every problem in Chinese
/// before anything is written; then inserts all rows in one transaction, or none. The unit column takes a unit's
/// code, its unique name, or a path of names from the top (市科技局/办公室): the path's missing units are created in
/// the same transaction, but only under a unit in the importer's scope.
/// </summary>
public sealed class RosterImport(AppDbContext db, PersonEditor editor, SensitiveData sensitive)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly string[] Headers = ["姓名", "性别", "出生日期", "身份证号", "手机号", "所在单位", "职务", "政治面貌", "入党日期", "转正日期", "职级", "是否离退休"];

    public sealed record RowProblem(int Row, string Name, IReadOnlyList<string> Problems);

    /// <summary>A unit the import will create, with its path of names for the preview.</summary>
    public sealed record NewUnit(OrgUnit Unit, string NamePath);

    public sealed record Preview(int Total, IReadOnlyList<Person> Valid, IReadOnlyList<RowProblem> Problems, string? FileError)
    {
        public bool CanImport => FileError is null && Problems.Count == 0 && Valid.Count > 0;

        /// <summary>Units named by a path that do not exist yet, parents first.</summary>
        public IReadOnlyList<NewUnit> NewUnits { get; init; } = [];
    }

    /// <summary>Example rows for the template.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> TemplateRows { get; } =
    [
        ["张三（示例，导入时忽略）", "男", "1985-06-15", PersonalIds.WithCheckDigit("11010519850615001"), "13800000000", "市科技局/办公室", "科员", "正式党员", "2008-07-01", "2009-07-01", "一般干部", "否"],
    ];

    /// <summary>A header cell as the importer reads it: “姓名*” (required, as the Excel template marks it) is “姓名”.</summary>
    public static string HeaderName(string cell) => (cell ?? "").Trim().TrimEnd('*', '＊').Trim();

    public async Task<Preview> CheckAsync(byte[] content, DataScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > MaxBytes)
        {
            return new Preview(0, [], [], $"文件超过{MaxBytes / 1024 / 1024} MB，请分批导入。");
        }

        List<string[]> rows;
        try
        {
            rows = SpreadsheetReader.Read(content);
        }
        catch (SpreadsheetReader.UnreadableException e)
        {
            return new Preview(0, [], [], e.Message);
        }

        var headerIndex = rows.FindIndex(r => r.Any(c => HeaderName(c) == "姓名"));
        if (headerIndex < 0)
        {
            return new Preview(0, [], [], "没有找到表头行。请使用下载的模板，第一行（或标题下一行）应包含“姓名”“所在单位”等列名。");
        }

        var header = rows[headerIndex].Select(HeaderName).ToArray();
        var col = Headers.ToDictionary(h => h, h => Array.IndexOf(header, h), StringComparer.Ordinal);
        if (col["所在单位"] < 0)
        {
            return new Preview(0, [], [], "表头缺少“所在单位”列。");
        }

        var units = await db.OrgUnits.AsNoTracking().InScope(scope, u => u.Path).Where(u => u.IsActive)
            .Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var byCode = units.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var byName = units.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList(), StringComparer.Ordinal);

        var example = TemplateRows[0][0]!.ToString();
        var data = rows.Skip(headerIndex + 1).Select((cells, i) => (Row: headerIndex + 2 + i, Cells: cells))
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Where(r => !(col["姓名"] >= 0 && col["姓名"] < r.Cells.Length && r.Cells[col["姓名"]].Trim() == example))
            .ToList();
        var paths = new UnitPaths(await db.OrgUnits.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new UnitPaths.Known(u.Id, u.ParentId, u.Name, u.Code, u.Path, u.SortOrder)).ToListAsync(ct),
            await db.OrgUnits.IgnoreQueryFilters().Select(u => u.Code).ToListAsync(ct), scope);
        var hashes = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(int Row, Person Person, string? Hash, List<string> Problems)>();
        foreach (var (rowNumber, cells) in data)
        {
            string Cell(string name) => col[name] is var i && i >= 0 && i < cells.Length ? cells[i].Trim() : "";
            var problems = new List<string>();
            var person = new Person { Name = Cell("姓名") };
            if (person.Name.Length == 0)
            {
                problems.Add("缺少姓名");
            }
            else if (person.Name.Length > 50)
            {
                problems.Add("姓名超过50个字");
            }

            var unit = Cell("所在单位");
            if (unit.Length == 0)
            {
                problems.Add("缺少所在单位");
            }
            else if (UnitPaths.IsPath(unit))
            {
                var (pathUnitId, pathProblem) = paths.Resolve(unit);
                if (pathProblem is not null)
                {
                    problems.Add(pathProblem);
                }
                else
                {
                    person.OrgUnitId = pathUnitId;
                }
            }
            else if (byCode.TryGetValue(unit, out var unitId))
            {
                person.OrgUnitId = unitId;
            }
            else if (byName.TryGetValue(unit, out var ids) && ids.Count == 1)
            {
                person.OrgUnitId = ids[0];
            }
            else
            {
                problems.Add(byName.ContainsKey(unit) ? $"单位名称“{unit}”不唯一，请填写单位编码" : $"找不到单位“{unit}”（或不在您的管理范围内）");
            }

            person.Gender = Cell("性别") switch { "男" => Gender.Male, "女" => Gender.Female, "" => Gender.Unknown, var g => Problem(problems, $"性别“{g}”应为男或女", Gender.Unknown) };
            person.BirthDate = Date(Cell("出生日期"), "出生日期", problems);
            person.JoinedPartyOn = Date(Cell("入党日期"), "入党日期", problems);
            person.FullMemberOn = Date(Cell("转正日期"), "转正日期", problems);
            person.Title = Cell("职务") is { Length: > 0 } t ? t : null;
            person.PartyStatus = Cell("政治面貌") switch
            {
                "正式党员" or "中共党员" or "党员" or "" => PartyStatus.Full,
                "预备党员" or "中共预备党员" => PartyStatus.Probationary,
                "入党积极分子" => PartyStatus.Activist,
                "群众" => PartyStatus.NonMember,
                var s => Problem(problems, $"政治面貌“{s}”应为正式党员、预备党员、入党积极分子或群众", PartyStatus.Full),
            };
            person.PostRank = Cell("职级") switch
            {
                "班子成员" => PostRank.TeamMember,
                "中层正职" => PostRank.MiddleChief,
                "中层副职" => PostRank.MiddleDeputy,
                "一般干部" or "" => PostRank.Staff,
                var r => Problem(problems, $"职级“{r}”应为班子成员、中层正职、中层副职或一般干部", PostRank.Staff),
            };
            person.IsRetired = Cell("是否离退休") switch
            {
                "是" or "Y" or "y" or "离退休" => true,
                "否" or "N" or "n" or "" => false,
                var x => Problem(problems, $"是否离退休“{x}”应为是或否", false),
            };

            string? hash = null;
            var idRaw = Cell("身份证号");
            if (idRaw.Length > 0)
            {
                var id = PersonalIds.NormalizeIdNumber(idRaw);
                if (PersonalIds.CheckIdNumber(id) is { } idProblem)
                {
                    problems.Add(idProblem.TrimEnd('。'));
                }
                else
                {
                    hash = await sensitive.LookupHashAsync(id, ct);
                    if (hashes.TryGetValue(hash, out var first))
                    {
                        problems.Add($"身份证号与第{first}行重复");
                    }
                    else
                    {
                        hashes[hash] = rowNumber;
                        editor.SetIdNumber(person, new PersonEditor.IdNumber(id, hash));
                        var fromId = PersonalIds.BirthDate(id);
                        if (person.BirthDate is { } birth && birth != fromId)
                        {
                            problems.Add("出生日期与身份证号不一致");
                        }

                        person.BirthDate ??= fromId;
                        if (person.Gender == Gender.Unknown)
                        {
                            person.Gender = PersonalIds.GenderOf(id);
                        }
                    }
                }
            }

            var phone = PersonalIds.NormalizePhone(Cell("手机号"));
            if (phone.Length > 0)
            {
                if (PersonalIds.CheckPhone(phone) is { } phoneProblem)
                {
                    problems.Add(phoneProblem.TrimEnd('。'));
                }
                else
                {
                    editor.SetPhone(person, phone);
                }
            }

            if (person.FullMemberOn is { } full && person.JoinedPartyOn is { } joined && full < joined)
            {
                problems.Add("转正日期早于入党日期");
            }

            parsed.Add((rowNumber, person, hash, problems));
        }

        if (hashes.Count > 0)
        {
            var keys = hashes.Keys.ToList();
            var existing = (await db.People.IgnoreQueryFilters().Where(p => p.IdNumberHash != null && keys.Contains(p.IdNumberHash)).Select(p => p.IdNumberHash!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var row in parsed.Where(r => r.Hash is not null && existing.Contains(r.Hash)))
            {
                row.Problems.Add("身份证号已在系统中登记");
            }
        }

        if (parsed.Count == 0)
        {
            return new Preview(0, [], [], "文件中没有数据行。");
        }

        var valid = parsed.Where(r => r.Problems.Count == 0).Select(r => r.Person).ToList();
        return new Preview(
            parsed.Count,
            valid,
            parsed.Where(r => r.Problems.Count > 0).Select(r => new RowProblem(r.Row, r.Person.Name, r.Problems)).ToList(),
            null)
        {
            NewUnits = paths.Planned,
        };
    }

    /// <summary>Inserts every checked row in one transaction (each audited), plus one import record.</summary>
    public async Task<int> ImportAsync(Preview preview, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (!preview.CanImport)
        {
            throw new InvalidOperationException("预览中仍有问题，不能导入。");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.OrgUnits.AddRange(preview.NewUnits.Select(u => u.Unit));
        db.People.AddRange(preview.Valid);
        var summary = preview.NewUnits.Count > 0 ? $"导入人员{preview.Valid.Count}人，新建单位{preview.NewUnits.Count}个" : $"导入人员{preview.Valid.Count}人";
        db.Audit(AuditActions.Import, nameof(Person), null, summary, null, new { 文件 = fileName, 人数 = preview.Valid.Count, 新建单位 = preview.NewUnits.Select(u => u.NamePath).ToList() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return preview.Valid.Count;
    }

    private static T Problem<T>(List<string> problems, string message, T fallback)
    {
        problems.Add(message);
        return fallback;
    }

    private static DateOnly? Date(string text, string field, List<string> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        problems.Add($"{field}“{text}”格式不正确，应如 2008-07-01");
        return null;
    }
}
