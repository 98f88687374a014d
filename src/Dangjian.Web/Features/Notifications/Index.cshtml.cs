using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Notifications;

/// <summary>消息: the person's own notifications, newest first; opening one marks it read.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Notification> Items { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("消息"));
        var userId = me.Id!.Value;
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToPageAsync(PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var userId = me.Id!.Value;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct) ?? throw new NotFoundException();
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return notification.Url is { } url && Url.IsLocalUrl(url) ? LocalRedirect(url) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var userId = me.Id!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData.Success("已全部标为已读。");
        return RedirectToPage();
    }
}
