using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems;

/// <summary>
/// 问题清单: the problems the office consolidated from opinions (梳理汇总), counted by category, each with the number of
/// opinions behind it; the consolidated list (each problem with its opinions verbatim) exports for the supervision group.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ListeningAccess listening, CampaignAccess access) : CampaignPageModel
{
    public sealed record Row(Guid Id, string Title, Topic? Category, string? Concerns, ProblemSource Source, ProblemHorizon? Horizon, int Opinions);

    public sealed record Count(string Label, int Value);

    /// <summary>A 方面 with how many problems it groups.</summary>
    public sealed record AspectRow(Guid Id, string Title, int Problems);

    public List<AspectRow> Aspects { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public Topic? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Problems { get; private set; } = null!;

    public List<Count> ByCategory { get; private set; } = [];

    public int OpinionsTotal { get; private set; }

    public int OpinionsLinked { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("问题清单"));
        if (await LoadCampaignAsync(ct) is not { } campaign)
        {
            return;
        }

        CanEdit = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        var problems = db.Problems.AsNoTracking().Where(p => p.CampaignId == campaign.Id);
        ByCategory = (await problems.GroupBy(p => p.Category).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .OrderBy(x => x.Key ?? (Topic)99).Select(x => new Count(x.Key is { } t ? OpinionLabels.Of(t) : "待分类", x.N)).ToList();
        var opinions = db.Opinions.Where(o => o.CampaignId == campaign.Id);
        OpinionsTotal = await opinions.CountAsync(ct);
        OpinionsLinked = await opinions.CountAsync(o => db.ProblemOpinions.Any(l => l.OpinionId == o.Id && problems.Any(p => p.Id == l.ProblemId)), ct);
        Aspects = await db.ProblemAspects.AsNoTracking().Where(a => a.CampaignId == campaign.Id).OrderBy(a => a.Order).ThenBy(a => a.CreatedAt)
            .Select(a => new AspectRow(a.Id, a.Title, problems.Count(p => p.AspectId == a.Id))).Take(50).ToListAsync(ct);
        Problems = await Filter(problems).OrderBy(p => p.Category ?? (Topic)99).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Title, p.Category, p.Concerns, p.Source, p.Horizon, db.ProblemOpinions.Count(l => l.ProblemId == p.Id && opinions.Any(o => o.Id == l.OpinionId))))
            .ToPageAsync(PageNumber, 20, ct);
    }

    /// <summary>梳理汇总表: one row per problem and linked opinion, the opinion verbatim with its channel and date.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        var problems = await Filter(db.Problems.AsNoTracking().Where(p => p.CampaignId == campaign.Id)).OrderBy(p => p.Category ?? (Topic)99).ThenBy(p => p.CreatedAt).Take(5000).ToListAsync(ct);
        var ids = problems.Select(p => p.Id).ToList();
        var links = await db.ProblemOpinions.AsNoTracking().Where(l => ids.Contains(l.ProblemId))
            .Join(db.Opinions.AsNoTracking(), l => l.OpinionId, o => o.Id, (l, o) => new { l.ProblemId, Opinion = o })
            .OrderBy(x => x.Opinion.ReceivedOn).ThenBy(x => x.Opinion.CreatedAt).ToListAsync(ct);
        var byProblem = links.ToLookup(x => x.ProblemId, x => x.Opinion);
        var rows = new List<IReadOnlyList<object?>>();
        var n = 0;
        foreach (var p in problems)
        {
            n++;
            var category = p.Category is { } c ? OpinionLabels.Of(c) : "";
            var horizon = p.Horizon is { } h ? ProblemLabels.Of(h) : "";
            var list = byProblem[p.Id].ToList();
            if (list.Count == 0)
            {
                rows.Add([n, p.Title, category, horizon, p.Concerns, ProblemLabels.Of(p.Source), 0, null, null, null]);
            }

            rows.AddRange(list.Select((o, i) => (IReadOnlyList<object?>)[i == 0 ? n : null, i == 0 ? p.Title : null, i == 0 ? category : null, i == 0 ? horizon : null, i == 0 ? p.Concerns : null, i == 0 ? ProblemLabels.Of(p.Source) : null, i == 0 ? list.Count : null, o.ReceivedOn, OpinionLabels.Of(o.Channel), o.Text]));
        }

        db.Audit("export", nameof(Problem), null, $"导出问题梳理汇总表{problems.Count}个问题");
        await db.SaveChangesAsync(ct);
        var content = XlsxWriter.Write("问题梳理", $"{campaign.Title}意见梳理汇总表",
            [new("序号", 6), new("问题", 40), new("类别", 10), new("整改时限", 10), new("反映对象", 14), new("来源", 10), new("意见条数", 8), new("收到日期", 12), new("渠道", 12), new("意见原文", 60)], rows);
        return FileDownloads.Xlsx(content, "问题梳理汇总表.xlsx");
    }

    /// <summary>归纳一个方面: appended after the campaign's others.</summary>
    public async Task<IActionResult> OnPostAddAspectAsync(string? title, CancellationToken ct)
    {
        var campaign = await EditableAsync(ct);
        var text = title?.Trim() ?? "";
        if (text.Length is 0 or > ProblemAspect.TitleMax)
        {
            TempData.Error($"请用一句话写出这个方面（不超过{ProblemAspect.TitleMax}字）。");
            return RedirectToPage(new { campaignId = campaign.Id });
        }

        var count = await db.ProblemAspects.CountAsync(a => a.CampaignId == campaign.Id, ct);
        if (count >= 20)
        {
            TempData.Error("一项活动最多归纳20个方面。");
            return RedirectToPage(new { campaignId = campaign.Id });
        }

        var order = await db.ProblemAspects.Where(a => a.CampaignId == campaign.Id).MaxAsync(a => (int?)a.Order, ct) ?? 0;
        db.ProblemAspects.Add(new ProblemAspect { CampaignId = campaign.Id, Order = order + 1, Title = text });
        await db.SaveChangesAsync(ct);
        TempData.Success("已添加。修改问题时可把它归入这个方面。");
        return RedirectToPage(new { campaignId = campaign.Id });
    }

    /// <summary>删除一个方面: its problems stay, ungrouped.</summary>
    public async Task<IActionResult> OnPostDeleteAspectAsync(Guid aspectId, CancellationToken ct)
    {
        var campaign = await EditableAsync(ct);
        var aspect = await db.ProblemAspects.SingleOrDefaultAsync(a => a.Id == aspectId && a.CampaignId == campaign.Id, ct) ?? throw new NotFoundException();
        foreach (var problem in await db.Problems.Where(p => p.AspectId == aspect.Id).ToListAsync(ct))
        {
            problem.AspectId = null;
        }

        db.ProblemAspects.Remove(aspect);
        await db.SaveChangesAsync(ct);
        TempData.Success($"已删除“{aspect.Title}”，其中的问题仍在清单中。");
        return RedirectToPage(new { campaignId = campaign.Id });
    }

    private async Task<Campaign> EditableAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        return await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct) ? campaign : throw new ForbiddenException();
    }

    private IQueryable<Problem> Filter(IQueryable<Problem> query)
    {
        var text = Q?.Trim() ?? "";
        return query.WhereIf(Category is not null, p => p.Category == Category)
            .WhereIf(text.Length > 0, p => p.Title.Contains(text) || (p.Concerns != null && p.Concerns.Contains(text)));
    }

    private Task<Campaign?> LoadCampaignAsync(CancellationToken ct) =>
        ChooseAsync(listening.PickAsync(CampaignId, ct));
}
