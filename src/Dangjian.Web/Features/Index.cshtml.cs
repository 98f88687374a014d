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
}
