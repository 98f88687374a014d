using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems.SelfInspections;

/// <summary>
/// 撰写对照检查材料, section by section. Saving makes (or updates) the draft version; submitting needs every section and
/// sends it to the supervision group. Nothing can be changed while it is under review or once it has passed.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class EditModel(AppDbContext db, CampaignAccess access, SelfInspectionService service, CampaignService campaigns, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public SelfInspectionInput Input { get; set; } = new();

    /// <summary>The material's sections by <see cref="SelfInspectionSections"/> key; each is checked against its title.</summary>
    public sealed class SelfInspectionInput
    {
        [Display(Name = "对照检查材料")]
        public Dictionary<string, string?> Sections { get; set; } = [];
    }

    public Campaign Campaign { get; private set; } = null!;

    public string OwnerName { get; private set; } = "领导班子";

    public SelfInspectionReview? LastReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var existing = await LoadAsync(ct);
        if (existing is not null)
        {
            Input.Sections = SelfInspectionSections.All.ToDictionary(s => s.Key, s => s.Get(existing));
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var section in SelfInspectionSections.All)
        {
            var text = Input.Sections.GetValueOrDefault(section.Key)?.Trim();
            if ((text?.Length ?? 0) > SelfInspection.SectionMax)
            {
                ModelState.AddModelError($"Input.Sections[{section.Key}]", $"“{section.Title}”不超过2万字。");
            }
            else if (submit && string.IsNullOrEmpty(text))
            {
                ModelState.AddModelError($"Input.Sections[{section.Key}]", $"请填写“{section.Title}”后再提交。");
            }
        }

        if (SelfInspectionSections.All.All(s => string.IsNullOrWhiteSpace(Input.Sections.GetValueOrDefault(s.Key))))
        {
            ModelState.AddModelError("", "请至少填写一部分内容。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var inspection = await service.FindOrStartAsync(Campaign, PersonId, PersonId is null ? null : OwnerName, ct);
        foreach (var section in SelfInspectionSections.All)
        {
            section.Set(inspection, Input.Sections.GetValueOrDefault(section.Key).NullIfBlank());
        }

        var document = await db.ApprovalDocuments.SingleAsync(d => d.Id == inspection.DocumentId, ct);
        var writer = new ApprovalRules.Actor(me.Id!.Value, true, false);
        if (await campaigns.SaveDraftAsync(document, SelfInspectionSections.Compose(inspection), writer, me.DisplayName, ct) is { } refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", refusal);
            return Page();
        }

        if (submit && await campaigns.SubmitAsync(document, writer, ct) is { } submitRefusal)
        {
            ModelState.AddModelError("", submitRefusal);
            return Page();
        }

        TempData.Success(submit ? "已提交督导组审核。" : "草稿已保存，形成新的版本。");
        return RedirectToPage("/Problems/SelfInspections/Details", new { id = inspection.Id });
    }

    private async Task<SelfInspection?> LoadAsync(CancellationToken ct)
    {
        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsView, ct);
        var rights = await service.RightsAsync(Campaign, ct);
        if (PersonId is { } person)
        {
            var leaders = await service.LeadersAsync(Campaign, ct);
            OwnerName = leaders.FirstOrDefault(l => l.Id == person).Name ?? throw new NotFoundException();
        }

        if (!rights.MayWrite(PersonId))
        {
            throw new ForbiddenException(PersonId is null ? "领导班子的对照检查材料由主要负责同志主持起草，或由活动办公室整理。" : "对照检查材料须由本人撰写。");
        }

        var existing = await db.SelfInspections.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == CampaignId && s.PersonId == PersonId, ct);
        if (existing is not null)
        {
            LastReview = await db.SelfInspectionReviews.AsNoTracking().Where(r => r.SelfInspectionId == existing.Id).OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        }

        foreach (var section in SelfInspectionSections.All)
        {
            // Every section has its field in the form, posted or not.
            Input.Sections.TryAdd(section.Key, null);
        }

        ViewData.Trail(new Breadcrumb("对照检查材料", $"/Problems/SelfInspections?campaignId={CampaignId}"), new Breadcrumb(OwnerName));
        return existing;
    }
}
