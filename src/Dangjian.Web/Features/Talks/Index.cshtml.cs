using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// 谈心谈话: the figures (人次, coverage), the team matrix of the "四个必谈", the required list with what is still open,
/// and the talks recorded. Contents are shown only on a talk's own page, to those allowed to read them.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, CampaignPicker picker, TalkService talks, TalkList list) : CampaignPageModel
{
    public sealed record Requirement(Guid Id, TalkKind Kind, Guid? PersonAId, string PersonA, Guid PersonBId, string PersonB, string? Reason, int Held);

    public sealed record Held(Guid Id, TalkKind Kind, DateOnly HeldOn, string Initiator, string Partner, Admonition Admonition, bool Readable);

    /// <summary>The team matrix: people in order and, for each pair, whether it is required and how many talks it had.</summary>
    public sealed record Matrix(IReadOnlyList<(Guid Id, string Name)> People, IReadOnlyDictionary<string, int> Counts, IReadOnlySet<string> Required)
    {
        public static string Key(Guid a, Guid b) => Talk.KeyOf(TalkKind.TeamTeam, a, b);
    }

    [BindProperty(SupportsGet = true)]
    public TalkKind? Kind { get; set; }

    /// <summary>"open" for pairs not yet talked, "done" for those covered.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TalkList.Figures Figures { get; private set; } = null!;

    public TalkService.Rights Rights { get; private set; } = new(false, false, null);

    public Paged<Requirement> Requirements { get; private set; } = null!;

    public Matrix Team { get; private set; } = new([], new Dictionary<string, int>(), new HashSet<string>());

    public List<Held> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("谈心谈话"));
        var campaign = await LoadCampaignAsync(ct);
        if (campaign is null)
        {
            return Page();
        }

        var id = campaign.Id;
        Rights = await talks.RightsAsync(campaign, ct);
        Figures = await list.FiguresAsync(id, ct);
        var held = db.Talks.Where(t => t.CampaignId == id);
        var open = Status == "open";
        var done = Status == "done";
        Requirements = await db.TalkRequirements.AsNoTracking().Where(r => r.CampaignId == id)
            .WhereIf(Kind is not null, r => r.Kind == Kind)
            .WhereIf(open, r => !held.Any(t => t.PairKey == r.PairKey))
            .WhereIf(done, r => held.Any(t => t.PairKey == r.PairKey))
            .OrderBy(r => r.Kind).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new Requirement(r.Id, r.Kind, r.PersonAId, r.PersonAId == null ? "督导组" : r.PersonA!.Name, r.PersonBId, r.PersonB!.Name, r.Reason, held.Count(t => t.PairKey == r.PairKey)))
            .ToPageAsync(PageNumber, 30, ct);
        await LoadMatrixAsync(id, ct);
        var rows = await held.AsNoTracking().OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.CreatedAt).Take(20)
            .Select(t => new { t.Id, t.Kind, t.HeldOn, Initiator = t.Initiator!.Name, t.InitiatorId, Partner = t.Partner!.Name, t.GuestName, t.GuestAffiliation, t.PartnerId, t.Admonition }).ToListAsync(ct);
        Recent = rows.Select(t => new Held(t.Id, t.Kind, t.HeldOn, t.Initiator, Talk.PartnerLabel(t.Partner, t.GuestName, t.GuestAffiliation), t.Admonition,
            Rights.Any || (Rights.PersonId is { } me && (t.InitiatorId == me || t.PartnerId == me)))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        if (!(await talks.RightsAsync(campaign, ct)).All)
        {
            return Forbid();
        }

        if (await list.PrincipalAsync(campaign.Id, ct) is null)
        {
            TempData.Error("请先在活动的领导小组中设定组长（主要负责同志），再生成必谈名单。");
            return RedirectToPage(new { campaignId = campaign.Id });
        }

        var (added, removed) = await list.GenerateAsync(campaign, ct);
        TempData.Success(added == 0 && removed == 0 ? "必谈名单已是最新，没有变化。" : $"已按“四个必谈”更新必谈名单：新增{added}项，移除{removed}项。");
        return RedirectToPage(new { campaignId = campaign.Id });
    }

    /// <summary>谈心谈话台账 in Excel for the office: who talked with whom, when, the kind, topic and 提醒/批评 — never what was said.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var campaign = await LoadCampaignAsync(ct) ?? throw new NotFoundException();
        if (!(await talks.RightsAsync(campaign, ct)).All)
        {
            throw new ForbiddenException();
        }

        var rows = await db.Talks.AsNoTracking().Where(t => t.CampaignId == campaign.Id).OrderBy(t => t.HeldOn).ThenBy(t => t.CreatedAt).Take(20000)
            .Select(t => new { t.HeldOn, t.Kind, Initiator = t.Initiator!.Name, Partner = t.Partner!.Name, t.GuestName, t.GuestAffiliation, t.Place, t.Topics, t.Admonition }).ToListAsync(ct);
        var n = 0;
        db.Audit("export", nameof(Talk), campaign.Id.ToString(), $"导出{campaign.Title}谈心谈话台账{rows.Count}人次");
        await db.SaveChangesAsync(ct);
        var content = Platform.Documents.XlsxWriter.Write("谈心谈话", $"{campaign.Title}谈心谈话台账（共{rows.Count}人次）",
            [new("序号", 6), new("日期", 12), new("类别", 22), new("谈话人", 10), new("谈话对象", 10), new("地点", 14), new("谈话主题", 36), new("提醒/批评", 10)],
            rows.Select(t => (IReadOnlyList<object?>)[++n, t.HeldOn, TalkLabels.Of(t.Kind), t.Initiator, Talk.PartnerLabel(t.Partner, t.GuestName, t.GuestAffiliation), t.Place, t.Topics, TalkLabels.Of(t.Admonition)]).ToList());
        return Platform.Documents.FileDownloads.Xlsx(content, "谈心谈话台账.xlsx");
    }

    private Task<Campaign?> LoadCampaignAsync(CancellationToken ct) =>
        ChooseAsync(picker.PickAsync(CampaignId, ct));

    private async Task LoadMatrixAsync(Guid id, CancellationToken ct)
    {
        var team = await db.TalkRequirements.AsNoTracking()
            .Where(r => r.CampaignId == id && (r.Kind == TalkKind.PrincipalTeam || r.Kind == TalkKind.TeamTeam))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.PairKey)
            .Select(r => new { r.Kind, r.PersonAId, A = r.PersonA!.Name, r.PersonBId, B = r.PersonB!.Name, r.PairKey, r.CreatedAt }).Take(2000).ToListAsync(ct);
        if (team.Count == 0)
        {
            return;
        }

        var principal = team.FirstOrDefault(r => r.Kind == TalkKind.PrincipalTeam)?.PersonAId;
        var people = team.SelectMany(r => new[] { (Id: r.PersonAId!.Value, Name: r.A), (Id: r.PersonBId, Name: r.B) })
            .DistinctBy(p => p.Id).OrderBy(p => p.Id == principal ? 0 : 1).Take(30).ToList();
        var keys = team.Select(r => r.PairKey).ToList();
        var counts = await db.Talks.Where(t => t.CampaignId == id && keys.Contains(t.PairKey)).GroupBy(t => t.PairKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct);
        Team = new Matrix(people, counts, keys.ToHashSet(StringComparer.Ordinal));
    }
}
