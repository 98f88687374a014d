using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Web.Platform.Documents;

/// <summary>
/// Reads the first sheet of an .xlsx, or a .csv (UTF-8 or GB18030, as Excel saves it in China), into rows of
/// strings. The kind is decided by the content, not the file name; anything else is refused in Chinese.
/// </summary>
public static class SpreadsheetReader
{
    public sealed class UnreadableException(string message) : Exception(message);

    public const int MaxRows = 50_000;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static List<string[]> Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new UnreadableException("文件是空的。");
        }

        return IsZip(content) ? ReadXlsx(content) : ReadCsv(content);
    }

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static List<string[]> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new UnreadableException("不是有效的 Excel 文件。");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new UnreadableException("Excel 文件中没有工作表。");
            var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyleIndexes(workbook);
            var rows = new List<string[]>();
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value);
                    while (cells.Count < index)
                    {
                        cells.Add("");
                    }

                    cells.Add(CellText(cell, shared, dateStyles));
                }

                rows.Add([.. cells]);
                if (rows.Count > MaxRows + 1)
                {
                    throw new UnreadableException($"文件超过{MaxRows}行，请分批导入。");
                }
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new UnreadableException("无法读取该文件：它不是有效的 Excel (.xlsx) 文件。");
        }
    }

    private static List<string[]> ReadCsv(byte[] content)
    {
        if (content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0))
        {
            throw new UnreadableException("无法读取该文件：请上传 Excel (.xlsx) 或 CSV 文件。");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(content);
        }

        var rows = new List<string[]>();
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = true });
        while (csv.Read())
        {
            rows.Add(csv.Record ?? []);
            if (rows.Count > MaxRows + 1)
            {
                throw new UnreadableException($"文件超过{MaxRows}行，请分批导入。");
            }
        }

        return rows;
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i < shared.Length)
        {
            return shared[i].Trim();
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText ?? "").Trim();
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "是" : "否";
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return raw.Trim();
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null)
        {
            return result;
        }

        var custom = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && (code.Contains('y') || code.Contains('d')) && !code.Contains('#'))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || custom.Contains(id))
            {
                result.Add((uint)i);
            }
        }

        return result;
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return 0;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
