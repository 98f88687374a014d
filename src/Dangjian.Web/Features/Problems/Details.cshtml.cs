using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems;

/// <summary>
/// One problem and the opinions behind it, verbatim. The office links opinions of the same campaign (searching those
/// not yet consolidated first) and unlinks them; the opinions themselves never change.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess access, ListeningAccess listening) : PageModel
{
    public Problem Problem { get; private set; } = null!;

    public List<Opinion> Linked { get; private set; } = [];

    public List<Opinion> Candidates { get; private set; } = [];

    public int CandidateTotal { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>The campaign's other problems, as merge targets.</summary>
    public List<(Guid Id, string Title)> Others { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Offer every opinion of the campaign, not only those no problem holds yet.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (CanEdit)
        {
            var text = Q?.Trim() ?? "";
            var linkedIds = db.ProblemOpinions.Where(l => l.ProblemId == id).Select(l => l.OpinionId);
            var live = db.Problems.Where(p => p.CampaignId == Problem.CampaignId).Select(p => p.Id);
            var query = db.Opinions.AsNoTracking().Where(o => o.CampaignId == Problem.CampaignId && !linkedIds.Contains(o.Id))
                .WhereIf(!All, o => !db.ProblemOpinions.Any(l => l.OpinionId == o.Id && live.Contains(l.ProblemId)))
                .WhereIf(text.Length > 0, o => o.Text.Contains(text) || (o.Concerns != null && o.Concerns.Contains(text)));
            CandidateTotal = await query.CountAsync(ct);
            Others = (await db.Problems.AsNoTracking().Where(p => p.CampaignId == Problem.CampaignId && p.Id != id).OrderBy(p => p.CreatedAt).Take(500)
                .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
            Candidates = await query.OrderByDescending(o => o.ReceivedOn).ThenBy(o => o.Id).Take(30).ToListAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, List<Guid> opinionIds, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var wanted = (opinionIds ?? []).Distinct().Take(500).ToList();
        var valid = await db.Opinions.Where(o => wanted.Contains(o.Id) && o.CampaignId == Problem.CampaignId).Select(o => o.Id).ToListAsync(ct);
        var already = await db.ProblemOpinions.Where(l => l.ProblemId == id && valid.Contains(l.OpinionId)).Select(l => l.OpinionId).ToListAsync(ct);
        var added = valid.Except(already).ToList();
        if (wanted.Count == 0 || valid.Count != wanted.Count)
        {
            TempData.Error(wanted.Count == 0 ? "请勾选要关联的意见。" : "只能关联本活动的意见。");
            return RedirectToPage(new { id });
        }

        db.ProblemOpinions.AddRange(added.Select(o => new ProblemOpinion { ProblemId = id, OpinionId = o }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData.Error("有意见刚被他人关联到本问题，请刷新后再试。");
            return RedirectToPage(new { id });
        }

        TempData.Success($"已关联{added.Count}条意见。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid opinionId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var link = await db.ProblemOpinions.SingleOrDefaultAsync(l => l.ProblemId == id && l.OpinionId == opinionId, ct) ?? throw new NotFoundException();
        db.ProblemOpinions.Remove(link);
        await db.SaveChangesAsync(ct);
        TempData.Success("已取消关联，意见仍在意见汇总中。");
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// 合并重复问题: this problem's opinions and rectification items move to the target (an opinion already there is not
    /// doubled) and this one is removed, remembering where it went.
    /// </summary>
    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid? targetId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var target = targetId is { } t ? await db.Problems.SingleOrDefaultAsync(p => p.Id == t && p.CampaignId == Problem.CampaignId && p.Id != id, ct) : null;
        if (target is null)
        {
            TempData.Error("请选择本活动中要合并到的另一个问题。");
            return RedirectToPage(new { id });
        }

        var there = await db.ProblemOpinions.Where(l => l.ProblemId == target.Id).Select(l => l.OpinionId).ToListAsync(ct);
        foreach (var link in await db.ProblemOpinions.Where(l => l.ProblemId == id).ToListAsync(ct))
        {
            if (there.Contains(link.OpinionId))
            {
                db.ProblemOpinions.Remove(link);
            }
            else
            {
                link.ProblemId = target.Id;
            }
        }

        foreach (var item in await db.RectificationItems.Where(i => i.ProblemId == id).ToListAsync(ct))
        {
            item.ProblemId = target.Id;
        }

        var source = await db.Problems.SingleAsync(p => p.Id == id, ct);
        source.MergedIntoId = target.Id;
        db.Problems.Remove(source);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已把“{source.Title}”合并到本问题，原有的意见关联和整改事项都已转过来。");
        return RedirectToPage(new { id = target.Id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Problem = await db.Problems.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await access.FindAsync(Problem.CampaignId, Permissions.CampaignsView, ct);
        await listening.RequireAsync(campaign.Id, ct);
        CanEdit = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        Linked = await db.Opinions.AsNoTracking().Where(o => db.ProblemOpinions.Any(l => l.ProblemId == id && l.OpinionId == o.Id))
            .OrderBy(o => o.ReceivedOn).ThenBy(o => o.CreatedAt).Take(1000).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("问题清单", $"/Problems?campaignId={Problem.CampaignId}"), new Breadcrumb(Problem.Title));
    }
}
