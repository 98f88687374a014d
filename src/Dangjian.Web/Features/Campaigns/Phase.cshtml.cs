using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Adjusts a phase's name and planned window, within the campaign period and without overlaps (unless allowed); and
/// shifts all its open milestone deadlines by a number of days at once (optionally with the phase's own dates), after a
/// preview of what moves, refusing a shift that puts a deadline outside the campaign or in the past.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class PhaseModel(AppDbContext db, CampaignAccess access, TimeProvider clock) : PageModel
{
    /// <summary>What a shift would do, shown before it is confirmed.</summary>
    public sealed record ShiftPreview(int Days, bool MovePhase, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<CampaignRules.Move> Moves, int DoneKept);

    public Phase Phase { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    [BindProperty]
    public PhaseInput Input { get; set; } = new();

    public sealed class PhaseInput
    {
        [Required(ErrorMessage = "请填写环节名称（不超过100字）。")]
        [StringLength(Phase.NameMax, ErrorMessage = "请填写环节名称（不超过100字）。")]
        [Display(Name = "环节名称")]
        public string Name { get; set; } = "";

        [Display(Name = "开始日期")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "结束日期")]
        public DateOnly EndsOn { get; set; }

        public Guid Version { get; set; }

        public static PhaseInput From(Phase p) => new() { Name = p.Name, StartsOn = p.StartsOn, EndsOn = p.EndsOn, Version = p.Version };
    }

    /// <summary>The shift form's days (kept when a refusal re-shows the page).</summary>
    public int ShiftDays { get; private set; } = 7;

    public bool ShiftMovesPhase { get; private set; } = true;

    public ShiftPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = PhaseInput.From(Phase);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var siblings = await db.Phases.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).Select(p => new CampaignRules.Window(p.Id, p.StartsOn, p.EndsOn)).ToListAsync(ct);
        if (CampaignRules.CheckPhaseWindow(Campaign.StartsOn, Campaign.EndsOn, Campaign.PhasesOverlap, new CampaignRules.Window(Phase.Id, Input.StartsOn, Input.EndsOn), siblings) is { } problem)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(PhaseInput.StartsOn), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ExpectVersion(Phase, Input.Version);
        (Phase.Name, Phase.StartsOn, Phase.EndsOn) = (Input.Name.Trim(), Input.StartsOn, Input.EndsOn);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该环节", ct))
        {
            return Page();
        }

        TempData.Success("环节时间已保存。");
        return RedirectToPage("/Campaigns/Details", new { id = Campaign.Id });
    }

    /// <summary>
    /// 整体移动: without <paramref name="confirm"/> shows what would move; with it, moves the open deadlines (and, with
    /// <paramref name="movePhase"/>, the phase's dates) and writes one audit entry for the whole shift. The shift form is
    /// not the edit form: its fields, <paramref name="loadedVersion"/> included, are this handler's parameters.
    /// </summary>
    public async Task<IActionResult> OnPostShiftAsync(Guid id, int days, bool movePhase, bool confirm, Guid loadedVersion, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ModelState.Clear(); // the edit form's fields are not part of a shift
        var posted = loadedVersion;
        Input = PhaseInput.From(Phase);
        (ShiftDays, ShiftMovesPhase) = (days, movePhase);
        var milestones = await db.Milestones.Where(m => m.PhaseId == Phase.Id).OrderBy(m => m.Deadline).ThenBy(m => m.Id).ToListAsync(ct);
        var open = milestones.Where(m => m.Status == MilestoneStatus.Open).ToList();
        var moves = open.Select(m => new CampaignRules.Move(m.Id, m.Title, m.Deadline, m.Deadline.AddDays(days))).ToList();
        var (from, to) = movePhase ? (Phase.StartsOn.AddDays(days), Phase.EndsOn.AddDays(days)) : (Phase.StartsOn, Phase.EndsOn);
        var refusal = CampaignRules.CheckShift(days, ChinaTime.Today(clock), Campaign.StartsOn, Campaign.EndsOn, moves);
        if (refusal is null && movePhase)
        {
            var siblings = await db.Phases.AsNoTracking().Where(p => p.CampaignId == Campaign.Id).Select(p => new CampaignRules.Window(p.Id, p.StartsOn, p.EndsOn)).ToListAsync(ct);
            refusal = CampaignRules.CheckPhaseWindow(Campaign.StartsOn, Campaign.EndsOn, Campaign.PhasesOverlap, new CampaignRules.Window(Phase.Id, from, to), siblings) is { } problem
                ? $"环节将移到{from:yyyy-MM-dd}至{to:yyyy-MM-dd}：{problem}可以只移动节点截止日期，不动环节起止日期。"
                : null;
        }

        if (refusal is null && moves.Count == 0 && !movePhase)
        {
            refusal = "本环节没有未完成的节点，没有要移动的截止日期。";
        }

        if (refusal is not null)
        {
            ModelState.AddModelError("days", refusal);
            return Page();
        }

        Preview = new ShiftPreview(days, movePhase, from, to, moves, milestones.Count - open.Count);
        if (!confirm)
        {
            return Page();
        }

        db.ExpectVersion(Phase, posted);
        foreach (var m in open)
        {
            m.Deadline = m.Deadline.AddDays(days);
        }

        var before = new { 环节开始 = Phase.StartsOn, 环节结束 = Phase.EndsOn };
        (Phase.StartsOn, Phase.EndsOn) = (from, to);
        db.Entry(Phase).Property(p => p.Name).IsModified = true;
        var what = $"{(days > 0 ? "推迟" : "提前")}{Math.Abs(days)}天";
        db.Audit(AuditActions.Update, nameof(Phase), Phase.Id.ToString(), $"“{Phase.Name}”环节节点截止日期整体{what}", before,
            new { 环节开始 = from, 环节结束 = to, 天数 = days, 移动节点 = moves.Count, 环节日期一并移动 = movePhase });
        if (!await db.SaveOrReportConflictAsync(ModelState, "该环节", ct))
        {
            Preview = null;
            return Page();
        }

        TempData.Success(movePhase
            ? $"“{Phase.Name}”环节及其{moves.Count}个未完成节点已整体{what}。"
            : $"“{Phase.Name}”环节的{moves.Count}个未完成节点截止日期已整体{what}。");
        return RedirectToPage("/Campaigns/Details", new { id = Campaign.Id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Phase = await db.Phases.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        Campaign = await access.FindAsync(Phase.CampaignId, Permissions.CampaignsEdit, ct);
        ViewData.Trail(new Breadcrumb("活动列表", "/Campaigns"), new Breadcrumb(Campaign.Title, $"/Campaigns/Details?id={Campaign.Id}"), new Breadcrumb(Phase.Name));
    }
}
