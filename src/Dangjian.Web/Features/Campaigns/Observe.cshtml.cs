using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// 群众观察员 and 活动专栏: for an observer the campaigns they are appointed to, for everyone else the campaigns of their
/// scope (the member's 活动专栏), each with its progress, phases, milestones, the documents the document rule makes public
/// and the published 简报 — and nothing personal (no owners, no groups, no names), since the observer comes from outside
/// the roster and no scope reaches the campaign for them.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class ObserveModel(AppDbContext db, CurrentUser me, DocumentAccess documents, TimeProvider clock, CampaignPicker picker) : PageModel
{
    /// <summary>Whether the page shows the campaigns the caller observes (an observer only) rather than their scope's 活动专栏.</summary>
    public bool AsObserver { get; private set; }

    public sealed record MilestoneRow(Guid PhaseId, string Title, DateOnly Deadline, int? RequiredCount, int DoneCount, MilestoneStatus Status);

    public sealed record DocumentRow(Guid Id, DocumentKind Kind, string Title, DateTime UpdatedAt);

    public sealed record BriefingRow(Guid Id, int Number, string Title, DateTime PublishedAt);

    private static readonly string[] ScopedRoles = [Platform.Identity.Roles.CampaignOffice, Platform.Identity.Roles.UnitOffice, Platform.Identity.Roles.Leader, Platform.Identity.Roles.Member, Platform.Identity.Roles.Supervisor];

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public Campaign? Campaign { get; private set; }

    public string ScopeName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public List<Phase> Phases { get; private set; } = [];

    public List<MilestoneRow> Milestones { get; private set; } = [];

    public List<DocumentRow> Documents { get; private set; } = [];

    public List<BriefingRow> Briefings { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        AsObserver = me.Principal.IsInRole(Platform.Identity.Roles.Observer) && !ScopedRoles.Any(me.Principal.IsInRole);
        ViewData.Trail(new Breadcrumb(AsObserver ? "观察的活动" : "活动专栏"));
        Today = ChinaTime.Today(clock);
        CampaignOption? chosen;
        if (AsObserver)
        {
            var person = await me.GetPersonIdAsync(ct);
            Campaigns = person is null ? [] : await db.CampaignMembers.AsNoTracking().Where(m => m.PersonId == person && m.Group == CampaignGroup.Observer)
                .Join(db.Campaigns.AsNoTracking(), m => m.CampaignId, c => c.Id, (m, c) => c)
                .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Select(c => new CampaignOption(c.Id, c.Title, c.StartsOn, c.EndsOn, c.Status)).Take(CampaignPicker.MaxListed).ToListAsync(ct);
            chosen = Campaigns.FirstOrDefault(c => c.Id == id) ?? (Campaigns.Count > 0 ? Campaigns[0] : null);
        }
        else
        {
            var pick = await picker.PickAsync(id, ct);
            Campaigns = pick.Campaigns;
            chosen = Campaigns.FirstOrDefault(c => c.Id == pick.Campaign?.Id);
        }

        if (chosen is null)
        {
            return;
        }

        var (campaign, standing) = await documents.CampaignAsync(chosen.Id, ct);
        Campaign = campaign;
        ScopeName = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Name).SingleAsync(ct);
        Phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).ToListAsync(ct);
        Milestones = await db.Milestones.AsNoTracking().Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Deadline).ThenBy(m => m.Title)
            .Select(m => new MilestoneRow(m.PhaseId, m.Title, m.Deadline, m.RequiredCount, m.DoneCount, m.Status)).ToListAsync(ct);
        var all = db.ApprovalDocuments.AsNoTracking().Where(d => d.CampaignId == campaign.Id);
        var readable = await documents.ReadableAsync(all, standing, ct);
        Documents = (await all.Where(d => d.Kind != DocumentKind.Briefing).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.Title, d.UpdatedAt)).ToListAsync(ct)).Where(d => readable.Contains(d.Id)).ToList();
        Briefings = (await db.Briefings.AsNoTracking().Where(b => b.CampaignId == campaign.Id && b.PublishedAt != null).OrderByDescending(b => b.Number)
            .Select(b => new { Row = new BriefingRow(b.Id, b.Number, b.Title, b.PublishedAt!.Value), b.DocumentId }).Take(200).ToListAsync(ct))
            .Where(b => readable.Contains(b.DocumentId)).Select(b => b.Row).ToList();
    }
}
