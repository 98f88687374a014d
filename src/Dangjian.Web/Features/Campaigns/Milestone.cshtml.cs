using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>New milestone (<c>?campaignId=</c>) or edit (<c>?id=</c>): phase, deadline, owner, count rule, evidence.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class MilestoneModel(AppDbContext db, CampaignAccess access, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    public Campaign Campaign { get; private set; } = null!;

    public List<Phase> Phases { get; private set; } = [];

    public List<Option> People { get; private set; } = [];

    public List<Option> Units { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public Guid PhaseId { get; set; }

    [BindProperty]
    public DateOnly Deadline { get; set; }

    [BindProperty]
    public Guid? OwnerPersonId { get; set; }

    [BindProperty]
    public Guid? OwnerUnitId { get; set; }

    [BindProperty]
    public int? RequiredCount { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var milestone = await LoadAsync(ct);
        if (milestone is not null)
        {
            (Title, PhaseId, Deadline, OwnerPersonId, OwnerUnitId, RequiredCount, Evidence, LoadedVersion) =
                (milestone.Title, milestone.PhaseId, milestone.Deadline, milestone.OwnerPersonId, milestone.OwnerUnitId, milestone.RequiredCount, milestone.Evidence, milestone.Version);
        }
        else
        {
            var current = Phases.FirstOrDefault(p => p.Status == PhaseStatus.InProgress) ?? Phases.First();
            PhaseId = current.Id;
            Deadline = current.EndsOn;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var milestone = await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写节点名称（不超过200字）。");
        }

        if (Phases.All(p => p.Id != PhaseId))
        {
            ModelState.AddModelError(nameof(PhaseId), "请选择环节。");
        }

        if (CampaignRules.CheckDeadline(Deadline, ChinaTime.Today(clock), Campaign.StartsOn, Campaign.EndsOn, milestone?.Deadline) is { } problem)
        {
            ModelState.AddModelError(nameof(Deadline), problem);
        }

        if (RequiredCount is < 1 or > 1000)
        {
            ModelState.AddModelError(nameof(RequiredCount), "要求次数须在1到1000之间，不是计数要求请留空。");
        }

        if (OwnerPersonId is { } person && People.All(p => p.Id != person))
        {
            ModelState.AddModelError(nameof(OwnerPersonId), "责任人须是本活动小组的成员。");
        }

        if (OwnerUnitId is { } unit && Units.All(u => u.Id != unit))
        {
            ModelState.AddModelError(nameof(OwnerUnitId), "责任单位须在活动范围内。");
        }

        if (Evidence?.Length > 2000)
        {
            ModelState.AddModelError(nameof(Evidence), "完成情况说明不能超过2000字。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (milestone is null)
        {
            milestone = new Milestone { CampaignId = Campaign.Id, Title = "" };
            db.Milestones.Add(milestone);
        }
        else
        {
            db.ExpectVersion(milestone, LoadedVersion);
        }

        (milestone.Title, milestone.PhaseId, milestone.Deadline, milestone.OwnerPersonId, milestone.OwnerUnitId, milestone.RequiredCount, milestone.Evidence) =
            (Title.Trim(), PhaseId, Deadline, OwnerPersonId, OwnerUnitId, RequiredCount, Evidence.NullIfBlank());
        if (!await db.SaveOrReportConflictAsync(ModelState, "该节点", ct))
        {
            return Page();
        }

        TempData.Success("节点任务已保存。");
        return RedirectToPage("/Campaigns/Details", new { id = Campaign.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var milestone = await LoadAsync(ct) ?? throw new NotFoundException();
        db.Milestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已删除节点“{milestone.Title}”。");
        return RedirectToPage("/Campaigns/Details", new { id = Campaign.Id });
    }

    private async Task<Milestone?> LoadAsync(CancellationToken ct)
    {
        Milestone? milestone = null;
        if (Id is { } id)
        {
            milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
            CampaignId = milestone.CampaignId;
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        Phases = await db.Phases.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).OrderBy(p => p.Order).ToListAsync(ct);
        if (Phases.Count == 0)
        {
            throw new NotFoundException("该活动还没有环节。");
        }

        People = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == Campaign.Id)
            .Select(m => new Option(m.PersonId, m.Person!.Name + "（" + m.Title + "）")).Distinct().ToListAsync(ct);
        var scopePath = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        Units = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(scopePath) && u.IsActive).OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => new Option(u.Id, u.Name)).Take(500).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={Campaign.Id}"), new Breadcrumb(milestone is null ? "新增节点" : "修改节点"));
        return milestone;
    }
}
