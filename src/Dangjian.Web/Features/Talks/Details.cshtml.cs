using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// One talk with what was said. Read only by those who run the campaign, its supervision group and the two people
/// (404 to anyone else), and every reading is audited as a sensitive view.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, TalkService talks) : PageModel
{
    public Talk Talk { get; private set; } = null!;

    public string Initiator { get; private set; } = "";

    public string Partner { get; private set; } = "";

    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        db.Audit(AuditActions.ViewSensitive, nameof(Talk), id.ToString(), $"{Initiator}与{Partner}的谈话", null, new { 内容 = "谈心谈话记录" });
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanDelete)
        {
            return Forbid();
        }

        var talk = await db.Talks.SingleAsync(t => t.Id == id, ct);
        db.Talks.Remove(talk);
        await db.SaveChangesAsync(ct);
        TempData.Success("谈话记录已删除。");
        return RedirectToPage("/Talks/Index", new { campaignId = talk.CampaignId });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Talks.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { Talk = t, Initiator = t.Initiator!.Name, Partner = t.Partner!.Name, t.GuestName, t.GuestAffiliation }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Talk, Initiator, Partner) = (found.Talk, found.Initiator, Talk.PartnerLabel(found.Partner, found.GuestName, found.GuestAffiliation));
        var campaign = await access.FindAsync(Talk.CampaignId, Permissions.CampaignsView, ct);
        var rights = await talks.RightsAsync(campaign, ct);
        if (!TalkService.MayRead(rights, Talk))
        {
            throw new NotFoundException();
        }

        CanDelete = rights.MayRecord(Talk.Kind);
        ViewData.Trail(new Breadcrumb("谈心谈话", $"/Talks?campaignId={Talk.CampaignId}"), new Breadcrumb($"{Initiator} → {Partner}"));
    }
}
