using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Tells EF which version the editor loaded, so that saving over a newer version fails with a
    /// <see cref="DbUpdateConcurrencyException"/> (shown as "已被他人修改") instead of overwriting it.
    /// </summary>
    public static void ExpectVersion(this DbContext db, Entity record, Guid loadedVersion)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(record).Property(r => r.Version).OriginalValue = loadedVersion;
    }
}
