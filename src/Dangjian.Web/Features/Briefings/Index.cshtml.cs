using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Briefings;

/// <summary>
/// 简报 of a campaign: for the office and the supervision group every issue with its approval, sending and publishing
/// state; for everyone else the campaign column (published issues only).
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, BriefingAccess access) : PageModel
{
    public sealed record Row(Guid Id, int Number, string Title, DocumentStatus Status, DateOnly? SentOn, string? SentTo, DateTime? PublishedAt, DateTime CreatedAt);

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CampaignOption> Campaigns { get; private set; } = [];

    public Campaign? Campaign { get; private set; }

    public BriefingAccess.Rights Rights { get; private set; } = new(false, false);

    public Paged<Row> Issues { get; private set; } = null!;

    public int Sent { get; private set; }

    public int Published { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("简报"));
        var pick = await picker.PickAsync(CampaignId, ct);
        (Campaigns, Campaign, CampaignId) = (pick.Campaigns, pick.Campaign, pick.Campaign?.Id);
        if (Campaign is null)
        {
            return;
        }

        Rights = await access.RightsAsync(Campaign, ct);
        var all = db.Briefings.AsNoTracking().Where(b => b.CampaignId == CampaignId);
        (Sent, Published) = (await all.CountAsync(b => b.SentOn != null, ct), await all.CountAsync(b => b.PublishedAt != null, ct));
        Issues = await all.WhereIf(!Rights.ReadDrafts, b => b.PublishedAt != null).OrderByDescending(b => b.Number)
            .Select(b => new Row(b.Id, b.Number, b.Title, b.Document!.Status, b.SentOn, b.SentTo, b.PublishedAt, b.CreatedAt))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
