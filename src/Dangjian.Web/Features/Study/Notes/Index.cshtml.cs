using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Notes;

/// <summary>学习笔记与心得: members see their own; the office sees everyone's in its scope, with counts per unit.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, CampaignAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Title, NoteKind Kind, string Author, string Unit, DateTime CreatedAt, NoteMark? Mark, bool Checked, bool Exhibited);

    public sealed record UnitCount(string Unit, int Notes, int Reflections, int StudySummaries, int Checked, int Exhibited);

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true)]
    public NoteKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unchecked { get; set; }

    /// <summary>Counts grouped by person instead of by unit.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ByPerson { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Notes { get; private set; } = null!;

    public List<UnitCount> Counts { get; private set; } = [];

    public bool CanCheck => User.Can(Permissions.StudyEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习笔记与心得"));
        var notes = db.StudyNotes.AsNoTracking();
        if (All && CanCheck)
        {
            notes = notes.InScope(await guard.ScopeAsync(ct), n => n.Person!.OrgUnit!.Path);
            // Grouped by id (two units or people may share a name), labelled afterwards.
            var byPerson = ByPerson;
            var rows = await notes
                .Select(n => new
                {
                    Key = byPerson ? n.PersonId : n.Person!.OrgUnitId,
                    Label = byPerson ? n.Person!.Name + "（" + n.Person.OrgUnit!.Name + "）" : n.Person!.OrgUnit!.Name,
                    Sort = n.Person!.OrgUnit!.Path,
                    Note = n.Kind == NoteKind.Note ? 1 : 0,
                    Reflection = n.Kind == NoteKind.Reflection ? 1 : 0,
                    StudySummary = n.Kind == NoteKind.StudySummary ? 1 : 0,
                    Checked = n.CheckedAt != null ? 1 : 0,
                    Exhibited = n.ExhibitedAt != null ? 1 : 0,
                })
                .GroupBy(x => new { x.Key, x.Label, x.Sort })
                .Select(g => new { g.Key.Label, g.Key.Sort, Notes = g.Sum(x => x.Note), Reflections = g.Sum(x => x.Reflection), StudySummaries = g.Sum(x => x.StudySummary), Checked = g.Sum(x => x.Checked), Exhibited = g.Sum(x => x.Exhibited) })
                .ToListAsync(ct);
            Counts = rows.OrderBy(r => r.Sort, StringComparer.Ordinal).ThenBy(r => r.Label, StringComparer.Ordinal).Take(500)
                .Select(r => new UnitCount(r.Label, r.Notes, r.Reflections, r.StudySummaries, r.Checked, r.Exhibited)).ToList();
        }
        else
        {
            var person = await access.PersonIdAsync(ct);
            notes = notes.Where(n => n.PersonId == person);
        }

        if (Kind is { } kind)
        {
            notes = notes.Where(n => n.Kind == kind);
        }

        if (Unchecked)
        {
            notes = notes.Where(n => n.CheckedAt == null);
        }

        Notes = await notes.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new Row(n.Id, n.Title, n.Kind, n.Person!.Name, n.Person.OrgUnit!.Name, n.CreatedAt, n.Mark, n.CheckedAt != null, n.ExhibitedAt != null))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
