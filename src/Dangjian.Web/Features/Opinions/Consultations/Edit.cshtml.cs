using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Consultations;

/// <summary>新建或修改征求意见稿: title, the text as the public will read it, and the days it takes comments (inside the campaign).</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public sealed class ConsultationInput
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "请填写标题（不超过200字）。")]
        [StringLength(Consultation.TitleMax, ErrorMessage = "请填写标题（不超过200字）。")]
        [Display(Name = "标题")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写正文（不超过5万字）。")]
        [StringLength(Consultation.BodyMax, ErrorMessage = "请填写正文（不超过5万字）。")]
        [Display(Name = "正文")]
        public string? Body { get; set; }

        [Display(Name = "开始日期")]
        public DateOnly OpensOn { get; set; }

        [Display(Name = "截止日期")]
        public DateOnly ClosesOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var document = await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        Input.OpensOn = today < Campaign.StartsOn ? Campaign.StartsOn : today;
        Input.ClosesOn = Input.OpensOn.AddDays(14) is var close && close > Campaign.EndsOn ? Campaign.EndsOn : close;
        if (document is not null)
        {
            Input = new ConsultationInput { Version = document.Version, Title = document.Title, Body = document.Body, OpensOn = document.OpensOn, ClosesOn = document.ClosesOn };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var document = await LoadAsync(ct);
        if (Input.OpensOn < Campaign.StartsOn || Input.ClosesOn > Campaign.EndsOn)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(ConsultationInput.OpensOn), $"征求意见的日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 至 {Campaign.EndsOn:yyyy-MM-dd}）。");
        }

        if (Input.ClosesOn < Input.OpensOn)
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(ConsultationInput.ClosesOn), "截止日期不能早于开始日期。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (document is null)
        {
            document = new Consultation { CampaignId = CampaignId, Title = "", Body = "" };
            db.Consultations.Add(document);
        }
        else
        {
            db.ExpectVersion(document, Input.Version);
        }

        (document.Title, document.Body, document.OpensOn, document.ClosesOn) = (Input.Title!.Trim(), Input.Body!.Trim(), Input.OpensOn, Input.ClosesOn);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该征求意见稿", ct))
        {
            return Page();
        }

        TempData.Success(document.PublishedAt is null ? "已保存。核对无误后点“公开”，群众即可在网上查看并提意见。" : "已保存，网上公开的内容已同时更新。");
        return RedirectToPage("/Opinions/Consultations/Index", new { campaignId = CampaignId });
    }

    private async Task<Consultation?> LoadAsync(CancellationToken ct)
    {
        Consultation? document = null;
        if (Id is { } id)
        {
            document = await db.Consultations.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
            CampaignId = document.CampaignId;
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        if (!await access.RunsAsync(Campaign, Permissions.CampaignsEdit, ct))
        {
            throw new ForbiddenException();
        }

        ViewData.Trail(new Breadcrumb("网上征求意见", $"/Opinions/Consultations?campaignId={CampaignId}"), new Breadcrumb(document is null ? "新建征求意见稿" : "修改征求意见稿"));
        return document;
    }
}
