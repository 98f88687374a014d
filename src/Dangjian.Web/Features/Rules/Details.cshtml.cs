using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>
/// A rule: its particulars, text and files; its 沿革 (the rules it replaced and that replaced it, the rectification
/// item it came from, the review decisions on it); 修改, 修订 and 废止 for those who keep the registry.
/// </summary>
[RequirePermission(Permissions.RulesView)]
public sealed class DetailsModel(AppDbContext db, RuleAccess access, FileStore files, TimeProvider clock) : PageModel
{
    public sealed record Link(Guid Id, string Title, string? Number, RuleStatus Status, DateOnly IssuedOn);

    public sealed record DecisionRow(Guid ReviewId, string Review, RuleDecision Decision, string Reason, DateOnly? ClosedOn);

    public Rule Rule { get; private set; } = null!;

    public string Registry { get; private set; } = "";

    public bool Manage { get; private set; }

    /// <summary>Older versions, newest first (what this rule replaced, and what that replaced…).</summary>
    public List<Link> Earlier { get; private set; } = [];

    public Link? ReplacedBy { get; private set; }

    public (Guid Id, string Title, Guid CampaignId)? Source { get; private set; }

    public List<DecisionRow> Decisions { get; private set; } = [];

    public List<StoredFile> Files { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostUploadAsync(Guid id, List<IFormFile>? upload, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Manage)
        {
            throw new ForbiddenException();
        }

        if (upload is not { Count: > 0 })
        {
            TempData.Error("请选择要上传的文件。");
            return RedirectToPage(new { id });
        }

        foreach (var file in upload.Take(10))
        {
            var (_, problem) = await files.AddAsync(file, RuleFileRule.Owner, id, FileKinds.Documents, ct);
            if (problem is not null)
            {
                TempData.Error(problem);
                return RedirectToPage(new { id });
            }
        }

        TempData.Success("附件已上传。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Manage)
        {
            throw new ForbiddenException();
        }

        TempData.Success(await files.RemoveAsync(RuleFileRule.Owner, id, fileId, ct) ? "附件已删除。" : "没有该附件。");
        return RedirectToPage(new { id });
    }

    /// <summary>废止 outside a review round (e.g. superseded by a higher-level rule), with a reason.</summary>
    public async Task<IActionResult> OnPostAbolishAsync(Guid id, string? reason, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Manage)
        {
            throw new ForbiddenException();
        }

        if (Rule.Status == RuleStatus.Abolished)
        {
            TempData.Error("该制度已经废止。");
            return RedirectToPage(new { id });
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            TempData.Error("废止制度须写明理由（不超过500字）。");
            return RedirectToPage(new { id });
        }

        var rule = await db.Rules.SingleAsync(r => r.Id == id, ct);
        (rule.Status, rule.AbolishedOn, rule.AbolishReason) = (RuleStatus.Abolished, ChinaTime.Today(clock), reason.Trim());
        await db.SaveChangesAsync(ct);
        TempData.Success("制度已废止，仍保留在制度库中备查。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Rule, Manage) = await access.FindAsync(id, ct);
        Registry = await db.OrgUnits.Where(u => u.Id == Rule.OrgUnitId).Select(u => u.Name).SingleAsync(ct);
        var chain = await db.Rules.AsNoTracking().Where(r => r.OrgUnitId == Rule.OrgUnitId && (r.ReplacesId != null || r.Id == Rule.ReplacesId || db.Rules.Any(x => x.ReplacesId == r.Id)))
            .OrderBy(r => r.Id).Select(r => new { Link = new Link(r.Id, r.Title, r.Number, r.Status, r.IssuedOn), r.ReplacesId }).Take(5000).ToListAsync(ct);
        var byId = chain.ToDictionary(c => c.Link.Id);
        var seen = new HashSet<Guid> { Rule.Id };
        for (var at = Rule.ReplacesId; at is { } current && byId.TryGetValue(current, out var entry) && seen.Add(current); at = entry.ReplacesId)
        {
            Earlier.Add(entry.Link);
        }

        ReplacedBy = chain.FirstOrDefault(c => c.ReplacesId == Rule.Id)?.Link;
        Source = Rule.RectificationItemId is { } item
            ? await db.RectificationItems.Where(i => i.Id == item).Select(i => new ValueTuple<Guid, string, Guid>(i.Id, i.Title, i.CampaignId)).SingleOrDefaultAsync(ct)
            : null;
        Decisions = await db.RuleReviewDecisions.AsNoTracking().Where(d => d.RuleId == id)
            .Join(db.RuleReviews, d => d.ReviewId, r => r.Id, (d, r) => new { Row = new DecisionRow(r.Id, r.Title, d.Decision, d.Reason, r.ClosedOn), r.CreatedAt })
            .OrderByDescending(x => x.CreatedAt).Select(x => x.Row).Take(100).ToListAsync(ct);
        Files = await files.ListAsync(RuleFileRule.Owner, id, ct);
        ViewData.Trail(new Breadcrumb("制度库", "/Rules"), new Breadcrumb(Rule.Title));
    }
}
