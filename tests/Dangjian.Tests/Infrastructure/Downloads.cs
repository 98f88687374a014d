using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace Dangjian.Tests.Infrastructure;

/// <summary>Downloads an export and reads it back.</summary>
public static class Downloads
{
    /// <summary>GETs an .xlsx (expecting 200) and returns its only sheet's text with the shared strings.</summary>
    public static async Task<string> XlsxTextAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        using var memory = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var xlsx = SpreadsheetDocument.Open(memory, false);
        return xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText + (xlsx.WorkbookPart.SharedStringTablePart?.SharedStringTable.InnerText ?? "");
    }

    /// <summary>Keeps a download in the folder named by DANGJIAN_KEEP_EXPORTS, when set, to open and look at by hand.</summary>
    public static void Keep(string name, byte[] content)
    {
        if (Environment.GetEnvironmentVariable("DANGJIAN_KEEP_EXPORTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), content);
        }
    }
}
