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

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold = false, bool centred = false, bool indent = false)
    {
        // Child order follows the schema: fonts, bold, size.
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (centred)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }

        if (indent)
        {
            paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        }

        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
