using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>Who may do what with a campaign's rectification, and its plans: the campaign's own and each 直属单位's.</summary>
public sealed class RectificationService(AppDbContext db, CampaignAccess access, CampaignService campaigns, ScopeGuard guard, CurrentUser me)
{
    /// <summary>
    /// Manage: plan and edit every item (the office running the campaign). PlanUnits: the 直属单位 whose own plan the
    /// caller keeps (their scope covers the unit, not the campaign's organization). Verify: close and reopen (the
    /// office or the supervision group — never the unit itself).
    /// </summary>
    public sealed record Rights(bool Manage, bool Verify, Guid? PersonId, Guid? UnitId, IReadOnlyList<Guid> PlanUnits)
    {
        public static Rights None { get; } = new(false, false, null, null, []);

        public bool ManagesPlan(Guid? planUnitId) => Manage || (planUnitId is { } u && PlanUnits.Contains(u));

        public bool ManagesAnyPlan => Manage || PlanUnits.Count > 0;

        /// <summary>Progress is reported by whoever keeps the plan, the responsible leader, or anyone of the responsible department.</summary>
        public bool MayReport(RectificationItem item) => ManagesPlan(item.PlanUnitId) || (PersonId is { } p && (p == item.LeaderPersonId || UnitId == item.DepartmentId));
    }

    /// <summary>A plan: <see cref="UnitId"/> null for the campaign's own (本级).</summary>
    public sealed record Plan(Guid? UnitId, string Name, string Path);

    public async Task<Rights> RightsAsync(Campaign campaign, CancellationToken ct = default)
    {
        var personId = await access.PersonIdAsync(ct);
        var unitId = personId is null ? null : (await me.GetProfileAsync(ct))?.UnitId;
        var manage = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var membership = await campaigns.MembershipAsync(campaign.Id, personId, ct);
        IReadOnlyList<Guid> planUnits = [];
        if (!manage && me.Principal.Can(Permissions.CampaignsEdit))
        {
            var scope = await guard.ScopeAsync(ct);
            planUnits = (await PlansAsync(campaign, ct)).Where(x => x.UnitId is not null && scope.Covers(x.Path)).Select(x => x.UnitId!.Value).ToList();
        }

        return new Rights(manage, manage || membership.IsSupervisor, personId, unitId, planUnits);
    }

    /// <summary>本级 first, then every active 直属单位 in the campaign's scope, in the tree's order.</summary>
    public async Task<List<Plan>> PlansAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.Id == campaign.ScopeUnitId).Select(u => new { u.Name, u.Path }).SingleAsync(ct);
        var subsidiaries = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(root.Path) && u.Id != campaign.ScopeUnitId).Organizations()
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new Plan(u.Id, u.Name, u.Path)).Take(500).ToListAsync(ct);
        return [new Plan(null, root.Name + "（本级）", root.Path), .. subsidiaries];
    }

    /// <summary>
    /// Writes the plan's items into its 整改方案 document (creating it on first use) as a new draft version, for the
    /// office to polish and submit to the supervision group. Refused while the document is under review or once it
    /// has passed, and when the plan has no items.
    /// </summary>
    public async Task<(ApprovalDocument? Document, string? Refusal)> ComposeDocumentAsync(Campaign campaign, Plan plan, Rights rights, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rights);
        if (!rights.ManagesPlan(plan.UnitId))
        {
            throw new ForbiddenException();
        }

        var items = await RectificationPlanText.Lines(db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.PlanUnitId == plan.UnitId)).ToListAsync(ct);
        if (items.Count == 0)
        {
            return (null, "该整改方案还没有整改事项，请先新增事项再生成方案文稿。");
        }

        var document = await db.ApprovalDocuments.Where(d => d.CampaignId == campaign.Id && d.Kind == DocumentKind.RectificationPlan && d.UnitId == plan.UnitId).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            var phase = await db.Phases.Where(p => p.CampaignId == campaign.Id).OrderByDescending(p => p.Order).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            document = new ApprovalDocument { CampaignId = campaign.Id, PhaseId = phase, Kind = DocumentKind.RectificationPlan, UnitId = plan.UnitId, Title = DocumentTitle(campaign, plan) };
            db.ApprovalDocuments.Add(document);
        }

        var actor = await access.ActorAsync(campaign.Id, ct) with { IsOffice = true };
        var body = RectificationPlanText.Compose(document.Title, items);
        if (await campaigns.SaveDraftAsync(document, body, actor, me.DisplayName, ct) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return (null, refusal);
        }

        return (document, null);
    }

    public static string DocumentTitle(Campaign campaign, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(plan);
        return plan.UnitId is null ? $"{campaign.Title}整改方案" : $"{plan.Name}整改方案（{campaign.Title}）";
    }
}
