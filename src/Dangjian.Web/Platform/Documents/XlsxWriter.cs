using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Web.Platform.Documents;

/// <summary>
/// Writes one-sheet .xlsx ledgers the way offices lay them out: a merged title row, a bold header row frozen
/// under it, column widths, and real cell types (numbers as numbers, dates as dates). Stored
/// text is cleaned of characters XML cannot hold (<see cref="Web.UnsafeText"/>), so an export never fails on what is stored.
/// </summary>
public static class XlsxWriter
{
    public sealed record Column(string Header, double Width = 14);

    public static byte[] Write(string sheetName, string title, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            // The sheet is written as a stream of elements (the SAX writer), not built as a tree first: a ledger of
            // 20,000 rows costs what writing it costs, and no more memory than its compressed bytes.
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                writer.WriteElement(new Columns(columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Web.UnsafeText.Clean(title))), StyleIndex = 1 }) { RowIndex = 1, Height = 28, CustomHeight = true });
                writer.WriteElement(new Row(columns.Select((c, i) => TextCell(Reference(i, 2), c.Header, 2))) { RowIndex = 2 });
                uint rowIndex = 3;
                foreach (var row in rows)
                {
                    writer.WriteStartElement(new Row { RowIndex = rowIndex });
                    for (var i = 0; i < row.Count; i++)
                    {
                        writer.WriteElement(ValueCell(Reference(i, rowIndex), row[i]));
                    }

                    writer.WriteEndElement();
                    rowIndex++;
                }

                writer.WriteEndElement();
                writer.WriteElement(new MergeCells(new MergeCell { Reference = $"A1:{Reference(columns.Count - 1, 1)}" }));
                writer.WriteEndElement();
            }

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell ValueCell(string reference, object? value) => value switch
    {
        null => new Cell { CellReference = reference },
        int or long or decimal or double => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) },
        DateOnly d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = 3 },
        DateTime t => new Cell { CellReference = reference, CellValue = new CellValue(t.ToOADate()), StyleIndex = 4 },
        bool b => TextCell(reference, b ? "是" : "否", 0),
        _ => TextCell(reference, value.ToString() ?? "", 0),
    };

    private static Cell TextCell(string reference, string text, uint style) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Web.UnsafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    public static string Reference(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>0 default, 1 title, 2 header, 3 date, 4 date-time.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "黑体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(), new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true })
        { Count = 5 });
}
