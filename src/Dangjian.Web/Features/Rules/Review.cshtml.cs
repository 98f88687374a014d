using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>
/// One review round: every current rule of the registry with its decision (保留 / 废止 / 修订) and reason. Closing the
/// round needs a decision on every current rule and applies them: 废止 abolishes the rule today, 修订 marks it
/// 修订中 until its revision is registered.
/// </summary>
[RequirePermission(Permissions.RulesView)]
public sealed class ReviewModel(AppDbContext db, RuleAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid RuleId, string Title, string? Number, string Category, RuleStatus Status, RuleDecision? Decision, string? Reason);

    public RuleReview Review { get; private set; } = null!;

    public string Registry { get; private set; } = "";

    public bool Manage { get; private set; }

    public List<Row> Rows { get; private set; } = [];

    public int Undecided => Rows.Count(r => r.Decision is null);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid ruleId, RuleDecision? decision, string? reason, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Manage || Review.ClosedOn is not null)
        {
            throw new ForbiddenException();
        }

        if (Rows.All(r => r.RuleId != ruleId))
        {
            throw new NotFoundException();
        }

        if (decision is not { } d || !Enum.IsDefined(d))
        {
            TempData.Error("请选择保留、废止或修订。");
            return RedirectToPage(new { id });
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            TempData.Error("请写明理由（不超过500字）。");
            return RedirectToPage(new { id });
        }

        var existing = await db.RuleReviewDecisions.SingleOrDefaultAsync(x => x.ReviewId == id && x.RuleId == ruleId, ct);
        if (existing is null)
        {
            db.RuleReviewDecisions.Add(new RuleReviewDecision { ReviewId = id, RuleId = ruleId, Decision = d, Reason = reason.Trim() });
        }
        else
        {
            (existing.Decision, existing.Reason) = (d, reason.Trim());
        }

        if (!await db.SaveUnlessTakenAsync(ct))
        {
            TempData.Warning("另一位同事刚刚对这项制度作出了决定，请查看后再修改。");
            return RedirectToPage(new { id });
        }

        TempData.Success("已记录。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Manage || Review.ClosedOn is not null)
        {
            throw new ForbiddenException();
        }

        if (Undecided > 0)
        {
            TempData.Error($"还有{Undecided}项现行制度没有作出决定，不能结束清理。");
            return RedirectToPage(new { id });
        }

        var today = ChinaTime.Today(clock);
        var decisions = await db.RuleReviewDecisions.Where(d => d.ReviewId == id).ToListAsync(ct);
        var rules = await db.Rules.Where(r => decisions.Select(d => d.RuleId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var d in decisions)
        {
            var rule = rules[d.RuleId];
            if (d.Decision == RuleDecision.Abolish)
            {
                (rule.Status, rule.AbolishedOn, rule.AbolishReason) = (RuleStatus.Abolished, today, $"{Review.Title}：{d.Reason}");
            }
            else if (d.Decision == RuleDecision.Revise)
            {
                rule.Status = RuleStatus.Revising;
            }
        }

        var review = await db.RuleReviews.SingleAsync(r => r.Id == id, ct);
        review.ClosedOn = today;
        await db.SaveChangesAsync(ct);
        TempData.Success($"清理结束：保留{decisions.Count(d => d.Decision == RuleDecision.Keep)}项，废止{decisions.Count(d => d.Decision == RuleDecision.Abolish)}项，修订{decisions.Count(d => d.Decision == RuleDecision.Revise)}项。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await guard.ScopeAsync(ct);
        var found = await db.RuleReviews.AsNoTracking().Where(r => r.Id == id)
            .Join(db.OrgUnits.InScopeOrAbove(scope, u => u.Path), r => r.OrgUnitId, u => u.Id, (r, u) => new { Review = r, u.Name })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Review, Registry) = (found.Review, found.Name);
        Manage = await access.ManagesAsync(Review.OrgUnitId, ct);
        var decided = db.RuleReviewDecisions.Where(d => d.ReviewId == id);

        // Open: every current rule, plus those already decided. Closed: what was decided.
        var open = Review.ClosedOn is null;
        Rows = await db.Rules.AsNoTracking()
            .Where(r => r.OrgUnitId == Review.OrgUnitId && ((open && r.Status == RuleStatus.Current) || decided.Any(d => d.RuleId == r.Id)))
            .OrderBy(r => r.Category).ThenBy(r => r.IssuedOn).ThenBy(r => r.Id).Take(2000)
            .Select(r => new Row(r.Id, r.Title, r.Number, r.Category, r.Status,
                decided.Where(d => d.RuleId == r.Id).Select(d => (RuleDecision?)d.Decision).FirstOrDefault(),
                decided.Where(d => d.RuleId == r.Id).Select(d => d.Reason).FirstOrDefault()))
            .ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("制度库", "/Rules"), new Breadcrumb("制度清理", "/Rules/Reviews"), new Breadcrumb(Review.Title));
    }
}
