using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Sessions;

/// <summary>The sign-in QR code to show on the meeting-room screen; the code expires and the page renews it.</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class QrModel(AppDbContext db, StudyAccess access, StudyService study) : PageModel
{
    public StudySession Session { get; private set; } = null!;

    public string SignInUrl { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    /// <summary>When members' scans are accepted (UTC), and why not now if they are not.</summary>
    public (DateTime Opens, DateTime Closes) Window { get; private set; }

    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Session = await db.StudySessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        await access.EditAsync(Session.CampaignId, ct);
        SignInUrl = $"{Request.Scheme}://{Request.Host}/Study/SignIn?c={Uri.EscapeDataString(study.IssueCode(Session))}";
        QrDataUri = QrImages.DataUri(SignInUrl, 10);
        (Window, Closed) = (study.SignInWindow(Session), study.OutsideWindow(Session));
        ViewData.Trail(new Breadcrumb("学习会", "/Study/Sessions"), new Breadcrumb(Session.Title, $"/Study/Sessions/Details?id={id}"), new Breadcrumb("签到二维码"));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
