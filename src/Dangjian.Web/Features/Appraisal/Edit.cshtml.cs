using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// 发起测评: targets (one per line), window, the units whose people vote online, extra one-time slips and paper forms.
/// Saving opens it: voting rights and empty anonymous ballots are created at once and nothing about it changes later.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, ScopeGuard guard, AppraisalAccess access, AppraisalService service, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public AppraisalInput Input { get; set; } = new();

    public List<Option> Campaigns { get; private set; } = [];

    public List<OrgTree.Node> Units { get; private set; } = [];

    public sealed class AppraisalInput
    {
        [Required(ErrorMessage = "请填写测评名称（不超过200字）。")]
        [StringLength(Appraisal.TitleMax, ErrorMessage = "请填写测评名称（不超过200字）。")]
        [Display(Name = "测评名称")]
        public string Title { get; set; } = "";

        [StringLength(Appraisal.InstructionsMax, ErrorMessage = "说明不超过2000字。")]
        [Display(Name = "填表说明")]
        public string? Instructions { get; set; }

        /// <summary>One target a line; each line at most <see cref="AppraisalTarget.NameMax"/> characters (checked in OnPost).</summary>
        [Display(Name = "测评对象")]
        public string? Targets { get; set; }

        [Display(Name = "开始日期")]
        public DateOnly OpensOn { get; set; }

        [Display(Name = "开始时间")]
        public TimeOnly OpensTime { get; set; } = new(9, 0);

        [Display(Name = "截止日期")]
        public DateOnly ClosesOn { get; set; }

        [Display(Name = "截止时间")]
        public TimeOnly ClosesTime { get; set; } = new(17, 0);

        [Display(Name = "在线参评单位")]
        public List<Guid> UnitIds { get; set; } = [];

        [Range(0, 5000, ErrorMessage = "投票码数量须在0到5000之间。")]
        [Display(Name = "现场投票码")]
        public int ExtraSlips { get; set; }

        [Range(0, 100000, ErrorMessage = "纸质票数量须在0到100000之间。")]
        [Display(Name = "纸质票")]
        public int PaperIssued { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        (Input.OpensOn, Input.ClosesOn) = (today, today.AddDays(3));
        Input.Title = "领导班子和领导干部民主测评";
        await LoadAsync(ct);
        Input.Targets = "局领导班子\n" + string.Join('\n', await LeadersAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CampaignId is null || Campaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var targets = (Input.Targets ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (targets.Count is 0 or > 50 || targets.Any(t => t.Length > AppraisalTarget.NameMax))
        {
            ModelState.AddModelError(Field(nameof(AppraisalInput.Targets)), "请填写测评对象，每行一个（1到50个，每个不超过100字）。");
        }

        var opens = TimeZoneInfo.ConvertTimeToUtc(Input.OpensOn.ToDateTime(Input.OpensTime), ChinaTime.Zone);
        var closes = TimeZoneInfo.ConvertTimeToUtc(Input.ClosesOn.ToDateTime(Input.ClosesTime), ChinaTime.Zone);
        if (closes <= opens || closes <= clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError(Field(nameof(AppraisalInput.ClosesOn)), "截止时间须晚于开始时间，且在现在之后。");
        }

        var chosen = Units.Where(u => Input.UnitIds.Contains(u.Id)).ToList();
        if (chosen.Count == 0 && Input.ExtraSlips == 0 && Input.PaperIssued == 0)
        {
            ModelState.AddModelError(Field(nameof(AppraisalInput.UnitIds)), "请选择参评单位，或设置投票码、纸质票数量。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var appraisal = new Appraisal
        {
            CampaignId = CampaignId.Value,
            Title = Input.Title.Trim(),
            Instructions = Input.Instructions.NullIfBlank(),
            OpensAt = opens,
            ClosesAt = closes,
            ExtraSlips = Input.ExtraSlips,
            PaperIssued = Input.PaperIssued,
            TokenSecret = AppraisalService.NewSecret(),
        };
        db.Appraisals.Add(appraisal);
        db.AppraisalTargets.AddRange(targets.Select((t, i) => new AppraisalTarget { AppraisalId = appraisal.Id, Order = i + 1, Name = t }));
        await db.SaveChangesAsync(ct);
        var electorate = chosen.Count == 0 ? [] : await db.People.AsNoTracking().InScope(new DataScope(chosen.Select(u => u.Path).ToList()), p => p.OrgUnit!.Path)
            .Where(p => !p.IsRetired).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (await service.OpenAsync(appraisal, electorate.Select(e => (e.Id, e.Name)).ToList(), ct) is { } problem)
        {
            ModelState.AddModelError("", problem);
            return Page();
        }

        TempData.Success($"测评已发起：{electorate.Count}人在线投票（已发消息），另有投票码{Input.ExtraSlips}张、纸质票{Input.PaperIssued}张。");
        return RedirectToPage("/Appraisal/Details", new { id = appraisal.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task<List<string>> LeadersAsync(CancellationToken ct)
    {
        if (CampaignId is not { } id)
        {
            return [];
        }

        return await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == id && m.Group == CampaignGroup.LeadingGroup)
            .OrderBy(m => m.CreatedAt).Select(m => m.Person!.Name).ToListAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("民主测评", "/Appraisal"), new Breadcrumb("发起测评"));
        var scope = await guard.ScopeAsync(ct);
        Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).Where(c => c.Status != CampaignStatus.Ended)
            .OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
        if (CampaignId is not { } id || Campaigns.All(c => c.Id != id))
        {
            CampaignId = Campaigns.FirstOrDefault()?.Id;
        }

        if (CampaignId is { } campaignId)
        {
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
            if (!await access.CanManageAsync(campaign, ct))
            {
                throw new ForbiddenException();
            }

            var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
            Units = await OrgTree.ListAsync(db, new DataScope([path]), withCounts: true, ct: ct);
        }
    }
}
