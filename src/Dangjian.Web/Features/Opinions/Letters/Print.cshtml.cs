using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Letters;

/// <summary>
/// 打印函件: one printable letter per recipient, each with the recipient's own reply QR code and link. The code is
/// printed after <c>#</c> (browsers never send it, so it stays out of proxy logs and history) and as text to type in.
/// Codes issued before keyed codes cannot be worked out again: those letters are listed, and 重新生成回复码 replaces them.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class PrintModel(AppDbContext db, Campaigns.CampaignAccess campaigns, LetterService letters) : PageModel
{
    public sealed record Sheet(string Name, string Code, string Url, string QrDataUri);

    public SolicitationLetter Letter { get; private set; } = null!;

    public List<Sheet> Pages { get; private set; } = [];

    /// <summary>Addressees not yet answered whose earlier code still works but cannot be printed again.</summary>
    public List<string> Unprintable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var recipients = await db.LetterRecipients.AsNoTracking().Where(r => r.LetterId == id && r.ReturnedAt == null).OrderBy(r => r.Name).ToListAsync(ct);
        var codes = await letters.CodesAsync(Letter, recipients, ct);
        foreach (var r in recipients)
        {
            if (codes.TryGetValue(r.Id, out var code))
            {
                var url = $"{Request.Scheme}://{Request.Host}/Public/Letter#t={code}";
                Pages.Add(new Sheet(r.Name, code, url, QrImages.DataUri(url, 4)));
            }
            else
            {
                Unprintable.Add(r.Name);
            }
        }

        Response.Headers.CacheControl = "no-store";
        ViewData.Trail(new Breadcrumb("征求意见函", "/Opinions/Letters"), new Breadcrumb(Letter.Title, $"/Opinions/Letters/Details?id={id}"), new Breadcrumb("打印"));
        return Page();
    }

    /// <summary>重新生成回复码: new codes for the addressees whose earlier code cannot be printed (their earlier letters stop working).</summary>
    public async Task<IActionResult> OnPostReissueAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var letter = await db.SolicitationLetters.SingleAsync(l => l.Id == id, ct);
        var count = await letters.ReissueAsync(letter, ct);
        TempData.Success(count == 0 ? "没有需要重新生成回复码的对象。" : $"已为{count}个对象重新生成回复码，请重新打印寄送；此前寄出的这些函件链接已失效。");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> FindAsync(Guid id, CancellationToken ct)
    {
        Letter = await db.SolicitationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException();
        return await campaigns.RunsAsync(await campaigns.FindAsync(Letter.CampaignId, Permissions.CampaignsView, ct), Permissions.CampaignsEdit, ct) ? null : Forbid();
    }
}
