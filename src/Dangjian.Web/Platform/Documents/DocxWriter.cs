using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dangjian.Web.Platform.Documents;

/// <summary>
/// Writes an editable .docx the way official materials are laid out: a centred bold title, optional subtitle lines,
/// then headings (黑体) each followed by their paragraphs (仿宋, first-line indent of two characters).
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

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold = false, bool centred = false, bool indent = false, bool pageBreakBefore = false, int? outline = null)
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

        paragraphProperties.Append(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
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

        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
