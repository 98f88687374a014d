using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Platform.Documents;

public static class FileDownloads
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>An .xlsx download with a Chinese file name, served as an attachment.</summary>
    public static FileContentResult Xlsx(byte[] content, string fileName) => new(content, XlsxType) { FileDownloadName = fileName };

    /// <summary>A .docx download with a Chinese file name, served as an attachment.</summary>
    public static FileContentResult Docx(byte[] content, string fileName) => new(content, DocxWriter.DocxType) { FileDownloadName = fileName };
}
