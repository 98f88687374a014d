using System.IO.Compression;
using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Documents;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Files;

/// <summary>
/// Every ZIP starts with the same four bytes, so an Office upload is checked as a package: its
/// <c>[Content_Types].xml</c> must declare the main part of the kind its name claims.
/// </summary>
public sealed class OfficeUploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task AZipOrAWorkbookNamedDocxIsRefusedAndARealDocumentIsKept()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var member = await app.SignedInClientAsync("member");
        Dictionary<string, string> Fields(string title) => new() { ["CampaignId"] = campaign.ToString(), ["Kind"] = "Reflection", ["Title"] = title, ["Body"] = "正文" };

        var zip = await member.PostMultipartAsync("/Study/Notes/Edit", Fields("压缩包冒充的心得"), [("attachment", "心得.docx", PlainZip())]);
        var workbook = await member.PostMultipartAsync("/Study/Notes/Edit", Fields("表格冒充的心得"), [("attachment", "心得.docx", XlsxWriter.Write("表", "标题", [new("列")], []))]);
        var document = await member.PostMultipartAsync("/Study/Notes/Edit", Fields("真正的Word心得"), [("attachment", "心得.docx", DocxWriter.Write("学习心得", [], [new DocxWriter.Section("体会", "正文")]))]);

        (await zip.ParseAsync()).QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("不是有效的 docx 文档");
        (await workbook.ParseAsync()).QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("不是有效的 docx 文档");
        document.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var titles = await app.WithDbAsync(db => db.StudyNotes.Where(n => n.Title.Contains("心得")).Select(n => n.Title).ToListAsync());
        titles.ShouldContain("真正的Word心得");
        titles.ShouldNotContain("压缩包冒充的心得");
        titles.ShouldNotContain("表格冒充的心得");
    }

    private static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("not a document");
        }

        return stream.ToArray();
    }
}
