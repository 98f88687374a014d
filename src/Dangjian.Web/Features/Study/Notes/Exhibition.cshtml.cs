using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Notes;

/// <summary>展评: exhibited notes and reflections of the campaigns that concern the caller.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class ExhibitionModel(AppDbContext db, ScopeGuard guard) : PageModel
{
    public sealed record Item(Guid Id, string Title, NoteKind Kind, string Author, string Unit, string Excerpt, NoteMark? Mark);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Item> Items { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习笔记与心得", "/Study/Notes"), new Breadcrumb("展评"));
        var campaigns = db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Select(c => c.Id);
        Items = await db.StudyNotes.AsNoTracking().Where(n => n.ExhibitedAt != null && campaigns.Contains(n.CampaignId))
            .OrderByDescending(n => n.ExhibitedAt).ThenBy(n => n.Id)
            .Select(n => new Item(n.Id, n.Title, n.Kind, n.Person!.Name, n.Person.OrgUnit!.Name, n.Body.Length > 120 ? n.Body.Substring(0, 120) : n.Body, n.Mark))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
