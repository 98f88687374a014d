using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Web.Platform.Documents;

/// <summary>
/// Writes an editable .docx the way official materials are laid out: a centred bold title, optional subtitle lines,
/// then headings (黑体) each followed by their paragraphs (仿宋, first-line indent of two characters). Stored text is cleaned
/// of characters XML cannot hold (<see cref="Web.UnsafeText"/>), so an export never fails on what is stored.
/// </summary>
public static class DocxWriter
{
    public sealed record Section(string Heading, string? Body);

    public static byte[] Write(string title, IEnumerable<string> subtitles, IEnumerable<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, "方正小标宋简体", 36, bold: true, centred: true));
            foreach (var line in subtitles ?? [])
            {
                body.Append(Paragraph(line, "楷体", 28, centred: true));
            }

            foreach (var section in sections)
            {
                body.Append(Paragraph(section.Heading, "黑体", 32));
                foreach (var line in (section.Body ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    body.Append(Paragraph(line, "仿宋", 32, indent: true));
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A chapter of a compiled book (制度汇编): its heading and its entries, each with a heading, a line of particulars and a text.</summary>
    public sealed record Chapter(string Heading, IReadOnlyList<Entry> Entries);

    public sealed record Entry(string Heading, string? Particulars, string? Body);

    /// <summary>
    /// A compiled book: title page lines, a table of contents (a Word TOC field over the chapter and entry headings,
    /// pre-filled with their titles and refreshed by Word or LibreOffice when the file is opened), then each chapter
    /// starting on a new page with its entries.
    /// </summary>
    public static byte[] WriteBook(string title, IEnumerable<string> subtitles, IReadOnlyList<Chapter> chapters)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var body = new Body();
            body.Append(Paragraph(title, "方正小标宋简体", 44, bold: true, centred: true));
            foreach (var line in subtitles ?? [])
            {
                body.Append(Paragraph(line, "楷体", 32, centred: true));
            }

            body.Append(Paragraph("目  录", "黑体", 32, centred: true, pageBreakBefore: true));
            body.Append(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(@" TOC \o ""1-2"" \h \z \u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate })));
            foreach (var chapter in chapters)
            {
                body.Append(Paragraph(chapter.Heading, "黑体", 28));
                foreach (var entry in chapter.Entries)
                {
                    body.Append(Paragraph(entry.Heading, "仿宋", 28, indent: true));
                }
            }

            body.Append(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            foreach (var chapter in chapters)
            {
                body.Append(Paragraph(chapter.Heading, "黑体", 32, centred: true, pageBreakBefore: true, outline: 0));
                foreach (var entry in chapter.Entries)
                {
                    body.Append(Paragraph(entry.Heading, "方正小标宋简体", 32, bold: true, centred: true, outline: 1));
                    if (entry.Particulars is { } particulars)
                    {
                        body.Append(Paragraph(particulars, "楷体", 28, centred: true));
                    }

                    foreach (var line in (entry.Body ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        body.Append(Paragraph(line, "仿宋", 32, indent: true));
                    }
                }
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// An official document after GB/T 9704: A4 with its margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), title in
    /// 小标宋 二号, body 仿宋 三号 with 22 lines a page (a fixed line pitch) of about 28 characters, level-1 headings ("一、")
    /// in 黑体, level-2 ("（一）") in 楷体, and page numbers "— N —" in 宋体 四号, odd pages right and even pages left.
    /// </summary>
    public static byte[] WriteOfficial(string title, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders());
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = PageNumberFooter(JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = PageNumberFooter(JustificationValues.Left);
            var body = new Body();
            body.Append(Paragraph(title, "方正小标宋简体", 44, centred: true, line: OfficialLine));
            body.Append(Paragraph("", "仿宋_GB2312", 32, line: OfficialLine));
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var font = IsLevelOne(line) ? "黑体" : line.StartsWith('（') && line.IndexOf('）', StringComparison.Ordinal) is > 1 and < 5 ? "楷体_GB2312" : "仿宋_GB2312";
                body.Append(Paragraph(line, font, 32, indent: true, line: OfficialLine));
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Footer = 1134 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = int.Parse(OfficialLine, System.Globalization.CultureInfo.InvariantCulture) }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>(297 − 37 − 35) mm ÷ 22 lines, in twips.</summary>
    private const string OfficialLine = "579";

    private static bool IsLevelOne(string line) => line.Length > 2 && "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal) && line.IndexOf('、', StringComparison.Ordinal) is > 0 and < 4;

    private static Footer PageNumberFooter(JustificationValues side)
    {
        RunProperties Font() => new(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" }, new FontSize { Val = "28" });
        return new Footer(new Paragraph(
            new ParagraphProperties(new Indentation { Left = side == JustificationValues.Left ? "280" : "0", Right = side == JustificationValues.Right ? "280" : "0" }, new Justification { Val = side }),
            new Run(Font(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Font(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Font(), new Text("1")),
            new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Font(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold = false, bool centred = false, bool indent = false, bool pageBreakBefore = false, int? outline = null, string line = "560")
    {
        // Child order follows the schema: fonts, bold, size.
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        // Child order follows the schema: page break, outline level… come before spacing; justification and indentation after.
        var paragraphProperties = new ParagraphProperties();
        if (pageBreakBefore)
        {
            paragraphProperties.Append(new PageBreakBefore());
        }

        paragraphProperties.Append(new SpacingBetweenLines { Line = line, LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        }

        if (centred)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }

        if (outline is { } level)
        {
            paragraphProperties.Append(new OutlineLevel { Val = level });
        }

        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(Web.UnsafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
