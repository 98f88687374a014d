using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Dangjian.Web.Platform.Files;

public static class FileSetup
{
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FileOptions>(builder.Configuration.GetSection(FileOptions.Section));
        builder.Services.AddScoped<FileStore>();
        return builder;
    }

    /// <summary><c>/files/{id}</c>: streams an attachment to a signed-in caller the owner's rule lets read it; 404 otherwise.</summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/files/{id:guid}", async (Guid id, AppDbContext db, FileStore store, IEnumerable<IFileAccessRule> rules, HttpContext http, CancellationToken ct) =>
        {
            var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
            var rule = file is null ? null : rules.FirstOrDefault(r => r.OwnerType == file.OwnerType);
            if (file is null || rule is null || !await rule.CanReadAsync(file.OwnerId, ct))
            {
                return Results.NotFound();
            }

            var path = store.PathOf(file);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            var inline = file.ContentType.StartsWith("image/", StringComparison.Ordinal) || file.ContentType == "application/pdf";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            if (inline)
            {
                var disposition = new ContentDispositionHeaderValue("inline");
                disposition.SetHttpFileName(file.FileName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.File(path, file.ContentType);
            }

            return Results.File(path, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return app;
    }
}
