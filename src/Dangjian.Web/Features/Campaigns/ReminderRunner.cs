using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Reminds owners of milestones due within a few days, and escalates overdue ones to the campaign office and
/// the leading group's head. Each reminder has a key (milestone, kind, deadline) stored with a unique
/// constraint in the same transaction as its notifications, so it is sent exactly once across restarts and
/// across instances sharing the database.
/// </summary>
public sealed class ReminderRunner(AppDbContext db, Notifier notifier, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderRunner> logger)
{
    /// <summary>Something with a deadline: a milestone, or a rectification item (整改事项, <see cref="Kind"/> "rectification").</summary>
    public sealed record Due(Guid Id, string Title, DateOnly Deadline, Guid? OwnerPersonId, Guid? OwnerUnitId, Guid CampaignId, string Campaign, string Kind = "milestone");

    private const long PostgresLockKey = 0x52656D696E64; // "Remind"

    /// <summary>
    /// Sends what is due now; returns how many reminders this call sent. On PostgreSQL only one instance runs a
    /// round at a time (a session advisory lock; the others skip the round); the unique reminder keys make even
    /// an overlap harmless.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await RoundAsync(ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var locked = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({PostgresLockKey}) AS \"Value\"").SingleAsync(ct);
            if (!locked)
            {
                return 0;
            }

            try
            {
                return await RoundAsync(ct);
            }
            finally
            {
                await db.Database.SqlQueryRaw<bool>($"SELECT pg_advisory_unlock({PostgresLockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> RoundAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(options.Value.DaysBefore);
        var due = await (from m in db.Milestones.AsNoTracking()
                         join c in db.Campaigns on m.CampaignId equals c.Id
                         where m.Status == MilestoneStatus.Open && m.Deadline <= horizon && c.Status == CampaignStatus.Running
                         select new Due(m.Id, m.Title, m.Deadline, m.OwnerPersonId, m.OwnerUnitId, c.Id, c.Title, "milestone"))
                        .ToListAsync(ct);
        due.AddRange(await (from i in db.RectificationItems.AsNoTracking()
                            join c in db.Campaigns on i.CampaignId equals c.Id
                            where (i.Status == Rectification.ItemStatus.NotStarted || i.Status == Rectification.ItemStatus.InProgress)
                                && i.Horizon != Problems.ProblemHorizon.LongTerm && i.DueOn <= horizon && c.Status == CampaignStatus.Running
                            select new Due(i.Id, "整改：" + i.Title, i.DueOn, i.LeaderPersonId, i.DepartmentId, c.Id, c.Title, "rectification"))
                           .ToListAsync(ct));
        due.AddRange(await (from i in db.LedgerItems.AsNoTracking()
                            join l in db.Ledgers on i.LedgerId equals l.Id
                            where i.DoneOn == null && i.DueOn <= horizon
                            select new Due(i.Id, "督办：" + i.Content, i.DueOn, i.LeadLeaderId, i.DepartmentId, Guid.Empty, l.Title, "ledger"))
                           .ToListAsync(ct));
        var keys = due.ToDictionary(d => Key(d, today), d => d);
        var keyList = keys.Keys.ToList();
        var sent = (await db.ReminderLogs.AsNoTracking().Where(r => keyList.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var count = 0;
        foreach (var (key, milestone) in keys.Where(k => !sent.Contains(k.Key)))
        {
            if (await SendAsync(key, milestone, today, ct))
            {
                count++;
            }
        }

        return count;
    }

    public static string Key(Due milestone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return $"{milestone.Kind}:{milestone.Id:N}:{(milestone.Deadline < today ? "overdue" : "due")}:{milestone.Deadline:yyyyMMdd}";
    }

    private async Task<bool> SendAsync(string key, Due milestone, DateOnly today, CancellationToken ct)
    {
        var overdue = milestone.Deadline < today;
        var office = await db.CampaignMembers.Where(m => m.CampaignId == milestone.CampaignId && m.Group == CampaignGroup.Office).Select(m => m.PersonId).ToListAsync(ct);
        var owners = milestone.OwnerPersonId is { } person ? [person] : office;
        var recipients = owners.ToList();
        if (overdue)
        {
            var leaders = await db.CampaignMembers
                .Where(m => m.CampaignId == milestone.CampaignId && m.Group == CampaignGroup.LeadingGroup && m.Title.Contains("组长"))
                .Select(m => m.PersonId).ToListAsync(ct);
            recipients.AddRange(office);
            recipients.AddRange(leaders);
        }

        var url = milestone.Kind switch
        {
            "rectification" => $"/Rectification/Item?id={milestone.Id}",
            "ledger" => $"/Ledgers/Item?id={milestone.Id}",
            _ => $"/Campaigns/Details?id={milestone.CampaignId}",
        };
        var title = overdue
            ? $"逾期：{milestone.Title}（{ChinaTime.Relative(milestone.Deadline, today)}）"
            : $"即将到期：{milestone.Title}（{ChinaTime.Relative(milestone.Deadline, today)}）";
        title = title.Length > 190 ? title[..189] + "…" : title;
        db.ReminderLogs.Add(new ReminderLog { Key = key, SentAt = clock.GetUtcNow().UtcDateTime });
        await notifier.ToPeopleAsync(recipients, title, milestone.Campaign, url, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance sent this reminder between our check and our insert.
            db.ChangeTracker.Clear();
            notifier.Discard();
            logger.LogInformation("Reminder {Key} was already sent by another instance", key);
            return false;
        }

        await notifier.DeliverAsync(ct);
        return true;
    }
}
