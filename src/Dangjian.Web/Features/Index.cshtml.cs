using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features;

/// <summary>
/// 首页: the person's own to-do list, and for the offices, leaders and the supervision group the health of the current
/// campaign (its phase, days left, what is overdue, documents waiting, attendance and 销号率) — not head counts.
/// Later features add their items (ballots, talks, rectification deadlines) to <see cref="Todos"/>.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, IOptions<SecurityOptions> security, TimeProvider clock, Platform.Notifications.Notifier notifier, CampaignPicker picker, Dashboard.CampaignBoard boards, PageLinks links) : PageModel
{
    public sealed record Todo(string Title, string Hint, string Url, string Status);

    /// <summary>The current campaign at a glance; each link is set only when its page opens for the viewer.</summary>
    public sealed record Health(Campaign Campaign, Dashboard.CampaignBoard.Board Board, int DaysLeft, string? OverdueLink, string? ItemsLink, string? WaitingLink, string? AttendanceLink, string? BoardLink);

    private static readonly string[] HealthRoles = [Roles.CampaignOffice, Roles.UnitOffice, Roles.Leader, Roles.Supervisor];

    public List<Todo> Todos { get; } = [];

    public Health? Campaign { get; private set; }

    public string Greeting { get; private set; } = "";

    public string Today { get; private set; } = "";

    /// <summary>The campaign office's first-run checklist, until every step is done or the person hides it.</summary>
    public FirstRunGuide.Guide? Guide { get; private set; }

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

        if (FirstRunGuide.IsFor(me.Principal))
        {
            Guide = await FirstRunGuide.LoadAsync(db, userId, await me.GetScopeAsync(ct), me.Principal, links, ct);
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

        var personId = await me.GetPersonIdAsync(ct);
        await AddCampaignTodosAsync(personId, DateOnly.FromDateTime(local), ct);
        await AddStudyTodosAsync(personId, now, ct);
        await AddAppraisalTodosAsync(personId, now, ct);

        if (HealthRoles.Any(me.Principal.IsInRole) && me.Principal.Can(Permissions.CampaignsView))
        {
            await LoadHealthAsync(DateOnly.FromDateTime(local), ct);
        }
    }

    /// <summary>不再显示 on the first-run guide: remembered for this account (audited with the account's change).</summary>
    public async Task<IActionResult> OnPostHideGuideAsync(CancellationToken ct)
    {
        if (!FirstRunGuide.IsFor(me.Principal))
        {
            throw new ForbiddenException("首次使用向导只给活动办公室。");
        }

        var user = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        user.FirstRunGuideHiddenAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData.Success("已隐藏首次使用向导。各项工作仍可从菜单进入。");
        return RedirectToPage();
    }

    /// <summary>The current campaign's health (the top bar's campaign), from the 活动看板's cached board.</summary>
    private async Task LoadHealthAsync(DateOnly today, CancellationToken ct)
    {
        var pick = await picker.PickAsync(null, ct);
        if (pick.Campaign is not { } campaign)
        {
            return;
        }

        var board = await boards.ForCampaignAsync(campaign, ct);
        var id = campaign.Id;
        var user = me.Principal;
        Campaign = new Health(
            campaign,
            board,
            campaign.EndsOn.DayNumber - today.DayNumber,
            links.For(user, $"/Campaigns/Details?id={id}#milestones-title"),
            links.For(user, $"/Rectification?campaignId={id}"),
            links.For(user, user.Can(Permissions.CampaignsApprove) ? "/Campaigns/Approvals" : $"/Campaigns/Details?id={id}"),
            links.For(user, $"/Study/Attendance?campaignId={id}"),
            links.For(user, $"/Dashboard/Campaign?campaignId={id}"));
    }

    /// <summary>Appraisals open now in which the person still has an unused voting right, linked to their ballot through sign-in (no code in the link).</summary>
    private async Task AddAppraisalTodosAsync(Guid? person, DateTime now, CancellationToken ct)
    {
        if (person is null)
        {
            return;
        }

        var open = await (from v in db.AppraisalVoters
                          where v.PersonId == person && !v.Used
                          join a in db.Appraisals on v.AppraisalId equals a.Id
                          where a.OpenedAt != null && a.OpensAt <= now && a.ClosesAt > now
                          orderby a.ClosesAt
                          select new { a.Id, a.Title, a.ClosesAt }).Take(5).ToListAsync(ct);
        Todos.AddRange(open.Select(x => new Todo($"参加民主测评：{x.Title}", $"{ChinaTime.DateTimeText(x.ClosesAt)} 截止，不记名", Appraisals.AppraisalService.VoteLink(x.Id), "amber")));
    }

    /// <summary>
    /// Study to-dos: the person's sessions in the next three days, make-up study still owed, open quizzes not yet taken
    /// and readings not yet read; for the office, leave requests to decide, notes to check and answer sheets to mark.
    /// </summary>
    private async Task AddStudyTodosAsync(Guid? person, DateTime now, CancellationToken ct)
    {
        if (person is not null)
        {
            var soon = now.AddDays(3);
            var sessions = await (from a in db.SessionAttendees
                                  where a.PersonId == person && a.Status == Study.AttendanceStatus.Expected
                                  join s in db.StudySessions on a.SessionId equals s.Id
                                  where (s.EndsAt >= now && s.StartsAt <= soon && a.LeaveRequestedAt == null) || (a.MakeUpAssignedAt != null && a.MakeUpDoneAt == null)
                                  orderby s.StartsAt
                                  select new { s.Id, s.Title, s.StartsAt, s.Place, MakeUp = a.MakeUpAssignedAt != null && a.MakeUpDoneAt == null })
                                 .Take(10).ToListAsync(ct);
            foreach (var x in sessions)
            {
                Todos.Add(x.MakeUp
                    ? new Todo($"补学：{x.Title}", "请按要求完成补学", $"/Study/Sessions/Details?id={x.Id}", "red")
                    : new Todo($"参加学习会：{x.Title}", $"{ChinaTime.DateTimeText(x.StartsAt)} {x.Place}".Trim(), $"/Study/Sessions/Details?id={x.Id}", "blue"));
            }

            var campaigns = db.Campaigns.InScopeOrAbove(await me.GetScopeAsync(ct), c => c.ScopeUnit!.Path).Select(c => c.Id);
            var quizzes = await db.Quizzes.Where(q => campaigns.Contains(q.CampaignId) && q.PublishedAt != null && q.OpensAt <= now && q.ClosesAt > now
                    && !db.QuizAttempts.Any(a => a.QuizId == q.Id && a.PersonId == person))
                .OrderBy(q => q.ClosesAt).Select(q => new { q.Id, q.Title, q.ClosesAt }).Take(5).ToListAsync(ct);
            Todos.AddRange(quizzes.Select(q => new Todo($"参加测试：{q.Title}", $"{ChinaTime.DateTimeText(q.ClosesAt)} 截止", $"/Study/Quizzes/Details?id={q.Id}", "amber")));
            var unread = await db.MaterialCopies.CountAsync(c => c.PersonId == person && c.ReadAt == null, ct);
            if (unread > 0)
            {
                Todos.Add(new Todo("阅读学习材料", $"{unread}份未读", "/Study/My", "blue"));
            }
        }

        if (!me.Principal.Can(Permissions.StudyEdit))
        {
            return;
        }

        var scope = await me.GetScopeAsync(ct);
        var mine = db.Campaigns.InScope(scope, c => c.ScopeUnit!.Path).Where(c => c.Status != CampaignStatus.Ended).Select(c => c.Id);
        var leave = await db.SessionAttendees.CountAsync(a => a.LeaveRequestedAt != null && a.Status == Study.AttendanceStatus.Expected
            && db.StudySessions.Any(s => s.Id == a.SessionId && s.EndsAt > now && mine.Contains(s.CampaignId)), ct);
        if (leave > 0)
        {
            Todos.Add(new Todo("审批请假", $"{leave}条待审批", "/Study/Attendance", "amber"));
        }

        var notes = await db.StudyNotes.InScope(scope, n => n.Person!.OrgUnit!.Path).CountAsync(n => n.CheckedAt == null && mine.Contains(n.CampaignId), ct);
        if (notes > 0)
        {
            Todos.Add(new Todo("检查学习笔记与心得", $"{notes}篇待检查", "/Study/Notes?all=true&unchecked=true", "blue"));
        }

        var marking = await db.QuizAttempts.CountAsync(a => a.NeedsMarking && a.SubmittedAt != null && db.Quizzes.Any(q => q.Id == a.QuizId && mine.Contains(q.CampaignId)), ct);
        if (marking > 0)
        {
            Todos.Add(new Todo("测试阅卷", $"{marking}份答卷待阅", "/Study/Quizzes", "amber"));
        }
    }

    /// <summary>
    /// What the person owes in running campaigns: their open milestones due within two weeks or overdue, documents
    /// waiting for their review, documents returned to their campaign office, and unread messages.
    /// </summary>
    private async Task AddCampaignTodosAsync(Guid? personId, DateOnly today, CancellationToken ct)
    {
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
                                  orderby d.SubmittedAt, d.Id
                                  select new { d.Id, d.Title }).Take(20).ToListAsync(ct);
            Todos.AddRange(toReview.Select(d => new Todo($"审核：{d.Title}", "待审核", $"/Campaigns/Document?id={d.Id}", "amber")));
            var returned = await db.ApprovalDocuments.Where(d => d.Status == DocumentStatus.Returned && officeCampaigns.Contains(d.CampaignId))
                .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id).Select(d => new { d.Id, d.Title }).Take(20).ToListAsync(ct);
            Todos.AddRange(returned.Select(d => new Todo($"按意见修改：{d.Title}", "已退回", $"/Campaigns/Document?id={d.Id}", "red")));
        }

        var unread = await notifier.UnreadAsync(me.Id!.Value, ct);
        if (unread > 0)
        {
            Todos.Add(new Todo("未读消息", $"{unread}条", "/Notifications", "blue"));
        }
    }
}
