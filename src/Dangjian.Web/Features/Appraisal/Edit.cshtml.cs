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
    public string Title { get; set; } = "";

    [BindProperty]
    public string? Instructions { get; set; }

    [BindProperty]
    public string? Targets { get; set; }

    [BindProperty]
    public DateOnly OpensOn { get; set; }

    [BindProperty]
    public TimeOnly OpensTime { get; set; } = new(9, 0);

    [BindProperty]
    public DateOnly ClosesOn { get; set; }

    [BindProperty]
    public TimeOnly ClosesTime { get; set; } = new(17, 0);

    [BindProperty]
    public List<Guid> UnitIds { get; set; } = [];

    [BindProperty]
    public int ExtraSlips { get; set; }

    [BindProperty]
    public int PaperIssued { get; set; }

    public List<Option> Campaigns { get; private set; } = [];

    public List<OrgTree.Node> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        (OpensOn, ClosesOn) = (today, today.AddDays(3));
        Title = "领导班子和领导干部民主测评";
        await LoadAsync(ct);
        Targets = "局领导班子\n" + string.Join('\n', await LeadersAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CampaignId is null || Campaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var targets = (Targets ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写测评名称（不超过200字）。");
        }

        if (targets.Count is 0 or > 50 || targets.Any(t => t.Length > 100))
        {
            ModelState.AddModelError(nameof(Targets), "请填写测评对象，每行一个（1到50个，每个不超过100字）。");
        }

        var opens = TimeZoneInfo.ConvertTimeToUtc(OpensOn.ToDateTime(OpensTime), ChinaTime.Zone);
        var closes = TimeZoneInfo.ConvertTimeToUtc(ClosesOn.ToDateTime(ClosesTime), ChinaTime.Zone);
        if (closes <= opens || closes <= clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError(nameof(ClosesOn), "截止时间须晚于开始时间，且在现在之后。");
        }

        if (ExtraSlips is < 0 or > 5000 || PaperIssued is < 0 or > 100000)
        {
            ModelState.AddModelError(nameof(ExtraSlips), "投票码数量须在0到5000之间，纸质票数量须在0到100000之间。");
        }

        if ((Instructions?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError(nameof(Instructions), "说明不超过2000字。");
        }

        var chosen = Units.Where(u => UnitIds.Contains(u.Id)).ToList();
        if (chosen.Count == 0 && ExtraSlips == 0 && PaperIssued == 0)
        {
            ModelState.AddModelError(nameof(UnitIds), "请选择参评单位，或设置投票码、纸质票数量。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var appraisal = new Appraisal
        {
            CampaignId = CampaignId.Value,
            Title = Title.Trim(),
            Instructions = Instructions.NullIfBlank(),
            OpensAt = opens,
            ClosesAt = closes,
            ExtraSlips = ExtraSlips,
            PaperIssued = PaperIssued,
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

        TempData.Success($"测评已发起：{electorate.Count}人在线投票（已发消息），另有投票码{ExtraSlips}张、纸质票{PaperIssued}张。");
        return RedirectToPage("/Appraisal/Details", new { id = appraisal.Id });
    }

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
