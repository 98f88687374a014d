using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>制度清理: the review rounds of the caller's registries, and starting one (one open round per registry).</summary>
[RequirePermission(Permissions.RulesView)]
public sealed class ReviewsModel(AppDbContext db, RuleAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Registry, DateOnly StartedOn, DateOnly? ClosedOn, int Decided, int Keep, int Abolish, int Revise);

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public Guid? OrgUnitId { get; set; }

    public List<Row> Reviews { get; private set; } = [];

    public List<RuleAccess.Registry> Registries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Title = $"{ChinaTime.Today(clock).Year}年制度清理";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Registries.Count == 0)
        {
            throw new ForbiddenException();
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Title), "请填写清理名称（不超过100字）。");
        }

        if (OrgUnitId is null || Registries.All(r => r.Id != OrgUnitId))
        {
            ModelState.AddModelError(nameof(OrgUnitId), "请选择制度库。");
        }
        else if (await db.RuleReviews.AnyAsync(r => r.OrgUnitId == OrgUnitId && r.ClosedOn == null, ct))
        {
            ModelState.AddModelError(nameof(OrgUnitId), "该制度库还有一轮清理没有结束，请先完成那一轮。");
        }
        else if (!await db.Rules.AnyAsync(r => r.OrgUnitId == OrgUnitId && r.Status == RuleStatus.Current, ct))
        {
            ModelState.AddModelError(nameof(OrgUnitId), "该制度库没有现行制度，无需清理。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = new RuleReview { OrgUnitId = OrgUnitId!.Value, Title = Title!.Trim(), StartedOn = ChinaTime.Today(clock) };
        db.RuleReviews.Add(review);
        await db.SaveChangesAsync(ct);
        TempData.Success("制度清理已开始：请对每项现行制度作出保留、废止或修订的决定并写明理由。");
        return RedirectToPage("/Rules/Review", new { id = review.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("制度库", "/Rules"), new Breadcrumb("制度清理"));
        Registries = await access.RegistriesAsync(ct);
        OrgUnitId ??= Registries.FirstOrDefault()?.Id;
        var scope = await guard.ScopeAsync(ct);
        Reviews = await db.RuleReviews.AsNoTracking()
            .Join(db.OrgUnits.InScopeOrAbove(scope, u => u.Path), r => r.OrgUnitId, u => u.Id, (r, u) => new { Review = r, u.Name })
            .OrderByDescending(x => x.Review.StartedOn).ThenByDescending(x => x.Review.CreatedAt).Take(100)
            .Select(x => new Row(x.Review.Id, x.Review.Title, x.Name, x.Review.StartedOn, x.Review.ClosedOn,
                db.RuleReviewDecisions.Count(d => d.ReviewId == x.Review.Id),
                db.RuleReviewDecisions.Count(d => d.ReviewId == x.Review.Id && d.Decision == RuleDecision.Keep),
                db.RuleReviewDecisions.Count(d => d.ReviewId == x.Review.Id && d.Decision == RuleDecision.Abolish),
                db.RuleReviewDecisions.Count(d => d.ReviewId == x.Review.Id && d.Decision == RuleDecision.Revise)))
            .ToListAsync(ct);
    }
}
