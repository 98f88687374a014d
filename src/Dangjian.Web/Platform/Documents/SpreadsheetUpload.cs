namespace Dangjian.Web.Platform.Documents;

/// <summary>Reads an uploaded spreadsheet for an import into memory, refusing an empty or oversized file in Chinese.</summary>
public static class SpreadsheetUpload
{
    public static async Task<(byte[]? Content, string? Problem)> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0)
        {
            return (null, "请选择要上传的 Excel (.xlsx) 或 CSV 文件。");
        }

        if (file.Length > maxBytes)
        {
            return (null, $"文件超过{maxBytes / 1024 / 1024} MB，请分批导入。");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }
}
