using Dangjian.Web.Platform.Identity;

namespace Dangjian.Web.Platform.Authorization;

/// <summary>
/// Named permissions, one per capability and operation (view, edit, approve, administer), granted to roles as
/// role claims of type <see cref="ClaimType"/>. Later features add theirs here.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "perm";

    public const string OrgView = "org.view";
    public const string OrgEdit = "org.edit";
    public const string PeopleView = "people.view";
    public const string PeopleEdit = "people.edit";
    public const string PeopleSensitive = "people.sensitive";
    public const string PeopleImport = "people.import";
    public const string PeopleExport = "people.export";
    public const string PeopleAccounts = "people.accounts";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string PolicyManage = "policy.manage";
    public const string AuditView = "audit.view";
    public const string CampaignsView = "campaigns.view";
    public const string CampaignsEdit = "campaigns.edit";
    public const string CampaignsApprove = "campaigns.approve";
    public const string StudyView = "study.view";
    public const string StudyEdit = "study.edit";
    public const string LedgersView = "ledgers.view";
    public const string LedgersEdit = "ledgers.edit";
    public const string RulesView = "rules.view";
    public const string RulesEdit = "rules.edit";

    /// <summary>Marks a permission a role has been offered once, so later defaults never re-grant what an administrator removed.</summary>
    public const string SeenClaimType = "perm-seen";

    public sealed record Definition(string Name, string Capability, string Title, bool AdministratorOnly);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new(OrgView, "组织人员", "查看组织", false),
        new(OrgEdit, "组织人员", "维护组织（新建、修改、移动、合并、停用）", false),
        new(PeopleView, "组织人员", "查看人员", false),
        new(PeopleEdit, "组织人员", "维护人员", false),
        new(PeopleSensitive, "组织人员", "查看身份证号、手机号（留审计记录）", false),
        new(PeopleImport, "组织人员", "批量导入人员", false),
        new(PeopleExport, "组织人员", "导出人员", false),
        new(PeopleAccounts, "组织人员", "为人员批量开通登录账号（党员干部、领导班子角色）并打印登录单", false),
        new(CampaignsView, "活动管理", "查看活动", false),
        new(CampaignsEdit, "活动管理", "管理活动（新建、环节、节点、材料）", false),
        new(CampaignsApprove, "活动管理", "督导审核（仅限本活动督导组成员）", false),
        new(StudyView, "学习教育", "查看学习会与考勤", false),
        new(StudyEdit, "学习教育", "安排学习会、登记考勤", false),
        new(LedgersView, "督查督办", "查看督办台账，本部门填报月调度", false),
        new(LedgersEdit, "督查督办", "管理督办台账、点评月调度", false),
        new(RulesView, "制度建设", "查看制度库和制度汇编", false),
        new(RulesEdit, "制度建设", "登记、修订、废止制度，组织制度清理", false),
        new(UsersManage, "系统管理", "用户管理", true),
        new(RolesManage, "系统管理", "角色权限", true),
        new(PolicyManage, "系统管理", "安全策略", true),
        new(AuditView, "审计", "审计日志", true),
    ];

    public static string Title(string name) => All.FirstOrDefault(p => p.Name == name)?.Title ?? name;

    /// <summary>
    /// What each built-in role starts with. The administrators' sets are fixed (三员分立) and re-applied at every
    /// start; business roles can be changed by the security administrator.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Defaults { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Roles.CampaignOffice] = [OrgView, OrgEdit, PeopleView, PeopleEdit, PeopleSensitive, PeopleImport, PeopleExport, PeopleAccounts, CampaignsView, CampaignsEdit, StudyView, StudyEdit, LedgersView, LedgersEdit, RulesView, RulesEdit],
        [Roles.UnitOffice] = [OrgView, PeopleView, CampaignsView, CampaignsEdit, StudyView, LedgersView, RulesView],
        [Roles.Leader] = [OrgView, PeopleView, PeopleExport, CampaignsView, StudyView, LedgersView, RulesView],
        [Roles.Member] = [OrgView, PeopleView, CampaignsView, StudyView, LedgersView, RulesView],
        [Roles.Supervisor] = [OrgView, PeopleView, PeopleExport, CampaignsView, CampaignsApprove, StudyView, LedgersView, RulesView],
        [Roles.Observer] = [OrgView, CampaignsView, StudyView],
        [Roles.SystemAdmin] = [UsersManage, PeopleAccounts],
        [Roles.SecurityAdmin] = [RolesManage, PolicyManage],
        [Roles.AuditAdmin] = [AuditView],
    };

    /// <summary>Permissions the security administrator may grant to business roles: never an administrator duty.</summary>
    public static IEnumerable<Definition> Grantable => All.Where(p => !p.AdministratorOnly);
}
