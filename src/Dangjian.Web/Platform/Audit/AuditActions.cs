namespace Dangjian.Web.Platform.Audit;

/// <summary>Action codes stored in the audit log, with the Chinese words the audit pages show.</summary>
public static class AuditActions
{
    public const string Succeeded = "成功";
    public const string Failed = "失败";

    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string Move = "move";
    public const string Merge = "merge";
    public const string Import = "import";
    public const string Export = "export";
    public const string ViewSensitive = "view-sensitive";
    public const string PermissionChange = "permission-change";
    public const string PolicyChange = "policy-change";
    public const string UserAdmin = "user-admin";
    public const string Approve = "approve";
    public const string AuditVerify = "audit-verify";
    public const string AuditPurge = "audit-purge";
    public const string SecurityPrefix = "security.";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Create] = "新建",
        [Update] = "修改",
        [Delete] = "删除",
        [Restore] = "恢复",
        [Move] = "移动",
        [Merge] = "合并",
        [Import] = "导入",
        [Export] = "导出",
        [ViewSensitive] = "查看敏感信息",
        [PermissionChange] = "权限变更",
        [PolicyChange] = "安全策略变更",
        [UserAdmin] = "用户管理",
        [Approve] = "审批",
        [AuditVerify] = "链校验",
        [AuditPurge] = "按保留期清理",
        ["security.SignInSucceeded"] = "登录",
        ["security.SignInFailed"] = "登录失败",
        ["security.LockedOut"] = "账户锁定",
        ["security.SignInWhileLocked"] = "锁定期间尝试登录",
        ["security.SignedOut"] = "退出登录",
        ["security.PasswordChanged"] = "修改密码",
        ["security.PasswordRejected"] = "新密码被拒绝",
        ["security.PasswordExpired"] = "密码过期",
        ["security.TwoFactorFailed"] = "两步验证失败",
        ["security.TwoFactorEnabled"] = "两步验证设置",
        ["security.RecoveryCodeUsed"] = "使用恢复码",
        ["security.SessionExpired"] = "会话超时",
        ["security.CookieRejected"] = "登录凭据被拒绝",
        ["security.ApiTokenRejected"] = "访问令牌被拒绝",
        ["security.ApiTokenCreated"] = "创建访问令牌",
        ["security.ApiTokenRevoked"] = "撤销访问令牌",
        ["security.RequestTooLarge"] = "请求过大",
        ["security.AdminCreated"] = "创建管理员",
        ["security.AccessDenied"] = "访问被拒绝",
        ["security.KeyRingRotated"] = "密钥环轮换",
        ["key-rotation"] = "密钥环轮换",
        ["rekey"] = "更换密钥",
        ["reissue"] = "重新生成回复码",
    };

    public static string Label(string action) => Labels.GetValueOrDefault(action, action);

    public static IReadOnlyDictionary<string, string> ObjectLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OrgUnit"] = "组织",
        ["Person"] = "人员",
        ["PersonUnitRole"] = "兼任职务",
        ["SupervisionLink"] = "督导关系",
        ["AppUser"] = "用户",
        ["AppRole"] = "角色",
        ["SecuritySettings"] = "安全策略",
        ["ApiToken"] = "访问令牌",
        ["AuditLog"] = "审计日志",
        ["Talk"] = "谈心谈话",
        ["TalkRequirement"] = "必谈名单",
        ["ResearchTopic"] = "调研课题",
        ["BranchMeeting"] = "三会一课",
        ["BranchMeetingAttendee"] = "三会一课到会",
        ["Consultation"] = "网上征求意见稿",
        ["OutreachActivity"] = "载体活动",
        ["Visit"] = "走访",
        ["Problem"] = "问题",
        ["ProblemOpinion"] = "问题关联意见",
        ["RectificationItem"] = "整改事项",
        ["ProgressReport"] = "整改进展",
        ["ItemEvent"] = "销号记录",
        ["SelfInspection"] = "对照检查材料",
        ["SelfInspectionComment"] = "对照检查材料意见",
        ["SelfInspectionReview"] = "对照检查材料审核",
        ["LifeMeeting"] = "生活会",
        ["MeetingAttendee"] = "参会人员",
        ["Criticism"] = "批评和自我批评",
        ["MemberAppraisal"] = "民主评议党员",
        ["Ledger"] = "督办台账",
        ["LedgerItem"] = "督办事项",
        ["MonthlyReport"] = "月调度",
        ["Rule"] = "制度",
        ["RuleReview"] = "制度清理",
        ["RuleReviewDecision"] = "清理决定",
        ["Briefing"] = "简报",
        ["AssessmentScheme"] = "考核方案",
        ["Indicator"] = "考核指标",
        ["AssessmentPeriod"] = "考核期",
        ["IndicatorScore"] = "考核得分",
        ["CampaignSummary"] = "活动总结",
    };

    public static string ObjectLabel(string? type) => type is null ? "" : ObjectLabels.GetValueOrDefault(type, type);
}
