using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Briefings;

/// <summary>
/// 编发新一期: the next number (no gaps, never reused — two offices at once: the second is told), a title and the text,
/// saved as the draft of a 简报 document in the campaign approvals.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class NewModel(AppDbContext db, CampaignAccess access, BriefingAccess briefings, CampaignService campaigns, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty]
    public IssueInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public List<int> Used { get; private set; } = [];

    public sealed class IssueInput
    {
        [Display(Name = "期号")]
        public int Number { get; set; }

        [Required(ErrorMessage = "请填写本期标题（不超过100字）。")]
        [StringLength(Briefing.TitleMax, ErrorMessage = "请填写本期标题（不超过100字）。")]
        [Display(Name = "标题")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写正文（不超过5万字）。")]
        [StringLength(Briefing.BodyMax, ErrorMessage = "请填写正文（不超过5万字）。")]
        [Display(Name = "正文")]
        public string? Body { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Number = BriefingRules.Next(Used);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (BriefingRules.CheckNumber(Input.Number, Used) is { } numbering)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(IssueInput.Number), numbering);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var document = new ApprovalDocument { CampaignId = CampaignId, Kind = DocumentKind.Briefing, Title = $"简报第{Input.Number}期：{Input.Title!.Trim()}" };
        var briefing = new Briefing { CampaignId = CampaignId, Number = Input.Number, Title = Input.Title.Trim(), DocumentId = document.Id };
        db.ApprovalDocuments.Add(document);
        db.Briefings.Add(briefing);
        if (!await db.SaveUnlessTakenAsync(ct))
        {
            await LoadAsync(ct);
            ModelState.AddModelError(nameof(Input) + "." + nameof(IssueInput.Number), $"第{Input.Number}期刚刚已由他人编发。下一期应为第{BriefingRules.Next(Used)}期，您写的内容还在，请改期号后再保存。");
            return Page();
        }

        var actor = await access.ActorAsync(CampaignId, ct);
        await campaigns.SaveDraftAsync(document, Input.Body!, actor, me.DisplayName, ct);
        TempData.Success($"第{Input.Number}期已保存为草稿。修改完成后提交督导组审核。");
        return RedirectToPage("/Briefings/Details", new { id = briefing.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        if (!(await briefings.RightsAsync(Campaign, ct)).Manage)
        {
            throw new ForbiddenException();
        }

        Used = await db.Briefings.Where(b => b.CampaignId == CampaignId).Select(b => b.Number).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("简报", $"/Briefings?campaignId={CampaignId}"), new Breadcrumb("编发新一期"));
    }
}
