using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Notifications;

/// <summary>Creates in-app notifications (in the caller's unit of work) and hands them to the message sender after saving.</summary>
public sealed class Notifier(AppDbContext db, IMessageSender sender, TimeProvider clock)
{
    private (Guid UserId, int Count)? unread;

    private readonly List<Notification> pending = [];

    /// <summary>Adds a notification for each account linked to the given people. The caller saves, then calls <see cref="DeliverAsync"/>.</summary>
    public async Task ToPeopleAsync(IEnumerable<Guid> personIds, string title, string? body, string? url, CancellationToken ct = default)
    {
        var ids = personIds.Distinct().ToList();
        var users = await db.Users.Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value) && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        ToUsers(users, title, body, url);
    }

    public void ToUsers(IEnumerable<Guid> userIds, string title, string? body, string? url)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
        {
            var notification = new Notification { UserId = userId, Title = title, Body = body, Url = url, CreatedAt = now };
            db.Notifications.Add(notification);
            pending.Add(notification);
        }
    }

    /// <summary>After the save: email/SMS for what was just created.</summary>
    public async Task DeliverAsync(CancellationToken ct = default)
    {
        foreach (var n in pending)
        {
            await sender.SendAsync(n.UserId, n.Title, n.Body, ct);
        }

        pending.Clear();
    }

    /// <summary>Forgets what was created when the save that would have stored it failed.</summary>
    public void Discard() => pending.Clear();

    /// <summary>How many of the person's messages are unread, counted once per request (the page and the layout's bell both show it; marking read always redirects).</summary>
    public async Task<int> UnreadAsync(Guid userId, CancellationToken ct = default)
    {
        if (unread is { } known && known.UserId == userId)
        {
            return known.Count;
        }

        var count = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        unread = (userId, count);
        return count;
    }
}
