namespace Dangjian.Web.Platform.Documents;

public static class DocumentSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection("Pdf"));
        builder.Services.AddSingleton<PdfConverter>();
        return builder;
    }
}
