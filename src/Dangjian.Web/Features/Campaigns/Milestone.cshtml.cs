using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>New milestone (<c>?campaignId=</c>) or edit (<c>?id=</c>): phase, deadline, owner, count rule, evidence.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class MilestoneModel(AppDbContext db, CampaignAccess access, MilestoneFollower follower, TimeProvider clock) : PageModel
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
    public MilestoneInput Input { get; set; } = new();

    public sealed class MilestoneInput
    {
        [Required(ErrorMessage = "请填写节点名称（不超过200字）。")]
        [StringLength(Milestone.TitleMax, ErrorMessage = "请填写节点名称（不超过200字）。")]
        [Display(Name = "节点名称")]
        public string Title { get; set; } = "";

        [Display(Name = "所属环节")]
        public Guid PhaseId { get; set; }

        [Display(Name = "截止日期")]
        public DateOnly Deadline { get; set; }

        /// <summary>The record that completes the milestone by itself (节点跟随记录); none for a milestone ticked by hand.</summary>
        [Display(Name = "完成依据")]
        public MilestoneRecord? Follows { get; set; }

        /// <summary>补录: a milestone of the campaign's past, entered late; its deadline may be before today.</summary>
        [Display(Name = "补录")]
        public bool Backfill { get; set; }

        [Display(Name = "责任人")]
        public Guid? OwnerPersonId { get; set; }

        [Display(Name = "责任单位")]
        public Guid? OwnerUnitId { get; set; }

        [Range(1, 1000, ErrorMessage = "要求次数须在1到1000之间，不是计数要求请留空。")]
        [Display(Name = "要求次数")]
        public int? RequiredCount { get; set; }

        [StringLength(Milestone.EvidenceMax, ErrorMessage = "完成情况说明不能超过2000字。")]
        [Display(Name = "完成情况说明")]
        public string? Evidence { get; set; }

        public Guid Version { get; set; }

        public static MilestoneInput From(Milestone m) => new()
        {
            Title = m.Title, PhaseId = m.PhaseId, Deadline = m.Deadline, OwnerPersonId = m.OwnerPersonId, OwnerUnitId = m.OwnerUnitId, RequiredCount = m.RequiredCount,
            Evidence = m.Evidence, Version = m.Version, Follows = m.Follows,
        };

        public void ApplyTo(Milestone m) =>
            (m.Title, m.PhaseId, m.Deadline, m.OwnerPersonId, m.OwnerUnitId, m.RequiredCount, m.Evidence, m.Follows) =
                (Title.Trim(), PhaseId, Deadline, OwnerPersonId, OwnerUnitId, RequiredCount, Evidence.NullIfBlank(), Follows);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var milestone = await LoadAsync(ct);
        if (milestone is not null)
        {
            Input = MilestoneInput.From(milestone);
        }
        else
        {
            var current = Phases.FirstOrDefault(p => p.Status == PhaseStatus.InProgress) ?? Phases.First();
            (Input.PhaseId, Input.Deadline) = (current.Id, current.EndsOn);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var milestone = await LoadAsync(ct);
        if (Phases.All(p => p.Id != Input.PhaseId))
        {
            ModelState.AddModelError(Field(nameof(MilestoneInput.PhaseId)), "请选择环节。");
        }

        var today = ChinaTime.Today(clock);
        if (CampaignRules.CheckDeadline(Input.Deadline, today, Campaign.StartsOn, Campaign.EndsOn, milestone?.Deadline, Input.Backfill) is { } problem)
        {
            ModelState.AddModelError(Field(nameof(MilestoneInput.Deadline)), problem);
        }

        if (Input.OwnerPersonId is { } person && People.All(p => p.Id != person))
        {
            ModelState.AddModelError(Field(nameof(MilestoneInput.OwnerPersonId)), "责任人须是本活动小组的成员。");
        }

        if (Input.OwnerUnitId is { } unit && Units.All(u => u.Id != unit))
        {
            ModelState.AddModelError(Field(nameof(MilestoneInput.OwnerUnitId)), "责任单位须在活动范围内。");
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
            db.ExpectVersion(milestone, Input.Version);
        }

        Input.ApplyTo(milestone);
        if (Input.Backfill && Input.Deadline < today)
        {
            db.Audit("backfill", nameof(Milestone), milestone.Id.ToString(), $"补录节点“{milestone.Title}”，截止日期{ChinaTime.DateText(Input.Deadline)}");
        }

        if (!await db.SaveOrReportConflictAsync(ModelState, "该节点", ct))
        {
            return Page();
        }

        await follower.SyncAsync(Campaign.Id, ct);

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

    private static string Field(string name) => nameof(Input) + "." + name;

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
