using System.Collections.Concurrent;
using System.Security.Claims;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Identity;

namespace Dangjian.Web.Platform.Web;

public sealed record MenuItem(string Title, string Page, IReadOnlyList<string>? Roles = null, string? Permission = null);

public sealed record MenuSection(string Title, string Icon, IReadOnlyList<MenuItem> Items);

/// <summary>
/// The left menu of UX.md, in its order. An item shows only when its page exists in this build and the
/// person holds its permission (or, for items without one, one of its roles; none listed: every business
/// role), so each feature lights up its menu entries by adding pages, and nobody sees a link that leads to
/// a refusal.
/// </summary>
public sealed class Navigation(LinkGenerator links)
{
    private static readonly string[] Business = [Roles.CampaignOffice, Roles.UnitOffice, Roles.Leader, Roles.Member, Roles.Supervisor, Roles.Observer];
    private static readonly string[] Office = [Roles.CampaignOffice, Roles.Leader, Roles.Supervisor];

    public static IReadOnlyList<MenuSection> Sections { get; } =
    [
        new("首页", "house", [new("我的待办", "/Index"), new("消息", "/Notifications/Index", AllRoles())]),
        new("活动管理", "flag", [new("观察的活动", "/Campaigns/Observe", [Roles.Observer]), new("活动列表", "/Campaigns/Index", Permission: Permissions.CampaignsView), new("环节与节点", "/Campaigns/Phases", Permission: Permissions.CampaignsView), new("调研与载体", "/Research/Index", Permission: Permissions.CampaignsView), new("待我审批", "/Campaigns/Approvals", Permission: Permissions.CampaignsApprove)]),
        new("学习教育", "book", [new("我的学习", "/Study/My", Permission: Permissions.StudyView), new("学习概况", "/Study/Index", Permission: Permissions.StudyView), new("学习计划", "/Study/Plans/Index", Permission: Permissions.StudyView), new("学习会", "/Study/Sessions/Index", Permission: Permissions.StudyView), new("考勤统计", "/Study/Attendance/Index", Permission: Permissions.StudyEdit), new("学习材料", "/Study/Materials/Index", Permission: Permissions.StudyView), new("学习笔记与心得", "/Study/Notes/Index", Permission: Permissions.StudyView), new("专题讨论", "/Study/Discussions/Index", Permission: Permissions.StudyView), new("在线测试", "/Study/Quizzes/Index", Permission: Permissions.StudyView), new("题库", "/Study/Questions/Index", Permission: Permissions.StudyEdit)]),
        new("支部生活", "people", [new("三会一课", "/BranchLife/Index", Permission: Permissions.StudyView)]),
        new("征求意见", "chat-square-text", [new("听取意见概况", "/Opinions/Overview", Permission: Permissions.CampaignsView), new("意见汇总", "/Opinions/Index", Permission: Permissions.CampaignsView), new("征求意见函", "/Opinions/Letters/Index", Permission: Permissions.CampaignsView), new("座谈会", "/Opinions/Forums/Index", Permission: Permissions.CampaignsView), new("意见箱", "/Opinions/Box/Index", Permission: Permissions.CampaignsView), new("网上征求意见", "/Opinions/Consultations/Index", Permission: Permissions.CampaignsView)]),
        new("民主评议", "check2-square", [new("民主测评", "/Appraisal/Index", Permission: Permissions.CampaignsView), new("谈心谈话", "/Talks/Index", Permission: Permissions.CampaignsView)]),
        new("查摆问题", "search", [new("问题清单", "/Problems/Index", Permission: Permissions.CampaignsView), new("对照检查材料", "/Problems/SelfInspections/Index", Permission: Permissions.CampaignsView), new("民主生活会", "/Meetings/Index", Permission: Permissions.CampaignsView)]),
        new("整改落实", "tools", [new("整改方案", "/Rectification/Index", Permission: Permissions.CampaignsView), new("整改路线图", "/Rectification/Roadmap", Permission: Permissions.CampaignsView), new("专项整治", "/Rectification/Special", Permission: Permissions.CampaignsView), new("整改公示", "/Rectification/Disclosure", Permission: Permissions.CampaignsView)]),
        new("督查督办", "clipboard-check", [new("督办台账", "/Ledgers/Index", Permission: Permissions.LedgersView), new("月调度", "/Ledgers/Dispatch", Permission: Permissions.LedgersView), new("季度考核", "/Ledgers/Assessment", Permission: Permissions.LedgersView), new("流动红旗", "/Ledgers/RedFlag", Permission: Permissions.LedgersView)]),
        new("制度建设", "journal-text", [new("制度库", "/Rules/Index", Permission: Permissions.RulesView), new("制度清理", "/Rules/Reviews", Permission: Permissions.RulesView), new("制度汇编", "/Rules/Handbook", Permission: Permissions.RulesView)]),
        new("简报", "newspaper", [new("简报", "/Briefings/Index", Permission: Permissions.CampaignsView)]),
        new("统计报告", "bar-chart", [new("活动总结", "/Reports/Index", Permission: Permissions.CampaignsView), new("活动看板", "/Dashboard/Campaign", Permission: Permissions.CampaignsView), new("台账导出", "/Reports/Exports", Permission: Permissions.CampaignsEdit), new("领导驾驶舱", "/Dashboard/Index", Office), new("督导看板", "/Dashboard/Supervision", [Roles.Supervisor])]),
        new("组织人员", "diagram-3", [new("组织架构", "/Organization/Index", Permission: Permissions.OrgView), new("人员", "/Organization/People/Index", Permission: Permissions.PeopleView), new("批量导入", "/Organization/Import", Permission: Permissions.PeopleImport)]),
        new("系统管理", "gear", [new("用户", "/Admin/Users/Index", Permission: Permissions.UsersManage), new("角色权限", "/Admin/Roles/Index", Permission: Permissions.RolesManage), new("安全策略", "/Admin/Policy", Permission: Permissions.PolicyManage)]),
        new("审计", "shield-check", [new("审计日志", "/Audit/Index", Permission: Permissions.AuditView), new("链校验", "/Audit/Verify", Permission: Permissions.AuditView)]),
        new("我的账户", "person-gear", [new("账户安全", "/Account/Security", AllRoles()), new("API 令牌", "/Account/ApiTokens", AllRoles())]),
    ];

    /// <summary>
    /// The short menu of a person whose only business roles are 党员干部 and/or 群众观察员 (issue 21: at most eight entries,
    /// the things a member does — not the office's forty). Permissions still decide each entry.
    /// </summary>
    public static IReadOnlyList<MenuSection> MemberSections { get; } =
    [
        new("首页", "house", [new("我的待办", "/Index", [Roles.Member]), new("消息", "/Notifications/Index", [Roles.Member, Roles.Observer])]),
        new("学习", "book", [new("我的学习", "/Study/My", [Roles.Member]), new("学习笔记与心得", "/Study/Notes/Index", [Roles.Member]), new("在线测试", "/Study/Quizzes/Index", [Roles.Member])]),
        new("活动", "flag", [new("投票/测评", "/Appraisal/Index", [Roles.Member]), new("活动专栏", "/Campaigns/Observe", [Roles.Member, Roles.Observer])]),
        new("我的账户", "person-gear", [new("账户安全", "/Account/Security", [Roles.Member, Roles.Observer])]),
    ];

    /// <summary>Roles that see the full menu (any of them): offices, leaders, the supervision group and the three administrators.</summary>
    private static readonly string[] FullMenuRoles = [Roles.CampaignOffice, Roles.UnitOffice, Roles.Leader, Roles.Supervisor, Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin];

    /// <summary>Whether this person gets <see cref="MemberSections"/>: a member or observer holding no office, leader, supervision or administrator role.</summary>
    public static bool UsesMemberMenu(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (user.IsInRole(Roles.Member) || user.IsInRole(Roles.Observer)) && !FullMenuRoles.Any(user.IsInRole);
    }

    private readonly ConcurrentDictionary<string, string?> urls = new(StringComparer.Ordinal);

    /// <summary>The sections and items this person may see, with their URLs.</summary>
    public IReadOnlyList<(MenuSection Section, IReadOnlyList<(MenuItem Item, string Url)> Items)> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var visible = new List<(MenuSection, IReadOnlyList<(MenuItem, string)>)>();
        var member = UsesMemberMenu(user);
        foreach (var section in member ? MemberSections : Sections)
        {
            var items = section.Items
                .Where(i => member
                    ? i.Roles!.Any(user.IsInRole) && (FullMenuPermission(i.Page) is not { } needed || user.Can(needed))
                    : i.Permission is { } permission ? user.Can(permission) : (i.Roles ?? Business).Any(user.IsInRole))
                .Select(i => (Item: i, Url: UrlOf(i.Page)))
                .Where(x => x.Url is not null)
                .Select(x => (x.Item, x.Url!))
                .ToList();
            if (items.Count > 0)
            {
                visible.Add((section, items));
            }
        }

        return visible;
    }

    /// <summary>The permission the full menu asks for the same page, so the short menu never shows what the full one would hide.</summary>
    private static string? FullMenuPermission(string page) => Sections.SelectMany(s => s.Items).FirstOrDefault(i => i.Page == page)?.Permission;

    private string? UrlOf(string page) => urls.GetOrAdd(page, p => links.GetPathByPage(p));

    private static string[] AllRoles() => [.. Roles.DisplayNames.Keys];
}
