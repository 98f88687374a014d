using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>
/// The edit form of a research topic or an outreach activity: a new one in <see cref="CampaignId"/>, or the record
/// <see cref="Id"/> in its own campaign; only those who run the campaign reach it, and it offers the campaign's cadres.
/// </summary>
public abstract class ResearchEditModel(AppDbContext db, CampaignAccess access, ResearchFigures figures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public List<CampaignCadres.Option> Cadres { get; private set; } = [];

    protected AppDbContext Db => db;

    /// <summary>Loads the record being edited (null for a new one) and the campaign; <paramref name="list"/> and <paramref name="title"/> make the trail.</summary>
    protected async Task<T?> LoadAsync<T>(IQueryable<T> records, Func<T, Guid> campaignOf, string list, string title, CancellationToken ct)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(campaignOf);
        T? record = null;
        if (Id is { } id)
        {
            record = await records.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
            CampaignId = campaignOf(record);
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        if (!await figures.ManagesAsync(Campaign, ct))
        {
            throw new ForbiddenException();
        }

        Cadres = await db.CadresAsync(Campaign, ct);
        ViewData.Trail(new Breadcrumb("调研与载体", list + CampaignId), new Breadcrumb(title));
        return record;
    }

    /// <summary>Adds the refusal of a date outside the campaign or after today.</summary>
    protected void CheckDate(string field, DateOnly? date, DateOnly today)
    {
        if (date is { } d && !Campaign.HasHappenedOn(d, today))
        {
            ModelState.AddModelError(field, $"日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }
    }
}
