using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>活动概览: phases as a timeline with progress, milestones (overdue in red), documents, and the groups.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, DocumentAccess documents, CampaignService service, TimeProvider clock) : PageModel
{
    public sealed record MilestoneRow(Guid Id, Guid PhaseId, string Title, DateOnly Deadline, string? Owner, int? RequiredCount, int DoneCount, MilestoneStatus Status);

    public sealed record DocumentRow(Guid Id, Guid? PhaseId, DocumentKind Kind, string Title, DocumentStatus Status, DateTime UpdatedAt);

    public sealed record MemberRow(Guid Id, CampaignGroup Group, string Title, string Name, string Unit);

    public sealed record Candidate(Guid Id, string Name, string Unit);

    public Campaign Campaign { get; private set; } = null!;

    public string ScopeName { get; private set; } = "";

    public List<Phase> Phases { get; private set; } = [];

    public List<MilestoneRow> Milestones { get; private set; } = [];

    public List<DocumentRow> Documents { get; private set; } = [];

    public List<MemberRow> Members { get; private set; } = [];

    public List<Candidate> Candidates { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, c => service.StartAsync(c, ct), "活动已启动，第一环节已开启。", ct);

    public Task<IActionResult> OnPostOpenPhaseAsync(Guid id, Guid phaseId, CancellationToken ct) =>
        ActAsync(id, async c => await db.Phases.SingleOrDefaultAsync(p => p.Id == phaseId && p.CampaignId == c.Id, ct) is { } phase
            ? await service.OpenPhaseAsync(c, phase, ct)
            : "没有该环节。", "已开启该环节。", ct);

    public Task<IActionResult> OnPostMilestoneAsync(Guid id, Guid milestoneId, string act, CancellationToken ct) =>
        ActAsync(id, async c =>
        {
            var m = await db.Milestones.SingleOrDefaultAsync(x => x.Id == milestoneId && x.CampaignId == c.Id, ct);
            if (m is null)
            {
                return "没有该节点任务。";
            }

            switch (act)
            {
                case "count" when m.RequiredCount is { } required && m.Status == MilestoneStatus.Open:
                    m.DoneCount++;
                    if (m.DoneCount >= required)
                    {
                        m.Status = MilestoneStatus.Done;
                        m.CompletedAt = clock.GetUtcNow().UtcDateTime;
                    }

                    break;
                case "done" when m.Status == MilestoneStatus.Open:
                    m.Status = MilestoneStatus.Done;
                    m.CompletedAt = clock.GetUtcNow().UtcDateTime;
                    break;
                case "reopen" when m.Status == MilestoneStatus.Done:
                    m.Status = MilestoneStatus.Open;
                    m.CompletedAt = null;
                    break;
                default:
                    return "该节点任务当前不能这样操作。";
            }

            await db.SaveChangesAsync(ct);
            return null;
        }, "已更新节点任务。", ct);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, Guid personId, CampaignGroup group, string? title, CancellationToken ct) =>
        ActAsync(id, async c =>
        {
            title = title?.Trim();
            if (!Enum.IsDefined(group) || string.IsNullOrEmpty(title) || title.Length > 50)
            {
                return "请选择小组并填写职务（如组长、成员、主任）。";
            }

            if (!(await CandidatesAsync(c, ct)).Any(p => p.Id == personId))
            {
                return "只能从活动范围内或督导本单位的督导组中选择人员。";
            }

            if (await db.CampaignMembers.AnyAsync(m => m.CampaignId == c.Id && m.PersonId == personId && m.Group == group, ct))
            {
                return "此人已在该小组中。";
            }

            db.CampaignMembers.Add(new CampaignMember { CampaignId = c.Id, PersonId = personId, Group = group, Title = title });
            await db.SaveChangesAsync(ct);
            return null;
        }, "已加入小组。", ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid memberId, CancellationToken ct) =>
        ActAsync(id, async c =>
        {
            var member = await db.CampaignMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CampaignId == c.Id, ct);
            if (member is null)
            {
                return "没有该成员。";
            }

            db.CampaignMembers.Remove(member);
            await db.SaveChangesAsync(ct);
            return null;
        }, "已移出小组。", ct);

    public async Task<IActionResult> OnPostNewDocumentAsync(Guid id, DocumentKind kind, Guid? phaseId, CancellationToken ct)
    {
        var campaign = await access.FindAsync(id, Permissions.CampaignsEdit, ct);
        if (!Enum.IsDefined(kind))
        {
            TempData.Error("请选择材料类别。");
            return RedirectToPage(new { id });
        }

        var phase = phaseId is { } p ? await db.Phases.SingleOrDefaultAsync(x => x.Id == p && x.CampaignId == id, ct) : null;
        if (kind == DocumentKind.PhaseSummary && phase is null)
        {
            TempData.Error("环节小结须属于一个环节。");
            return RedirectToPage(new { id });
        }

        var existing = phase is null ? null : await db.ApprovalDocuments.Where(d => d.PhaseId == phase.Id && d.Kind == kind).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is { } found)
        {
            return RedirectToPage("/Campaigns/Document", new { id = found });
        }

        var document = new ApprovalDocument
        {
            CampaignId = campaign.Id,
            PhaseId = phase?.Id,
            Kind = kind,
            Title = phase is null ? $"{campaign.Title}{CampaignLabels.Of(kind)}" : $"“{phase.Name}”{CampaignLabels.Of(kind)}",
        };
        db.ApprovalDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Campaigns/Document", new { id = document.Id });
    }

    public async Task<IActionResult> OnPostSaveTemplateAsync(Guid id, string? name, CancellationToken ct)
    {
        var campaign = await access.FindAsync(id, Permissions.CampaignsEdit, ct);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            TempData.Error("请填写模板名称（不超过200字）。");
            return RedirectToPage(new { id });
        }

        await service.SaveAsTemplateAsync(campaign, name, ct);
        TempData.Success($"已另存为模板“{name}”，新建活动时可以选用。");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Campaign, Task<string?>> action, string done, CancellationToken ct)
    {
        var campaign = await access.FindAsync(id, Permissions.CampaignsEdit, ct);
        if (await action(campaign) is { } refusal)
        {
            TempData.Error(refusal);
        }
        else
        {
            TempData.Success(done);
        }

        return RedirectToPage(new { id });
    }

    /// <summary>People of the campaign's scope, plus the members of supervision groups that supervise it.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Campaign campaign, CancellationToken ct)
    {
        var scopePath = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        var supervisors = await (from link in db.SupervisionLinks
                                 join target in db.OrgUnits on link.SupervisedUnitId equals target.Id
                                 join supervisor in db.OrgUnits on link.SupervisorUnitId equals supervisor.Id
                                 where scopePath.StartsWith(target.Path)
                                 select supervisor.Path).ToListAsync(ct);
        var paths = supervisors.Append(scopePath).ToList();
        return await db.People.AsNoTracking().InScope(new DataScope(paths), p => p.OrgUnit!.Path)
            .OrderBy(p => p.OrgUnit!.Path).ThenBy(p => p.PostRank).ThenBy(p => p.Name)
            .Select(p => new Candidate(p.Id, p.Name, p.OrgUnit!.Name)).Take(2000).ToListAsync(ct);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Campaign = await access.FindAsync(id, Permissions.CampaignsView, ct);
        CanEdit = User.Can(Permissions.CampaignsEdit);
        Today = ChinaTime.Today(clock);
        ScopeName = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Name).SingleAsync(ct);
        Phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == id).OrderBy(p => p.Order).ToListAsync(ct);
        Milestones = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == id).OrderBy(m => m.Deadline).ThenBy(m => m.Title)
            .Select(m => new MilestoneRow(m.Id, m.PhaseId, m.Title, m.Deadline, m.OwnerPerson != null ? m.OwnerPerson.Name : m.OwnerUnit != null ? m.OwnerUnit.Name : null, m.RequiredCount, m.DoneCount, m.Status))
            .ToListAsync(ct);
        // Only the documents the caller may read by the document rule (an unpublished 简报 or a leader's 对照检查材料 is not listed).
        var readable = await documents.ReadableAsync(db.ApprovalDocuments.Where(d => d.CampaignId == id), (await documents.CampaignAsync(id, ct)).Standing, ct);
        Documents = (await db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == id).OrderBy(d => d.CreatedAt)
            .Select(d => new DocumentRow(d.Id, d.PhaseId, d.Kind, d.Title, d.Status, d.UpdatedAt)).ToListAsync(ct)).Where(d => readable.Contains(d.Id)).ToList();
        Members = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == id).OrderBy(m => m.Group).ThenBy(m => m.CreatedAt)
            .Select(m => new MemberRow(m.Id, m.Group, m.Title, m.Person!.Name, m.Person.OrgUnit!.Name)).ToListAsync(ct);
        if (CanEdit)
        {
            Candidates = await CandidatesAsync(Campaign, ct);
        }

        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title));
    }
}
