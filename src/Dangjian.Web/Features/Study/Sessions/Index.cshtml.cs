using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Sessions;

/// <summary>学习会: the sessions of the campaigns that concern the caller, newest first, with attendance.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard) : PageModel
{
    public sealed record Row(Guid Id, string Title, SessionKind Kind, DateTime StartsAt, string? Place, string Campaign, int Expected, int Present);

    [BindProperty(SupportsGet = true)]
    public SessionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Sessions { get; private set; } = null!;

    public bool CanEdit => User.Can(Permissions.StudyEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习会"));
        var campaigns = db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Select(c => c.Id);
        var sessions = db.StudySessions.AsNoTracking().Where(s => campaigns.Contains(s.CampaignId));
        if (Kind is { } kind)
        {
            sessions = sessions.Where(s => s.Kind == kind);
        }

        Sessions = await sessions.OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.Kind, s.StartsAt, s.Place,
                db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Title).First(),
                db.SessionAttendees.Count(a => a.SessionId == s.Id),
                db.SessionAttendees.Count(a => a.SessionId == s.Id && a.Status == AttendanceStatus.Present)))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
