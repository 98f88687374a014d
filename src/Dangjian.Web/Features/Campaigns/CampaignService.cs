using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Campaign operations that touch several records at once: creating from a template, opening phases under the
/// gating rule, and moving documents through the approval state machine (with phase transitions for summaries).
/// Every change is audited by the context; approvals are guarded by the document's concurrency version.
/// </summary>
public sealed class CampaignService(AppDbContext db, Notifier notifier, MilestoneFollower follower, TimeProvider clock)
{
    public sealed record Membership(bool IsOffice, bool IsSupervisor, bool IsLeader);

    /// <summary>
    /// A campaign laid out from <paramref name="template"/>, its milestones placed by <see cref="CampaignTemplates.PlaceDeadline"/>
    /// (nothing due in the first week, nothing overdue on creation). <paramref name="asPlanned"/>: every milestone on its
    /// template day, for the demo's story of a campaign already under way.
    /// </summary>
    public async Task<Campaign> CreateFromTemplateAsync(CampaignTemplates.Template template, string title, string? theme, Guid scopeUnitId, DateOnly startsOn, Guid? creatorPersonId, bool asPlanned = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var campaign = new Campaign
        {
            Title = title.Trim(),
            Theme = string.IsNullOrWhiteSpace(theme) ? template.Theme : theme.Trim(),
            ScopeUnitId = scopeUnitId,
            StartsOn = startsOn,
            EndsOn = startsOn.AddDays(template.LengthDays - 1),
            PhasesOverlap = template.PhasesOverlap,
            TemplateKey = template.Key,
        };
        db.Campaigns.Add(campaign);
        var earliest = asPlanned ? DateOnly.MinValue : CampaignTemplates.EarliestDeadline(startsOn, Today);
        var order = 1;
        foreach (var p in template.Phases)
        {
            var phase = new Phase
            {
                CampaignId = campaign.Id,
                Order = order++,
                Name = p.Name,
                StartsOn = startsOn.AddDays(p.StartDay),
                EndsOn = startsOn.AddDays(Math.Min(p.StartDay + p.LengthDays, template.LengthDays) - 1),
            };
            db.Phases.Add(phase);
            foreach (var m in p.Milestones)
            {
                db.Milestones.Add(new Milestone
                {
                    CampaignId = campaign.Id,
                    PhaseId = phase.Id,
                    Title = m.Title,
                    Deadline = CampaignTemplates.PlaceDeadline(phase.StartsOn, phase.EndsOn, campaign.EndsOn, m.DayInPhase, m.FixedDay, earliest),
                    RequiredCount = m.RequiredCount,
                    OwnerUnitId = m.Owner == CampaignTemplates.Owner.None ? null : scopeUnitId,
                    Follows = m.Follows,
                });
            }
        }

        db.ApprovalDocuments.Add(new ApprovalDocument { CampaignId = campaign.Id, Kind = DocumentKind.ImplementationPlan, Title = $"{campaign.Title}实施方案" });
        if (creatorPersonId is { } person)
        {
            db.CampaignMembers.Add(new CampaignMember { CampaignId = campaign.Id, PersonId = person, Group = CampaignGroup.Office, Title = "主任" });
        }

        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>The caller's roles in this campaign, from its groups.</summary>
    public async Task<Membership> MembershipAsync(Guid campaignId, Guid? personId, CancellationToken ct = default)
    {
        if (personId is null)
        {
            return new Membership(false, false, false);
        }

        var groups = await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.PersonId == personId).Select(m => new { m.Group, m.Title }).ToListAsync(ct);
        return new Membership(
            groups.Any(g => g.Group is CampaignGroup.Office or CampaignGroup.LeadingGroup),
            groups.Any(g => g.Group == CampaignGroup.Supervision),
            groups.Any(g => g.Group == CampaignGroup.LeadingGroup && g.Title.Contains("组长", StringComparison.Ordinal)));
    }

    public async Task<string?> StartAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Status != CampaignStatus.Preparing)
        {
            return "只有筹备中的活动可以启动。";
        }

        campaign.Status = CampaignStatus.Running;
        var first = await db.Phases.Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
        if (first is not null)
        {
            first.Status = PhaseStatus.InProgress;
        }

        if (campaign.PhasesOverlap)
        {
            foreach (var phase in await db.Phases.Where(p => p.CampaignId == campaign.Id && p.Status == PhaseStatus.NotStarted).ToListAsync(ct))
            {
                phase.Status = PhaseStatus.InProgress;
            }
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> OpenPhaseAsync(Campaign campaign, Phase phase, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(phase);
        var previous = await db.Phases.Where(p => p.CampaignId == campaign.Id && p.Order < phase.Order).OrderByDescending(p => p.Order).Select(p => (PhaseStatus?)p.Status).FirstOrDefaultAsync(ct);
        if (CampaignRules.CheckOpen(campaign.Status, campaign.PhasesOverlap, phase.Status, previous) is { } refusal)
        {
            return refusal;
        }

        phase.Status = PhaseStatus.InProgress;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Saves a new draft version (or edits the current draft) of a document.</summary>
    public Task<string?> SaveDraftAsync(ApprovalDocument document, string body, ApprovalRules.Actor actor, string actorName, CancellationToken ct = default) =>
        SaveDraftAsync(document, body, actor, actorName, null, ct);

    /// <summary>
    /// As above, refusing when the document changed since the editor loaded it (<paramref name="expectedVersion"/>):
    /// two people editing the same draft never silently overwrite each other.
    /// </summary>
    public async Task<string?> SaveDraftAsync(ApprovalDocument document, string body, ApprovalRules.Actor actor, string actorName, Guid? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (_, refusal) = ApprovalRules.Apply(document.Status, ApprovalRules.Action.Edit, actor, document.SubmittedById, null);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(body) || body.Length > 100_000)
        {
            return "请填写正文（不超过10万字）。";
        }

        var latest = await db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is { Decision: DocumentStatus.Draft })
        {
            latest.Body = body;
            latest.AuthorId = actor.UserId;
            latest.AuthorName = actorName;
        }
        else
        {
            db.DocumentVersions.Add(new DocumentVersion { DocumentId = document.Id, Number = (latest?.Number ?? 0) + 1, Body = body, AuthorId = actor.UserId, AuthorName = actorName });
        }

        document.Status = DocumentStatus.Draft;
        if (expectedVersion is { } loaded)
        {
            db.ExpectVersion(document, loaded);
            db.Entry(document).Property(d => d.Status).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "这份草稿已被他人修改，您的修改尚未保存（仍在输入框中）。请先复制您的文字，刷新页面后在最新稿上修改。";
        }

        return null;
    }

    public async Task<string?> SubmitAsync(ApprovalDocument document, ApprovalRules.Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (next, refusal) = ApprovalRules.Apply(document.Status, ApprovalRules.Action.Submit, actor, document.SubmittedById, null);
        if (refusal is not null)
        {
            return refusal;
        }

        var latest = await db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is not { Decision: DocumentStatus.Draft })
        {
            return "请先写好（或修改）正文再提交。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        latest.SubmittedAt = now;
        latest.Decision = DocumentStatus.Submitted;
        document.Status = next!.Value;
        document.SubmittedById = actor.UserId;
        document.SubmittedAt = now;
        if (document.Kind == DocumentKind.PhaseSummary && document.PhaseId is { } phaseId)
        {
            (await db.Phases.SingleAsync(p => p.Id == phaseId, ct)).Status = PhaseStatus.AwaitingReview;
        }

        var supervisors = await db.CampaignMembers.Where(m => m.CampaignId == document.CampaignId && m.Group == CampaignGroup.Supervision).Select(m => m.PersonId).ToListAsync(ct);
        await notifier.ToPeopleAsync(supervisors, $"待审核：{document.Title}", "活动办公室已提交材料，请审核。", $"/Campaigns/Document?id={document.Id}", ct);
        await db.SaveChangesAsync(ct);
        await notifier.DeliverAsync(ct);
        return null;
    }

    /// <summary>
    /// Approves or returns the submitted version. A phase summary's approval completes the phase and (when phases
    /// do not overlap) opens the next one. Two supervisors deciding at once: the second gets a conflict.
    /// </summary>
    public async Task<string?> DecideAsync(ApprovalDocument document, Guid loadedVersion, bool approve, string? comment, ApprovalRules.Actor actor, string actorName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var action = approve ? ApprovalRules.Action.Approve : ApprovalRules.Action.Return;
        var (next, refusal) = ApprovalRules.Apply(document.Status, action, actor, document.SubmittedById, comment);
        if (refusal is not null)
        {
            return refusal;
        }

        db.ExpectVersion(document, loadedVersion);
        var latest = await db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        latest.Decision = next!.Value;
        latest.DecidedById = actor.UserId;
        latest.DecidedByName = actorName;
        latest.DecidedAt = now;
        latest.Comment = comment.NullIfBlank();
        document.Status = next.Value;
        if (document.Kind == DocumentKind.PhaseSummary && document.PhaseId is { } phaseId)
        {
            var phase = await db.Phases.SingleAsync(p => p.Id == phaseId, ct);
            phase.Status = approve ? PhaseStatus.Completed : PhaseStatus.InProgress;
            if (approve)
            {
                var campaign = await db.Campaigns.SingleAsync(c => c.Id == document.CampaignId, ct);
                var following = await db.Phases.Where(p => p.CampaignId == campaign.Id && p.Order > phase.Order).OrderBy(p => p.Order).FirstOrDefaultAsync(ct);
                if (following is { Status: PhaseStatus.NotStarted } && campaign.Status == CampaignStatus.Running)
                {
                    following.Status = PhaseStatus.InProgress;
                }
            }
        }

        db.Audit(AuditActions.Approve, nameof(ApprovalDocument), document.Id.ToString(), document.Title, null, new { 决定 = approve ? "通过" : "退回", 版本 = latest.Number, 意见 = latest.Comment });
        var authors = latest.AuthorId is { } author ? new[] { author } : [];
        notifier.ToUsers(authors.Concat(document.SubmittedById is { } s ? [s] : []), $"{(approve ? "已通过" : "已退回")}：{document.Title}", latest.Comment, $"/Campaigns/Document?id={document.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            notifier.Discard();
            return "该材料刚刚已由他人处理，请刷新查看结果。";
        }

        await notifier.DeliverAsync(ct);
        if (approve)
        {
            await follower.SyncAsync(document.CampaignId, ct);
        }

        return null;
    }

    /// <summary>Saves a campaign's current phases and milestones, as day offsets, as a template for its scope unit.</summary>
    public async Task<SavedTemplate> SaveAsTemplateAsync(Campaign campaign, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Deadline).ToListAsync(ct);
        var template = new CampaignTemplates.Template(
            "saved",
            name,
            campaign.Theme ?? "",
            campaign.EndsOn.DayNumber - campaign.StartsOn.DayNumber + 1,
            campaign.PhasesOverlap,
            phases.Select(p => new CampaignTemplates.PhaseTemplate(
                p.Name,
                p.StartsOn.DayNumber - campaign.StartsOn.DayNumber,
                p.EndsOn.DayNumber - p.StartsOn.DayNumber + 1,
                milestones.Where(m => m.PhaseId == p.Id)
                    .Select(m => new CampaignTemplates.MilestoneTemplate(m.Title, Math.Max(0, m.Deadline.DayNumber - p.StartsOn.DayNumber), m.RequiredCount, Follows: m.Follows))
                    .ToList())).ToList(),
            $"由“{campaign.Title}”保存。");
        var saved = new SavedTemplate { Name = name, OwnerUnitId = campaign.ScopeUnitId, Definition = System.Text.Json.JsonSerializer.Serialize(template) };
        db.SavedTemplates.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    /// <summary>Built-in templates, then the saved ones of units the caller's scope concerns.</summary>
    public async Task<List<CampaignTemplates.Template>> TemplatesAsync(DataScope scope, CancellationToken ct = default)
    {
        var saved = await (from t in db.SavedTemplates.AsNoTracking()
                           join u in db.OrgUnits on t.OwnerUnitId equals u.Id
                           select new { Template = t, u.Path }).ToListAsync(ct);
        return [.. CampaignTemplates.All, .. saved.Where(s => scope.Concerns(s.Path)).OrderBy(s => s.Template.CreatedAt).Select(s => s.Template.ToTemplate())];
    }

    public DateOnly Today => ChinaTime.Today(clock);
}
