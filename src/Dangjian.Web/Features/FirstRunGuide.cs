using System.Security.Claims;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features;

/// <summary>
/// The campaign office's first-run guide (issue 21): create the top unit → import the roster → create the accounts →
/// start the first campaign → schedule the 动员大会. Every step is read from the records in the office's scope (one SQL
/// statement, whatever the organization's size), so the guide resumes by itself; it is gone once all five are done or
/// the person hid it (<see cref="AppUser.FirstRunGuideHiddenAt"/>).
/// </summary>
public static class FirstRunGuide
{
    /// <summary>How the 动员大会 is recognised: a study session of a running campaign named so, or tied to a milestone named so.</summary>
    public const string MeetingWord = "动员大会";

    /// <summary>The template milestone; once marked done, the meeting counts as held even without a study session for it.</summary>
    public const string HeldMilestone = "召开动员大会";

    public sealed record Step(int Number, string Title, string Hint, string? Url, bool Done);

    public sealed record Guide(IReadOnlyList<Step> Steps)
    {
        /// <summary>The first step not done yet (the one the guide points to).</summary>
        public Step? Next => Steps.FirstOrDefault(s => !s.Done);

        public int DoneCount => Steps.Count(s => s.Done);
    }

    /// <summary>Only the campaign office's accounts get the guide (not members, leaders, supervisors or administrators).</summary>
    public static bool IsFor(ClaimsPrincipal user) => user?.IsInRole(Roles.CampaignOffice) == true;

    /// <summary>The guide for the office account <paramref name="userId"/>, or null when it is hidden or every step is done. One SQL statement.</summary>
    public static async Task<Guide?> LoadAsync(AppDbContext db, Guid userId, DataScope scope, ClaimsPrincipal user, PageLinks links, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        var units = db.OrgUnits.InScope(scope, u => u.Path);
        var people = db.People.InScope(scope, p => p.OrgUnit!.Path);
        var campaigns = db.Campaigns.InScope(scope, c => c.ScopeUnit!.Path);
        var running = campaigns.Where(c => c.Status == CampaignStatus.Running);
        var state = await db.Users.Where(u => u.Id == userId).Select(u => new
        {
            u.FirstRunGuideHiddenAt,
            Units = units.Count(),
            People = people.Count(p => p.Id != u.PersonId),
            Accounts = people.Count(p => p.Id != u.PersonId && db.Users.Any(a => a.PersonId == p.Id)),
            Campaigns = campaigns.Count(),
            Running = running.Count(),
            FirstCampaign = campaigns.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
            Current = running.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefault(),
            Meeting = db.StudySessions
                .Where(s => running.Any(c => c.Id == s.CampaignId)
                    && (s.Title.Contains(MeetingWord) || db.Milestones.Any(m => m.Id == s.MilestoneId && m.Title.Contains(MeetingWord))))
                .OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefault(),
            MeetingHeld = db.Milestones.Any(m => running.Any(c => c.Id == m.CampaignId) && m.Status == MilestoneStatus.Done && m.Title.Contains(HeldMilestone)),
        }).SingleAsync(ct);
        if (state.FirstRunGuideHiddenAt is not null)
        {
            return null;
        }

        var without = state.People - state.Accounts;
        var campaignLink = state.Current is { } current ? $"/Campaigns/Details?id={current}"
            : state.FirstCampaign is { } first ? $"/Campaigns/Details?id={first}" : "/Campaigns/Create";
        Step[] steps =
        [
            new(1, "创建顶层单位", state.Units == 0 ? "从本单位（如“市科技局”）开始，下级单位可在导入时一并建立" : $"已有{state.Units}个单位", links.For(user, "/Organization"), state.Units > 0),
            new(2, "导入人员名单", state.People == 0 ? "下载Excel模板，填好后上传；“单位”列可写“市科技局/办公室”" : $"已导入{state.People}人", links.For(user, "/Organization/Import"), state.People > 0),
            new(3, "创建登录账号", state.Accounts == 0 ? (state.People == 0 ? "先导入人员名单" : $"{without}人还没有账号") : without > 0 ? $"已创建{state.Accounts}个账号，{without}人还没有账号" : $"已创建{state.Accounts}个账号，人人都有账号", links.For(user, "/Organization/Accounts"), state.Accounts > 0),
            new(4, "启动第一个活动", state.Campaigns == 0 ? "按模板新建活动，再点“启动活动”" : state.Running == 0 ? $"已建{state.Campaigns}个活动，尚未启动" : $"已建{state.Campaigns}个活动，{state.Running}个进行中", links.For(user, campaignLink), state.Running > 0),
            new(5, "安排动员大会", state.Meeting is { } at ? $"已安排在{ChinaTime.DateTimeText(at)}" : state.MeetingHeld ? "已召开（“召开动员大会”节点已完成）" : state.Current is null ? "活动启动后安排" : "为进行中的活动安排动员大会，人员扫码签到",
                state.Current is { } c ? links.For(user, $"/Study/Sessions/Edit?campaignId={c}&preset=mobilization") : null, state.Meeting is not null || state.MeetingHeld),
        ];
        return steps.All(s => s.Done) ? null : new Guide(steps);
    }
}
