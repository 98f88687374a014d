using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>
    /// Saves; when someone else saved the same record first, adds "已被他人修改" to the form's errors (the input
    /// stays on the page, nothing is overwritten) and returns false.
    /// </summary>
    public static async Task<bool> SaveOrReportConflictAsync(this DbContext db, ModelStateDictionary modelState, string what, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError("", $"{what}已被他人修改，您的修改尚未保存。请刷新页面查看最新内容后再改。");
            return false;
        }
    }

    /// <summary>
    /// Saves; when a unique key says someone else just recorded the same thing (two people at once), forgets the
    /// attempt and returns false so the page can say so, instead of failing.
    /// </summary>
    public static async Task<bool> SaveUnlessTakenAsync(this DbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
