using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 整改公示, public and anonymous: only the items the office published, with their commitment, goal, measures, deadline,
/// responsible department and progress — no reports, evidence, names below the leadership, or unpublished items.
/// </summary>
public sealed class RectificationModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Title, string? Goal, string? Measures, string? Commitment, DateOnly DueOn, ProblemHorizon Horizon, string Department, string Leader, int Progress, ItemStatus Status);

    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid? CampaignId { get; set; }

    public string CampaignTitle { get; private set; } = "";

    public List<Row> Items { get; private set; } = [];

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var campaign = CampaignId is { } id ? await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Title).SingleOrDefaultAsync(ct) : null;
        if (campaign is null)
        {
            return NotFound();
        }

        CampaignTitle = campaign;
        Items = await db.RectificationItems.AsNoTracking().Where(i => i.CampaignId == CampaignId && i.IsPublic && i.ParentId == null)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.CreatedAt).Take(500)
            .Select(i => new Row(i.Title, i.Goal, i.Measures, i.Commitment, i.DueOn, i.Horizon, i.Department!.Name, i.LeaderPerson!.Title ?? "班子成员", i.Progress, i.Status))
            .ToListAsync(ct);
        return Page();
    }
}
