using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>
/// The page of a record that has visits (a research topic, an outreach activity): its visits page by page, and — for
/// those who run the campaign — 登记走访, deleting a visit, and deleting the record with its visits.
/// </summary>
public abstract class VisitsPageModel(AppDbContext db, CampaignAccess access, ResearchFigures figures, TimeProvider clock) : PageModel
{
    [BindProperty]
    public VisitInput Visit { get; set; } = new();

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Campaign Campaign { get; private set; } = null!;

    public Guid RecordId { get; private set; }

    public bool Manage { get; private set; }

    public Paged<Visit> Visits { get; private set; } = null!;

    /// <summary>What the whole record's visits add up to (all pages).</summary>
    public (int Outings, int Units, int People) Totals { get; private set; }

    protected AppDbContext Db => db;

    /// <summary>Loads the record; returns its campaign id, or throws <see cref="NotFoundException"/>.</summary>
    protected abstract Task<Guid> LoadRecordAsync(Guid id, CancellationToken ct);

    protected abstract IQueryable<Visit> VisitsOf(Guid id);

    protected abstract Visit NewVisit(Guid id);

    protected abstract Task DeleteRecordAsync(Guid id, CancellationToken ct);

    protected abstract string IndexView { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Visit.VisitedOn = ChinaTime.Today(clock) is var today && today > Campaign.EndsOn ? Campaign.EndsOn : today;
        return Page();
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        Visit.Check(Campaign, ChinaTime.Today(clock), ModelState, nameof(Visit) + ".");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var visit = NewVisit(id);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已登记{visit.VisitedOn:M月d日}走访{visit.Place}。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteVisitAsync(Guid id, Guid visitId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        var visit = await VisitsOf(id).SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        db.Visits.Remove(visit);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已删除{visit.VisitedOn:M月d日}走访{visit.Place}的记录。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        await DeleteRecordAsync(id, ct);
        await db.SaveChangesAsync(ct);
        TempData.Success("已删除，连同其走访记录。");
        return RedirectToPage("/Research/Index", new { campaignId = Campaign.Id, view = IndexView });
    }

    private void RequireManage()
    {
        if (!Manage)
        {
            throw new ForbiddenException();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        RecordId = id;
        var campaignId = await LoadRecordAsync(id, ct);
        Campaign = await access.FindAsync(campaignId, Permissions.CampaignsView, ct);
        Manage = await figures.ManagesAsync(Campaign, ct);
        var visits = VisitsOf(id).AsNoTracking();
        var totals = await visits.GroupBy(v => 1).Select(g => new { Count = g.Count(), Units = g.Sum(v => v.Units), People = g.Sum(v => v.People) }).SingleOrDefaultAsync(ct);
        Totals = (totals?.Count ?? 0, totals?.Units ?? 0, totals?.People ?? 0);
        Visits = await visits.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.CreatedAt).ToPageAsync(PageNumber, 30, Totals.Outings, ct);
    }
}
