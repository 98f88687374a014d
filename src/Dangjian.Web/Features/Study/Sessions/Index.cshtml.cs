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
    public sealed record Row(Guid Id, string Title, SessionKind Kind, DateTime StartsAt, string? Place, double Hours, string Campaign, int Expected, int Present);

    [BindProperty(SupportsGet = true)]
    public SessionKind? Kind { get; set; }

    [FromQuery(Name = "page")]
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

        var page = await sessions.OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.Kind, s.StartsAt, s.Place, s.Hours,
                db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Title).First(), 0, 0))
            .ToPageAsync(PageNumber, 20, ct);

        // The page's attendance in one grouped query over its sessions (two correlated counts per session took 0.4 s at L).
        var ids = page.Items.Select(r => r.Id).ToList();
        var counts = await db.SessionAttendees.Where(a => ids.Contains(a.SessionId)).GroupBy(a => a.SessionId)
            .Select(g => new { g.Key, Expected = g.Count(), Present = g.Count(a => a.Status == AttendanceStatus.Present) })
            .ToDictionaryAsync(x => x.Key, ct);
        Sessions = page with
        {
            Items = page.Items.Select(r => counts.TryGetValue(r.Id, out var n) ? r with { Expected = n.Expected, Present = n.Present } : r).ToList(),
        };
    }
}
