using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Tests.Infrastructure;

/// <summary>The roster import's Excel template, filled in as a person would.</summary>
public static class RosterWorkbook
{
    /// <summary>
    /// Keeps the downloaded workbook (title, styles, the header row with “姓名*”) and writes <paramref name="rows"/> below
    /// its header in place of the example row, one cell per template column.
    /// </summary>
    public static byte[] Fill(byte[] template, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.First();
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            var header = data.Elements<Row>().Single(r => r.RowIndex!.Value == 2);
            if (!header.InnerText.Contains("姓名*", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The template's second row is not its header (姓名* …): " + header.InnerText);
            }

            foreach (var old in data.Elements<Row>().Where(r => r.RowIndex!.Value > 2).ToList())
            {
                old.Remove();
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var index = (uint)(i + 3);
                data.Append(new Row(rows[i].Select((text, c) => new Cell
                {
                    CellReference = ((char)('A' + c)).ToString() + index.ToString(CultureInfo.InvariantCulture),
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                })) { RowIndex = index });
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
