using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features;

/// <summary>
/// 首页: the person's own to-do list, and for the office and leaders an overview of their organization.
/// Later features add their items (sessions, ballots, deadlines) to <see cref="Todos"/>.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, IOptions<SecurityOptions> security, TimeProvider clock) : PageModel
{
    public sealed record Todo(string Title, string Hint, string Url, string Status);

    public sealed record Overview(int Units, int People, int FullMembers, int Probationary, int Retired);

    public List<Todo> Todos { get; } = [];

    public Overview? Organization { get; private set; }

    public string Greeting { get; private set; } = "";

    public string Today { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = ChinaTime.ToLocal(now);
        Today = $"{ChinaTime.LongDate(DateOnly.FromDateTime(local))} 星期{"日一二三四五六"[(int)local.DayOfWeek]}";
        Greeting = local.Hour switch { < 11 => "上午好", < 13 => "中午好", < 18 => "下午好", _ => "晚上好" };

        var userId = me.Id!.Value;
        var account = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.PasswordChangedAt, u.TwoFactorEnabled })
            .SingleAsync(ct);
        if (PasswordPolicy.DaysLeft(new AppUser { PasswordChangedAt = account.PasswordChangedAt }, security.Value, now) is { } days and <= 14)
        {
            Todos.Add(new Todo("修改密码", days <= 0 ? "密码已到期" : $"密码还剩{days}天到期", "/Account/ChangePassword", days <= 3 ? "red" : "amber"));
        }

        var soon = now.AddDays(14);
        var expiring = await db.ApiTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now && t.ExpiresAt <= soon)
            .OrderBy(t => t.ExpiresAt)
            .Select(t => new { t.Name, t.ExpiresAt })
            .Take(5)
            .ToListAsync(ct);
        foreach (var token in expiring)
        {
            var left = ChinaTime.Relative(DateOnly.FromDateTime(ChinaTime.ToLocal(token.ExpiresAt)), DateOnly.FromDateTime(local));
            Todos.Add(new Todo($"API 令牌“{token.Name}”即将到期", left, "/Account/ApiTokens", "amber"));
        }

        await AddCampaignTodosAsync(userId, DateOnly.FromDateTime(local), ct);

        if (me.Principal.IsInRole(Roles.CampaignOffice) || me.Principal.IsInRole(Roles.Leader) || me.Principal.IsInRole(Roles.Supervisor))
        {
            var scope = await me.GetScopeAsync(ct);
            var units = await db.OrgUnits.Where(u => u.IsActive).InScope(scope, u => u.Path).CountAsync(ct);
            var people = await db.People.InScope(scope, p => p.OrgUnit!.Path)
                .GroupBy(_ => 1)
                .Select(g => new Overview(
                    0,
                    g.Count(),
                    g.Count(p => p.PartyStatus == PartyStatus.Full),
                    g.Count(p => p.PartyStatus == PartyStatus.Probationary),
                    g.Count(p => p.IsRetired)))
                .SingleOrDefaultAsync(ct);
            Organization = (people ?? new Overview(0, 0, 0, 0, 0)) with { Units = units };
        }
    }

    /// <summary>
    /// What the person owes in running campaigns: their open milestones due within two weeks or overdue, documents
    /// waiting for their review, documents returned to their campaign office, and unread messages.
    /// </summary>
    private async Task AddCampaignTodosAsync(Guid userId, DateOnly today, CancellationToken ct)
    {
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).SingleAsync(ct);
        if (personId is { } person)
        {
            var horizon = today.AddDays(14);
            var officeCampaigns = db.CampaignMembers.Where(m => m.PersonId == person && (m.Group == CampaignGroup.Office || m.Group == CampaignGroup.LeadingGroup)).Select(m => m.CampaignId);
            var milestones = await (from m in db.Milestones
                                    join c in db.Campaigns on m.CampaignId equals c.Id
                                    where c.Status == CampaignStatus.Running && m.Status == MilestoneStatus.Open && m.Deadline <= horizon
                                          && (m.OwnerPersonId == person || (m.OwnerPersonId == null && officeCampaigns.Contains(c.Id)))
                                    orderby m.Deadline
                                    select new { m.Title, m.Deadline, c.Id })
                                   .Take(20).ToListAsync(ct);
            foreach (var m in milestones)
            {
                Todos.Add(new Todo(m.Title, ChinaTime.Relative(m.Deadline, today), $"/Campaigns/Details?id={m.Id}", m.Deadline < today ? "red" : "amber"));
            }

            var toReview = await (from d in db.ApprovalDocuments
                                  where d.Status == DocumentStatus.Submitted
                                        && db.CampaignMembers.Any(x => x.CampaignId == d.CampaignId && x.PersonId == person && x.Group == CampaignGroup.Supervision)
                                  select new { d.Id, d.Title }).Take(20).ToListAsync(ct);
            Todos.AddRange(toReview.Select(d => new Todo($"审核：{d.Title}", "待审核", $"/Campaigns/Document?id={d.Id}", "amber")));
            var returned = await db.ApprovalDocuments.Where(d => d.Status == DocumentStatus.Returned && officeCampaigns.Contains(d.CampaignId))
                .Select(d => new { d.Id, d.Title }).Take(20).ToListAsync(ct);
            Todos.AddRange(returned.Select(d => new Todo($"按意见修改：{d.Title}", "已退回", $"/Campaigns/Document?id={d.Id}", "red")));
        }

        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        if (unread > 0)
        {
            Todos.Add(new Todo("未读消息", $"{unread}条", "/Notifications", "blue"));
        }
    }
}
