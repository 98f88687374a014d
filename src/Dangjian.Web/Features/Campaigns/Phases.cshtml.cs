using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>阶段与节点: a month calendar of every dated thing in the caller's campaigns (phase windows and milestone deadlines).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class PhasesModel(AppDbContext db, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Entry(DateOnly Date, string Title, string Campaign, Guid CampaignId, string Kind, string Colour);

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Today { get; private set; }

    public List<Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("环节与节点"));
        Today = ChinaTime.Today(clock);
        First = DateOnly.TryParseExact(Month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m)
            ? m
            : new DateOnly(Today.Year, Today.Month, 1);
        var last = First.AddMonths(1).AddDays(-1);
        var scope = await guard.ScopeAsync(ct);
        var campaigns = db.Campaigns.AsNoTracking().InScopeOrAbove(scope, c => c.ScopeUnit!.Path).Select(c => c.Id);
        var milestones = await (from x in db.Milestones.AsNoTracking()
                                join c in db.Campaigns on x.CampaignId equals c.Id
                                where campaigns.Contains(c.Id) && x.Deadline >= First && x.Deadline <= last
                                select new { x.Deadline, x.Title, Campaign = c.Title, c.Id, x.Status }).ToListAsync(ct);
        var phases = await (from p in db.Phases.AsNoTracking()
                            join c in db.Campaigns on p.CampaignId equals c.Id
                            where campaigns.Contains(c.Id) && ((p.StartsOn >= First && p.StartsOn <= last) || (p.EndsOn >= First && p.EndsOn <= last))
                            select new { p.StartsOn, p.EndsOn, p.Name, Campaign = c.Title, c.Id }).ToListAsync(ct);
        Entries = milestones.Select(x => new Entry(x.Deadline, x.Title, x.Campaign, x.Id, "节点",
                x.Status == MilestoneStatus.Done ? "green" : x.Deadline < Today ? "red" : "blue"))
            .Concat(phases.Where(p => p.StartsOn >= First).Select(p => new Entry(p.StartsOn, $"{p.Name} 开始", p.Campaign, p.Id, "环节", "purple")))
            .Concat(phases.Where(p => p.EndsOn <= last).Select(p => new Entry(p.EndsOn, $"{p.Name} 结束", p.Campaign, p.Id, "环节", "purple")))
            .OrderBy(e => e.Date).ThenBy(e => e.Kind).ToList();
    }
}
