using System.Text.Unicode;

namespace Dangjian.Web.Platform.Files;

/// <summary>
/// The file types people may upload, each recognised by its first bytes as well as its extension, so a file whose
/// content is not what its name says is refused.
/// </summary>
public static class FileKinds
{
    /// <summary>
    /// A file type. <paramref name="OoxmlMainPart"/>, for Office Open XML files, is the content type the package must
    /// declare for its main part: every ZIP starts with the same bytes, so the head alone would take any ZIP as a .docx.
    /// </summary>
    public sealed record Kind(string Extension, string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches, string? OoxmlMainPart = null);

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static readonly IReadOnlyList<Kind> Documents =
    [
        new(".pdf", "application/pdf", h => StartsWith(h, Pdf)),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", h => StartsWith(h, Zip), "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", h => StartsWith(h, Zip), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", h => StartsWith(h, Zip), "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        new(".doc", "application/msword", h => StartsWith(h, Ole)),
        new(".xls", "application/vnd.ms-excel", h => StartsWith(h, Ole)),
        new(".txt", "text/plain; charset=utf-8", IsUtf8Text),
        new(".jpg", "image/jpeg", h => StartsWith(h, Jpeg)),
        new(".jpeg", "image/jpeg", h => StartsWith(h, Jpeg)),
        new(".png", "image/png", h => StartsWith(h, Png)),
    ];

    public static readonly IReadOnlyList<Kind> Images = Documents.Where(k => k.ContentType.StartsWith("image/", StringComparison.Ordinal)).ToList();

    public static string Describe(IReadOnlyList<Kind> allowed) => string.Join("、", (allowed ?? []).Select(k => k.Extension.TrimStart('.')).Distinct());

    /// <summary>The allowed kind this file is, or a Chinese reason why it is refused.</summary>
    public static (Kind? Kind, string? Problem) Recognise(string fileName, ReadOnlyMemory<byte> head, IReadOnlyList<Kind> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var kind = allowed.FirstOrDefault(k => k.Extension == extension);
        if (kind is null)
        {
            return (null, $"不支持该文件类型，请上传 {Describe(allowed)} 文件。");
        }

        return kind.Matches(head) ? (kind, null) : (null, $"文件“{Path.GetFileName(fileName)}”的内容与扩展名不符，可能已损坏或被改名，请检查后重新上传。");
    }

    /// <summary>
    /// Whether the whole file is an Office Open XML package of <paramref name="kind"/>: a readable ZIP whose root
    /// relationship names a main part that exists and whose content type (an <c>Override</c> for it, or the
    /// <c>Default</c> for its extension in <c>[Content_Types].xml</c>) is the kind's — a macro-enabled document, a
    /// template or a workbook under a .docx name does not count.
    /// </summary>
    public static bool IsPackageOf(Stream file, Kind kind)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.OoxmlMainPart is null)
        {
            return true;
        }

        try
        {
            using var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            var main = Elements(zip, "_rels/.rels", "Relationship")
                .Where(r => r.GetValueOrDefault("Type", "").EndsWith("/officeDocument", StringComparison.Ordinal))
                .Select(r => r.GetValueOrDefault("Target", "").TrimStart('/'))
                .FirstOrDefault();
            if (string.IsNullOrEmpty(main) || zip.GetEntry(main) is null)
            {
                return false;
            }

            var types = Elements(zip, "[Content_Types].xml", "Override", "Default");
            var declared = types.FirstOrDefault(t => string.Equals(t.GetValueOrDefault("PartName", "").TrimStart('/'), main, StringComparison.OrdinalIgnoreCase))
                ?? types.FirstOrDefault(t => string.Equals(t.GetValueOrDefault("Extension"), Path.GetExtension(main).TrimStart('.'), StringComparison.OrdinalIgnoreCase));
            return string.Equals(declared?.GetValueOrDefault("ContentType"), kind.OoxmlMainPart, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return false;
        }
    }

    /// <summary>The attributes of the named elements of a small XML entry (none when the entry is missing or too large).</summary>
    private static List<Dictionary<string, string>> Elements(System.IO.Compression.ZipArchive zip, string entryName, params string[] names)
    {
        var found = new List<Dictionary<string, string>>();
        var entry = zip.GetEntry(entryName);
        if (entry is null || entry.Length > 1024 * 1024)
        {
            return found;
        }

        using var stream = entry.Open();
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && names.Contains(reader.LocalName, StringComparer.Ordinal))
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                while (reader.MoveToNextAttribute())
                {
                    attributes[reader.LocalName] = reader.Value;
                }

                found.Add(attributes);
            }
        }

        return found;
    }

    private static bool StartsWith(ReadOnlyMemory<byte> head, byte[] signature) => head.Span.StartsWith(signature);

    private static bool IsUtf8Text(ReadOnlyMemory<byte> head)
    {
        var span = head.Span;
        if (span.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // A multi-byte character may be cut at the end of the sniffed head; trim up to three trailing bytes before checking.
        for (var cut = 0; cut <= Math.Min(3, span.Length); cut++)
        {
            if (Utf8.IsValid(span[..^cut]))
            {
                return true;
            }
        }

        return false;
    }
}
