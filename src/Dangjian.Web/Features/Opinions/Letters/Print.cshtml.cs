using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Letters;

/// <summary>打印函件: one printable letter per recipient, each with the recipient's own reply QR code and link.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class PrintModel(AppDbContext db, Campaigns.CampaignAccess campaigns) : PageModel
{
    public sealed record Sheet(string Name, string Url, string QrDataUri);

    public SolicitationLetter Letter { get; private set; } = null!;

    public List<Sheet> Pages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Letter = await db.SolicitationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException();
        if (!await campaigns.RunsAsync(await campaigns.FindAsync(Letter.CampaignId, Permissions.CampaignsView, ct), Permissions.CampaignsEdit, ct))
        {
            return Forbid();
        }

        var recipients = await db.LetterRecipients.AsNoTracking().Where(r => r.LetterId == id && r.ReturnedAt == null).OrderBy(r => r.Name).ToListAsync(ct);
        foreach (var r in recipients)
        {
            var url = $"{Request.Scheme}://{Request.Host}/Public/Letter?t={Letter.TokenFor(r.Id)}";
            Pages.Add(new Sheet(r.Name, url, QrImages.DataUri(url, 4)));
        }

        Response.Headers.CacheControl = "no-store";
        ViewData.Trail(new Breadcrumb("征求意见函", "/Opinions/Letters"), new Breadcrumb(Letter.Title, $"/Opinions/Letters/Details?id={id}"), new Breadcrumb("打印"));
        return Page();
    }
}
