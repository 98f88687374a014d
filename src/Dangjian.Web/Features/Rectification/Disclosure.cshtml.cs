using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>整改公示 for the office: which items are published, the public page's address and a QR code to print.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DisclosureModel(AppDbContext db, CampaignPicker picker) : CampaignPageModel
{
    public int Published { get; private set; }

    public int Total { get; private set; }

    public string PublicUrl { get; private set; } = "";

    public string Qr { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("整改公示"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } chosen)
        {
            return;
        }

        var id = chosen.Id;

        var items = db.RectificationItems.Where(i => i.CampaignId == id && i.ParentId == null);
        Total = await items.CountAsync(ct);
        Published = await items.CountAsync(i => i.IsPublic, ct);
        PublicUrl = $"{Request.Scheme}://{Request.Host}/Public/Rectification?c={id}";
        Qr = QrImages.DataUri(PublicUrl);
    }
}
