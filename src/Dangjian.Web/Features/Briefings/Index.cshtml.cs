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
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, BriefingAccess access) : CampaignPageModel
{
    public sealed record Row(Guid Id, int Number, string Title, DocumentStatus Status, DateOnly? SentOn, string? SentTo, DateTime? PublishedAt, DateTime CreatedAt);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public BriefingAccess.Rights Rights { get; private set; } = new(false, false);

    public Paged<Row> Issues { get; private set; } = null!;

    public int Sent { get; private set; }

    public int Published { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("简报"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        Rights = await access.RightsAsync(campaign, ct);
        var all = db.Briefings.AsNoTracking().Where(b => b.CampaignId == CampaignId);
        (Sent, Published) = (await all.CountAsync(b => b.SentOn != null, ct), await all.CountAsync(b => b.PublishedAt != null, ct));
        Issues = await all.WhereIf(!Rights.ReadDrafts, b => b.PublishedAt != null).OrderByDescending(b => b.Number)
            .Select(b => new Row(b.Id, b.Number, b.Title, b.Document!.Status, b.SentOn, b.SentTo, b.PublishedAt, b.CreatedAt))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
