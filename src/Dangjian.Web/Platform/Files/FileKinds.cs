using System.Text.Unicode;

namespace Dangjian.Web.Platform.Files;

/// <summary>
/// The file types people may upload, each recognised by its first bytes as well as its extension, so a file whose
/// content is not what its name says is refused.
/// </summary>
public static class FileKinds
{
    public sealed record Kind(string Extension, string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches);

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static readonly IReadOnlyList<Kind> Documents =
    [
        new(".pdf", "application/pdf", h => StartsWith(h, Pdf)),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", h => StartsWith(h, Zip)),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", h => StartsWith(h, Zip)),
        new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", h => StartsWith(h, Zip)),
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
