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

    private IQueryable<Problem> Filter(IQueryable<Problem> query)
    {
        var text = Q?.Trim() ?? "";
        return query.WhereIf(Category is not null, p => p.Category == Category)
            .WhereIf(text.Length > 0, p => p.Title.Contains(text) || (p.Concerns != null && p.Concerns.Contains(text)));
    }

    private Task<Campaign?> LoadCampaignAsync(CancellationToken ct) =>
        ChooseAsync(listening.PickAsync(CampaignId, ct));
}
