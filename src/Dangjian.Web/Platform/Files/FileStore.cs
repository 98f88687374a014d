using System.Security.Cryptography;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Files;

/// <summary>
/// Keeps uploaded files: checks size and type (by content, not only by name), writes the bytes under the file root
/// with a server-made name, and adds the <see cref="StoredFile"/> row to the caller's unit of work so the record and
/// its attachment are saved together.
/// </summary>
public sealed class FileStore(AppDbContext db, IOptions<FileOptions> options, IWebHostEnvironment env, CurrentUser me, TimeProvider clock)
{
    private const int HeadBytes = 512;

    public long MaxBytes => options.Value.MaxBytes;

    public string MaxText => $"{MaxBytes / 1024 / 1024} MB";

    private string Root => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Root));

    /// <summary>Checks and stores one upload for <paramref name="ownerType"/>/<paramref name="ownerId"/>; the row is added, not saved.</summary>
    public async Task<(StoredFile? File, string? Problem)> AddAsync(IFormFile? upload, string ownerType, Guid ownerId, IReadOnlyList<FileKinds.Kind> allowed, CancellationToken ct = default)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "请选择要上传的文件（文件不能为空）。");
        }

        var name = Path.GetFileName(upload.FileName).Trim();
        if (name.Length is 0 or > 200)
        {
            return (null, "文件名不能为空，也不能超过200个字符。");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, $"文件“{name}”超过了 {MaxText} 的大小限制。");
        }

        await using var input = upload.OpenReadStream();
        var head = new byte[HeadBytes];
        var read = await input.ReadAtLeastAsync(head, HeadBytes, throwOnEndOfStream: false, ct);
        var (kind, problem) = FileKinds.Recognise(name, head.AsMemory(0, read), allowed);
        if (kind is null)
        {
            return (null, problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var key = $"{now:yyyy}/{now:MM}/{id:N}";
        var target = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".part";
        long length = read;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                hash.AppendData(head, 0, read);
                await output.WriteAsync(head.AsMemory(0, read), ct);
                var buffer = new byte[81920];
                int n;
                while ((n = await input.ReadAsync(buffer, ct)) > 0)
                {
                    length += n;
                    if (length > MaxBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }

            if (length > MaxBytes)
            {
                return (null, $"文件“{name}”超过了 {MaxText} 的大小限制。");
            }

            if (kind.OoxmlMainPart is not null)
            {
                await using var written = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                if (!FileKinds.IsPackageOf(written, kind))
                {
                    return (null, $"文件“{name}”不是有效的 {kind.Extension.TrimStart('.')} 文档（可能是改了扩展名的压缩包或已损坏），请用 Office 或 WPS 另存后重新上传。");
                }
            }

            File.Move(temp, target);
            var file = new StoredFile
            {
                Id = id,
                OwnerType = ownerType,
                OwnerId = ownerId,
                FileName = name,
                ContentType = kind.ContentType,
                Length = length,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
                StorageKey = key,
                UploadedById = me.Id,
            };
            db.StoredFiles.Add(file);
            return (file, null);
        }
        finally
        {
            // An interrupted or refused upload leaves nothing behind.
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public string PathOf(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.GetFullPath(Path.Combine(Root, file.StorageKey));
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Stored file key escapes the file root.");
    }

    public Task<List<StoredFile>> ListAsync(string ownerType, Guid ownerId, CancellationToken ct = default) =>
        db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == ownerType && f.OwnerId == ownerId).OrderBy(f => f.CreatedAt).ToListAsync(ct);

    public async Task<ILookup<Guid, StoredFile>> ListAsync(string ownerType, IReadOnlyCollection<Guid> ownerIds, CancellationToken ct = default) =>
        (await db.StoredFiles.AsNoTracking().Where(f => f.OwnerType == ownerType && ownerIds.Contains(f.OwnerId)).OrderBy(f => f.CreatedAt).ToListAsync(ct))
        .ToLookup(f => f.OwnerId);

    /// <summary>Soft-deletes one attachment of the owner (the bytes stay until the record is purged, so it can be restored).</summary>
    public async Task<bool> RemoveAsync(string ownerType, Guid ownerId, Guid fileId, CancellationToken ct = default)
    {
        var file = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.OwnerType == ownerType && f.OwnerId == ownerId, ct);
        if (file is null)
        {
            return false;
        }

        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
