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
    /// <param name="signOff">The 落款: the issuing organization and the date, right-aligned four characters from the margin.</param>
    public static byte[] WriteOfficial(string title, IEnumerable<string> lines, (string Issuer, DateOnly Date)? signOff = null)
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

                if (IsLevelOne(line))
                {
                    body.Append(Paragraph(line, "黑体", 32, indent: true, line: OfficialLine));
                }
                else if (LevelTwoHeading(line) is { } heading)
                {
                    // Only the heading 「（一）抓好学习教育。」 is 楷体; the sentences after it are body text.
                    var paragraph = Paragraph(heading, "楷体_GB2312", 32, indent: true, line: OfficialLine);
                    if (line.Length > heading.Length)
                    {
                        paragraph.Append(Run(line[heading.Length..], "仿宋_GB2312", 32));
                    }

                    body.Append(paragraph);
                }
                else
                {
                    body.Append(Paragraph(line, "仿宋_GB2312", 32, indent: true, line: OfficialLine));
                }
            }

            if (signOff is { } sign)
            {
                // The 落款 never stands alone on a page: the last paragraph, the blank line and the issuer keep with the date.
                body.Elements<Paragraph>().Last().ParagraphProperties?.PrependChild(new KeepNext());
                body.Append(Paragraph("", "仿宋_GB2312", 32, line: OfficialLine, keepNext: true));
                body.Append(Paragraph(sign.Issuer, "仿宋_GB2312", 32, line: OfficialLine, right: true, keepNext: true));
                body.Append(Paragraph(sign.Date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture), "仿宋_GB2312", 32, line: OfficialLine, right: true));
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

    /// <summary>「（一）抓好学习教育。」 of a level-2 line: up to its first full stop, or the whole line when it has none.</summary>
    private static string? LevelTwoHeading(string line)
    {
        if (!line.StartsWith('（') || line.IndexOf('）', StringComparison.Ordinal) is not (> 1 and < 5))
        {
            return null;
        }

        var stop = line.IndexOf('。', StringComparison.Ordinal);
        return stop is > 0 and < 40 ? line[..(stop + 1)] : line;
    }

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

    private static Run Run(string text, string font, int halfPoints, bool bold = false)
    {
        // Child order follows the schema: fonts, bold, size.
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(runProperties, new Text(Web.UnsafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold = false, bool centred = false, bool indent = false, bool pageBreakBefore = false, int? outline = null, string line = "560", bool right = false, bool keepNext = false)
    {

        // Child order follows the schema: page break, outline level… come before spacing; justification and indentation after.
        var paragraphProperties = new ParagraphProperties();
        if (keepNext)
        {
            paragraphProperties.Append(new KeepNext());
        }

        if (pageBreakBefore)
        {
            paragraphProperties.Append(new PageBreakBefore());
        }

        paragraphProperties.Append(new SpacingBetweenLines { Line = line, LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            // Two characters: Word reads firstLineChars, LibreOffice only the twips (two characters of the paragraph's size).
            paragraphProperties.Append(new Indentation { FirstLine = (halfPoints * 20).ToString(System.Globalization.CultureInfo.InvariantCulture), FirstLineChars = 200 });
        }
        else if (right)
        {
            paragraphProperties.Append(new Indentation { Right = (halfPoints * 40).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        if (centred)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }
        else if (right)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
        }

        if (outline is { } level)
        {
            paragraphProperties.Append(new OutlineLevel { Val = level });
        }

        return new Paragraph(paragraphProperties, Run(text, font, halfPoints, bold));
    }
}
