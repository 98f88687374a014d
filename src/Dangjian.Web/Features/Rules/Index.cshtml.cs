using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>制度库: the rules the caller's organizations keep, by status and category, searchable, paged.</summary>
[RequirePermission(Permissions.RulesView)]
public sealed class IndexModel(RuleAccess access) : PageModel
{
    public sealed record Row(Guid Id, string? Number, string Title, string Category, string Issuer, DateOnly IssuedOn, RuleStatus Status, string Registry, Guid? ReplacesId);

    /// <summary>A <see cref="RuleStatus"/> name; empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Rules { get; private set; } = null!;

    public Dictionary<RuleStatus, int> Counts { get; private set; } = [];

    public List<string> Categories { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("制度库"));
        var visible = await access.VisibleAsync(ct);
        Counts = (await visible.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        Categories = await visible.Select(r => r.Category).Distinct().OrderBy(c => c).Take(100).ToListAsync(ct);
        var status = Enum.TryParse<RuleStatus>(Status, out var s) && Enum.IsDefined(s) ? s : (RuleStatus?)null;
        var text = Q?.Trim() ?? "";
        Rules = await visible
            .WhereIf(status is not null, r => r.Status == status)
            .WhereIf(!string.IsNullOrWhiteSpace(Category), r => r.Category == Category)
            .WhereIf(text.Length > 0, r => r.Title.Contains(text) || (r.Number != null && r.Number.Contains(text)) || (r.Text != null && r.Text.Contains(text)))
            .OrderBy(r => r.Status).ThenBy(r => r.Category).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Number, r.Title, r.Category, r.Issuer, r.IssuedOn, r.Status, r.OrgUnit!.Name, r.ReplacesId))
            .ToPageAsync(PageNumber, 20, ct);
        CanCreate = (await access.RegistriesAsync(ct)).Count > 0;
    }
}
