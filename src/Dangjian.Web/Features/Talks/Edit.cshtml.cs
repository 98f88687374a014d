using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Talks;

/// <summary>
/// 记录谈话: kind, date inside the campaign, who talked with whom (cadres of the campaign's units from a list, anyone in
/// scope by name), topics, what was raised, and the 提醒/批评 given. What was raised can go to the opinion summary as
/// an opinion of channel 个别谈话. The office records any kind; the supervision group its own 个别谈话.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class EditModel(AppDbContext db, CampaignAccess access, TalkService talks, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? RequirementId { get; set; }

    [BindProperty]
    public TalkKind Kind { get; set; } = TalkKind.Other;

    [BindProperty]
    public DateOnly HeldOn { get; set; }

    [BindProperty]
    public Guid? InitiatorId { get; set; }

    [BindProperty]
    public Guid? PartnerId { get; set; }

    /// <summary>Anyone else in the campaign's units, found by exact name (约谈 with a member or a member of the public's representative).</summary>
    [BindProperty]
    public string? PartnerName { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Topics { get; set; }

    [BindProperty]
    public string? Raised { get; set; }

    [BindProperty]
    public Admonition Admonition { get; set; }

    [BindProperty]
    public string? AdmonitionText { get; set; }

    [BindProperty]
    public bool AsOpinion { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public TalkService.Rights Rights { get; private set; } = null!;

    public List<Option> Cadres { get; private set; } = [];

    public List<Option> Supervisors { get; private set; } = [];

    public IEnumerable<TalkKind> Kinds => Enum.GetValues<TalkKind>().Where(Rights.MayRecord);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        HeldOn = ChinaTime.Today(clock);
        if (!Rights.All)
        {
            Kind = TalkKind.Supervision;
            InitiatorId = Rights.PersonId;
        }

        if (RequirementId is { } rid)
        {
            var r = await db.TalkRequirements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == rid && x.CampaignId == CampaignId, ct) ?? throw new NotFoundException();
            (Kind, InitiatorId, PartnerId) = (r.Kind, r.PersonAId ?? InitiatorId, r.PersonBId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Enum.IsDefined(Kind) || !Rights.MayRecord(Kind))
        {
            ModelState.AddModelError(nameof(Kind), Rights.All ? "请选择谈话类别。" : "督导组成员只能记录督导组个别谈话。");
        }

        var today = ChinaTime.Today(clock);
        if (HeldOn < Campaign.StartsOn || HeldOn > Campaign.EndsOn || HeldOn > today)
        {
            ModelState.AddModelError(nameof(HeldOn), $"谈话日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        var initiators = Kind == TalkKind.Supervision ? Supervisors : Cadres;
        if (!Rights.All && InitiatorId != Rights.PersonId)
        {
            ModelState.AddModelError(nameof(InitiatorId), "只能记录本人主持的谈话。");
        }
        else if (InitiatorId is null || initiators.All(o => o.Id != InitiatorId))
        {
            ModelState.AddModelError(nameof(InitiatorId), Kind == TalkKind.Supervision ? "请选择督导组谈话人。" : "请选择谈话人（本活动范围内的班子成员或中层干部）。");
        }

        var partner = await PartnerAsync(ct);
        if (partner is null)
        {
            ModelState.AddModelError(nameof(PartnerId), string.IsNullOrWhiteSpace(PartnerName) ? "请选择谈话对象。" : $"本活动范围内没有唯一一位名为“{PartnerName.Trim()}”的人员，请从列表中选择。");
        }
        else if (partner == InitiatorId)
        {
            ModelState.AddModelError(nameof(PartnerId), "谈话人和谈话对象不能是同一人。");
        }

        if (string.IsNullOrWhiteSpace(Topics) || Topics.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(Topics), "请填写谈话主题（不超过1000字）。");
        }

        if ((Raised?.Length ?? 0) > 10000 || (AdmonitionText?.Length ?? 0) > 2000 || (Place?.Length ?? 0) > 200)
        {
            ModelState.AddModelError(nameof(Raised), "所谈情况不超过1万字，提醒批评内容不超过2000字，地点不超过200字。");
        }

        if (!Enum.IsDefined(Admonition) || (Admonition != Admonition.None && string.IsNullOrWhiteSpace(AdmonitionText)))
        {
            ModelState.AddModelError(nameof(AdmonitionText), "选择了提醒或批评时，请写明提醒、批评的内容。");
        }

        if (AsOpinion && string.IsNullOrWhiteSpace(Raised))
        {
            ModelState.AddModelError(nameof(AsOpinion), "登记为意见时，请填写谈话对象反映的意见。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var talk = new Talk
        {
            CampaignId = CampaignId, Kind = Kind, HeldOn = HeldOn, InitiatorId = InitiatorId!.Value, PartnerId = partner!.Value,
            PairKey = Talk.KeyOf(Kind, InitiatorId, partner.Value), Place = Place.NullIfBlank(), Topics = Topics!.Trim(), Raised = Raised.NullIfBlank(),
            Admonition = Admonition, AdmonitionText = Admonition == Admonition.None ? null : AdmonitionText.NullIfBlank(),
        };
        db.Talks.Add(talk);
        if (AsOpinion)
        {
            var about = await db.People.Where(p => p.Id == InitiatorId).Select(p => p.Name).SingleAsync(ct);
            db.Opinions.Add(new Opinion { CampaignId = CampaignId, Channel = Channel.Talk, ReceivedOn = HeldOn, Text = talk.Raised!.Length > 4000 ? talk.Raised[..4000] : talk.Raised, Concerns = Kind == TalkKind.Supervision ? "领导班子" : about });
        }

        await db.SaveChangesAsync(ct);
        TempData.Success(AsOpinion ? "谈话已记录，所反映的意见已登记到意见汇总。" : "谈话已记录。");
        return RedirectToPage("/Talks/Index", new { campaignId = CampaignId });
    }

    private async Task<Guid?> PartnerAsync(CancellationToken ct)
    {
        var name = PartnerName?.Trim() ?? "";
        if (name.Length > 0)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
            var found = await db.People.Where(p => p.Name == name && p.OrgUnit!.Path.StartsWith(path)).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
            return found.Count == 1 ? found[0] : null;
        }

        return PartnerId is { } id && Cadres.Any(c => c.Id == id) ? id : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsView, ct);
        Rights = await talks.RightsAsync(Campaign, ct);
        if (!Rights.Any)
        {
            throw new ForbiddenException();
        }

        var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        Cadres = await db.People.AsNoTracking().Where(p => !p.IsRetired && p.PostRank != PostRank.Staff && p.OrgUnit!.Path.StartsWith(path))
            .OrderBy(p => p.PostRank).ThenBy(p => p.OrgUnit!.SortOrder).ThenBy(p => p.CreatedAt)
            .Select(p => new Option(p.Id, p.Name + "（" + (p.Title ?? p.OrgUnit!.Name) + "）")).Take(1000).ToListAsync(ct);
        Supervisors = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == CampaignId && m.Group == CampaignGroup.Supervision)
            .OrderBy(m => m.CreatedAt).Select(m => new Option(m.PersonId, m.Person!.Name + "（" + m.Title + "）")).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("谈心谈话", $"/Talks?campaignId={CampaignId}"), new Breadcrumb("记录谈话"));
    }
}
