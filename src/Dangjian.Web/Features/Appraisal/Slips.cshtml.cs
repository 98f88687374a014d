using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// 打印投票码: one QR slip per extra voting right, to hand out at the meeting. Slips are not tied to anybody, and a used
/// slip is marked so it is not handed out twice.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class SlipsModel(AppDbContext db, AppraisalAccess access, AppraisalService service) : PageModel
{
    /// <summary>A slip: its code printed in words for typing, and a QR code carrying it after <c>#</c>, which no request sends.</summary>
    public sealed record Slip(string Label, string Code, string QrDataUri, bool Used);

    public Appraisal Appraisal { get; private set; } = null!;

    public List<Slip> Slips { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        (Appraisal, _, var canManage) = await access.FindAsync(id, ct);
        if (!canManage)
        {
            return Forbid();
        }

        var voters = await db.AppraisalVoters.AsNoTracking().Where(v => v.AppraisalId == id && v.PersonId == null).OrderBy(v => v.Id).ToListAsync(ct);
        foreach (var v in voters)
        {
            var code = await service.TokenForAsync(Appraisal, v.Id, ct);
            var url = $"{Request.Scheme}://{Request.Host}/Public/Ballot#t={code}";
            Slips.Add(new Slip(v.Label, code, QrImages.DataUri(url, 4), v.Used));
        }

        Response.Headers.CacheControl = "no-store";
        ViewData.Trail(new Breadcrumb("民主测评", "/Appraisal"), new Breadcrumb(Appraisal.Title, $"/Appraisal/Details?id={id}"), new Breadcrumb("投票码"));
        return Page();
    }
}
