namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// The approval state machine: 草稿 → 待审核 → 已通过, or → 已退回 → (revised) 待审核 → … Approved is final.
/// Only a member of the campaign's supervision group may decide, never on their own submission; a return
/// needs a comment.
/// </summary>
public static class ApprovalRules
{
    public enum Action
    {
        Edit,
        Submit,
        Approve,
        Return,
    }

    public sealed record Actor(Guid UserId, bool IsOffice, bool IsSupervisor);

    /// <summary>The status after <paramref name="action"/>, or a Chinese refusal.</summary>
    public static (DocumentStatus? Next, string? Refusal) Apply(DocumentStatus status, Action action, Actor actor, Guid? submittedBy, string? comment)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (action)
        {
            case Action.Edit:
                if (!actor.IsOffice)
                {
                    return (null, "只有活动办公室或领导小组成员可以编辑材料。");
                }

                return status switch
                {
                    DocumentStatus.Approved => (null, "已通过的材料不能修改。"),
                    DocumentStatus.Submitted => (null, "材料正在督导组审核中，审核结束前不能修改。"),
                    _ => (DocumentStatus.Draft, null),
                };
            case Action.Submit:
                if (!actor.IsOffice)
                {
                    return (null, "只有活动办公室或领导小组成员可以提交材料。");
                }

                return status is DocumentStatus.Draft or DocumentStatus.Returned
                    ? (DocumentStatus.Submitted, null)
                    : (null, status == DocumentStatus.Approved ? "材料已通过，无需再次提交。" : "材料已提交，正在等待审核。");
            default:
                if (!actor.IsSupervisor)
                {
                    return (null, "只有本活动督导组的成员可以审核。");
                }

                if (submittedBy == actor.UserId)
                {
                    return (null, "不能审核自己提交的材料。");
                }

                if (status != DocumentStatus.Submitted)
                {
                    return (null, "该材料不在待审核状态，可能已由他人处理。");
                }

                if (action == Action.Return && string.IsNullOrWhiteSpace(comment))
                {
                    return (null, "退回时请填写修改意见。");
                }

                return (action == Action.Approve ? DocumentStatus.Approved : DocumentStatus.Returned, null);
        }
    }
}
