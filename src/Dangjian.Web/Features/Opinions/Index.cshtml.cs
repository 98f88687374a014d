using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>意见汇总: every opinion of the caller's campaigns, verbatim, filtered and counted by channel, nature and topic; Excel for the supervision group.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, FigureCache cache) : PageModel
{
    public sealed record Count(string Label, int Value);

    /// <summary>How many of the listed opinions share one channel, nature and topic.</summary>
    public sealed record Cell(Channel Channel, Nature? Nature, Topic? Topic, int N);

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    /// <summary>One campaign's opinions only (the summary's figures and the ledger exports link here with it).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Nature? Nature { get; set; }

    [BindProperty(SupportsGet = true)]
    public Topic? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"no": only opinions no problem holds yet (待梳理); "yes": only those consolidated.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Consolidated { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Opinion> Opinions { get; private set; } = null!;

    public List<Count> ByChannel { get; private set; } = [];

    public List<Count> ByNature { get; private set; } = [];

    public List<Count> ByTopic { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The problems each opinion on this page was consolidated into.</summary>
    public ILookup<Guid, (Guid Id, string Title)> ProblemsOf { get; private set; } = Array.Empty<(Guid, Guid, string)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3));

    public bool CanEdit => User.Can(Permissions.CampaignsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("意见汇总"));
        var scope = await guard.ScopeAsync(ct);
        var all = Scoped(db, scope, CampaignId);
        // One grouped count by channel, nature and topic together (at most a few dozen rows), summed three ways here.
        // Kept in the figure cache and forgotten as soon as an opinion is saved on this instance (a campaign can hold tens
        // of thousands of opinions; at the province scale this count was most of the page's database time).
        var campaignId = CampaignId;
        var cells = await cache.GetAsync($"opinion-facets:{scope.Key}:{campaignId}", (services, token) => FacetsAsync(services.GetRequiredService<AppDbContext>(), scope, campaignId, token), Counted, ct);
        Total = cells.Sum(c => c.N);
        ByChannel = cells.GroupBy(c => c.Channel).OrderBy(g => g.Key).Select(g => new Count(OpinionLabels.Of(g.Key), g.Sum(c => c.N))).ToList();
        ByNature = cells.GroupBy(c => c.Nature).OrderBy(g => g.Key ?? (Nature)99).Select(g => new Count(g.Key is { } n ? OpinionLabels.Of(n) : "待分类", g.Sum(c => c.N))).ToList();
        ByTopic = cells.GroupBy(c => c.Topic).OrderBy(g => g.Key ?? (Topic)99).Select(g => new Count(g.Key is { } t ? OpinionLabels.Of(t) : "待分类", g.Sum(c => c.N))).ToList();
        // Filtered by channel, nature and topic only, the pager's total is a sum of the counted cells (no second count).
        int? known = string.IsNullOrWhiteSpace(Q) && Consolidated is not ("no" or "yes")
            ? cells.Where(c => (Channel is null || c.Channel == Channel) && (Nature is null || c.Nature == Nature) && (Topic is null || c.Topic == Topic)).Sum(c => c.N)
            : null;
        // Newest first, in the order of the (CampaignId[, Nature], ReceivedOn, CreatedAt, Id) indexes read backwards.
        Opinions = await Filter(all).OrderByDescending(o => o.ReceivedOn).ThenByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToPageAsync(PageNumber, 20, known, ct);
        var ids = Opinions.Items.Select(o => o.Id).ToList();
        ProblemsOf = (await db.ProblemOpinions.AsNoTracking().Where(l => ids.Contains(l.OpinionId))
            .Join(db.Problems.AsNoTracking(), l => l.ProblemId, p => p.Id, (l, p) => new { l.OpinionId, p.Id, p.Title }).ToListAsync(ct))
            .ToLookup(x => x.OpinionId, x => (x.Id, x.Title));
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await Filter(Scoped(db, await guard.ScopeAsync(ct), CampaignId)).OrderBy(o => o.ReceivedOn).ThenBy(o => o.CreatedAt).Take(100_000).ToListAsync(ct);
        db.Audit("export", nameof(Opinion), null, $"导出意见汇总{rows.Count}条");
        await db.SaveChangesAsync(ct);
        var content = XlsxWriter.Write("意见汇总", "征求意见汇总表（原汁原味）",
            [new("序号", 6), new("收到日期", 12), new("渠道", 12), new("意见原文", 60), new("反映对象", 14), new("性质", 8), new("类别", 10), new("办公室备注", 30), new("答复", 30)],
            rows.Select((o, i) => (IReadOnlyList<object?>)[i + 1, o.ReceivedOn, OpinionLabels.Of(o.Channel), o.Text, o.Concerns, o.Nature is { } n ? OpinionLabels.Of(n) : "", o.Topic is { } t ? OpinionLabels.Of(t) : "", o.Note, o.Reply]));
        return FileDownloads.Xlsx(content, "意见汇总.xlsx");
    }

    /// <summary>What a save of these rows changes in the facet counts.</summary>
    private static readonly Type[] Counted = [typeof(Opinion), typeof(Campaigns.Campaign)];

    private static IQueryable<Opinion> Scoped(AppDbContext db, DataScope scope, Guid? campaignId)
    {
        var campaigns = ListeningAccess.Readable(db, scope).Select(c => c.Id);
        if (campaignId is { } only)
        {
            // One campaign: its id compared directly (so its opinions are read in index order) once the scope allows it.
            return db.Opinions.AsNoTracking().Where(o => o.CampaignId == only && campaigns.Any(c => c == only));
        }

        return db.Opinions.AsNoTracking().Where(o => campaigns.Contains(o.CampaignId));
    }

    private static async Task<IReadOnlyList<Cell>> FacetsAsync(AppDbContext db, DataScope scope, Guid? campaignId, CancellationToken ct) =>
        await Scoped(db, scope, campaignId).GroupBy(o => new { o.Channel, o.Nature, o.Topic })
            .Select(g => new Cell(g.Key.Channel, g.Key.Nature, g.Key.Topic, g.Count())).ToListAsync(ct);

    private IQueryable<Opinion> Filter(IQueryable<Opinion> query)
    {
        var text = Q?.Trim() ?? "";
        return query
            .WhereIf(Channel is not null, o => o.Channel == Channel)
            .WhereIf(Nature is not null, o => o.Nature == Nature)
            .WhereIf(Topic is not null, o => o.Topic == Topic)
            .WhereIf(text.Length > 0, o => o.Text.Contains(text) || (o.Concerns != null && o.Concerns.Contains(text)))
            .WhereIf(Consolidated == "no", o => !db.ProblemOpinions.Any(l => l.OpinionId == o.Id && db.Problems.Any(p => p.Id == l.ProblemId)))
            .WhereIf(Consolidated == "yes", o => db.ProblemOpinions.Any(l => l.OpinionId == o.Id && db.Problems.Any(p => p.Id == l.ProblemId)));
    }
}
