using QRCoder;

namespace Dangjian.Web.Platform.Web;

/// <summary>QR codes as PNG data URIs for pages and print-outs (sign-in, ballots, letters, posters, authenticator enrolment).</summary>
public static class QrImages
{
    public static string DataUri(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(pixelsPerModule));
    }
}
