using System.Net;
using System.Net.Http.Headers;

namespace Dangjian.Tests.Infrastructure;

/// <summary>The roster import page driven as a browser does: upload a file for the preview, then confirm it.</summary>
public static class RosterImportPages
{
    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync("/Organization/Import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync(new Uri("/Organization/Import?handler=Upload", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ParseAsync();
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string uploadToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetDocumentAsync("/Organization/Import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = uploadToken, ["fileName"] = "x", ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri("/Organization/Import?handler=Confirm", UriKind.Relative), content);
    }
}
