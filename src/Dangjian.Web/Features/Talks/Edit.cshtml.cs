using System.ComponentModel.DataAnnotations;
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
    public TalkInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public TalkService.Rights Rights { get; private set; } = null!;

    public List<Option> Cadres { get; private set; } = [];

    public List<Option> Supervisors { get; private set; } = [];

    public IEnumerable<TalkKind> Kinds => Enum.GetValues<TalkKind>().Where(Rights.MayRecord);

    public sealed class TalkInput
    {
        [Display(Name = "谈话类别")]
        public TalkKind Kind { get; set; } = TalkKind.Other;

        [Display(Name = "谈话日期")]
        public DateOnly HeldOn { get; set; }

        [Display(Name = "谈话人")]
        public Guid? InitiatorId { get; set; }

        [Display(Name = "谈话对象")]
        public Guid? PartnerId { get; set; }

        /// <summary>Anyone else in the campaign's units, found by exact name (约谈 with a member or a member of the public's representative).</summary>
        [StringLength(Person.NameMax)]
        [Display(Name = "或输入其他人员姓名")]
        public string? PartnerName { get; set; }

        /// <summary>Someone outside the roster (恳谈 with a 科技工作者, an enterprise's head), by name and unit.</summary>
        [StringLength(Talk.GuestNameMax, ErrorMessage = "名册以外人员的姓名不超过50字。")]
        [Display(Name = "名册以外人员的姓名")]
        public string? GuestName { get; set; }

        [StringLength(Talk.GuestAffiliationMax, ErrorMessage = "单位和职务不超过100字。")]
        [Display(Name = "单位和职务")]
        public string? GuestAffiliation { get; set; }

        [StringLength(Talk.PlaceMax)]
        [Display(Name = "地点")]
        public string? Place { get; set; }

        [Required(ErrorMessage = "请填写谈话主题（不超过1000字）。")]
        [StringLength(Talk.TopicsMax, ErrorMessage = "请填写谈话主题（不超过1000字）。")]
        [Display(Name = "谈话主题")]
        public string? Topics { get; set; }

        [StringLength(Talk.RaisedMax, ErrorMessage = "谈话对象反映的情况和意见不超过1万字。")]
        [Display(Name = "谈话对象反映的情况和意见")]
        public string? Raised { get; set; }

        [Display(Name = "提醒、批评")]
        public Admonition Admonition { get; set; }

        [StringLength(Talk.AdmonitionTextMax)]
        [Display(Name = "提醒、批评的内容")]
        public string? AdmonitionText { get; set; }

        [Display(Name = "同时登记到意见汇总")]
        public bool AsOpinion { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.HeldOn = ChinaTime.Today(clock);
        if (!Rights.All)
        {
            Input.Kind = TalkKind.Supervision;
            Input.InitiatorId = Rights.PersonId;
        }

        if (RequirementId is { } rid)
        {
            var r = await db.TalkRequirements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == rid && x.CampaignId == CampaignId, ct) ?? throw new NotFoundException();
            (Input.Kind, Input.InitiatorId, Input.PartnerId) = (r.Kind, r.PersonAId ?? Input.InitiatorId, r.PersonBId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Enum.IsDefined(Input.Kind) || !Rights.MayRecord(Input.Kind))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.Kind)), Rights.All ? "请选择谈话类别。" : "督导组成员只能记录督导组个别谈话。");
        }

        var today = ChinaTime.Today(clock);
        if (!Campaign.HasHappenedOn(Input.HeldOn, today))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.HeldOn)), $"谈话日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天。");
        }

        var initiators = Input.Kind == TalkKind.Supervision ? Supervisors : Cadres;
        if (!Rights.All && Input.InitiatorId != Rights.PersonId)
        {
            ModelState.AddModelError(Field(nameof(TalkInput.InitiatorId)), "只能记录本人主持的谈话。");
        }
        else if (Input.InitiatorId is null || initiators.All(o => o.Id != Input.InitiatorId))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.InitiatorId)), Input.Kind == TalkKind.Supervision ? "请选择督导组谈话人。" : "请选择谈话人（本活动范围内的班子成员或中层干部）。");
        }

        var guest = Input.GuestName.NullIfBlank();
        var partner = guest is null ? await PartnerAsync(ct) : null;
        if (guest is not null && (Input.PartnerId is not null || !string.IsNullOrWhiteSpace(Input.PartnerName)))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.GuestName)), "谈话对象只能填一种：从名册选择、输入名册中的姓名，或填写名册以外人员。");
        }
        else if (guest is not null && Input.Kind is not (TalkKind.Outreach or TalkKind.Other))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.GuestName)), "名册以外的人员只能记录为“恳谈”或“其他谈心谈话”；“四个必谈”和督导组谈话的对象须在人员名册中。");
        }
        else if (guest is not null && string.IsNullOrWhiteSpace(Input.GuestAffiliation))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.GuestAffiliation)), "请填写名册以外人员的单位和职务（如：燕山大学教授），以便区分同名的人。");
        }
        else if (guest is null && partner is null)
        {
            ModelState.AddModelError(Field(nameof(TalkInput.PartnerId)), string.IsNullOrWhiteSpace(Input.PartnerName) ? "请选择谈话对象。" : $"本活动范围内没有唯一一位名为“{Input.PartnerName.Trim()}”的人员，请从列表中选择。");
        }
        else if (partner == Input.InitiatorId)
        {
            ModelState.AddModelError(Field(nameof(TalkInput.PartnerId)), "谈话人和谈话对象不能是同一人。");
        }

        if (!Enum.IsDefined(Input.Admonition) || (Input.Admonition != Admonition.None && string.IsNullOrWhiteSpace(Input.AdmonitionText)))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.AdmonitionText)), "选择了提醒或批评时，请写明提醒、批评的内容。");
        }

        if (Input.AsOpinion && string.IsNullOrWhiteSpace(Input.Raised))
        {
            ModelState.AddModelError(Field(nameof(TalkInput.AsOpinion)), "登记为意见时，请填写谈话对象反映的意见。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var talk = new Talk
        {
            CampaignId = CampaignId, Kind = Input.Kind, HeldOn = Input.HeldOn, InitiatorId = Input.InitiatorId!.Value, PartnerId = partner,
            GuestName = guest, GuestAffiliation = guest is null ? null : Input.GuestAffiliation.NullIfBlank(),
            PairKey = guest is null ? Talk.KeyOf(Input.Kind, Input.InitiatorId, partner!.Value) : Talk.GuestKeyOf(guest, Input.GuestAffiliation), Place = Input.Place.NullIfBlank(), Topics = Input.Topics!.Trim(), Raised = Input.Raised.NullIfBlank(),
            Admonition = Input.Admonition, AdmonitionText = Input.Admonition == Admonition.None ? null : Input.AdmonitionText.NullIfBlank(),
        };
        db.Talks.Add(talk);
        if (Input.AsOpinion)
        {
            var about = await db.People.Where(p => p.Id == Input.InitiatorId).Select(p => p.Name).SingleAsync(ct);
            db.Opinions.Add(new Opinion { CampaignId = CampaignId, Channel = Channel.Talk, ReceivedOn = Input.HeldOn, Text = talk.Raised!.Length > Opinion.TextMax ? talk.Raised[..Opinion.TextMax] : talk.Raised, Concerns = Input.Kind == TalkKind.Supervision ? "领导班子" : about });
        }

        await db.SaveChangesAsync(ct);
        TempData.Success(Input.AsOpinion ? "谈话已记录，所反映的意见已登记到意见汇总。" : "谈话已记录。");
        return RedirectToPage("/Talks/Index", new { campaignId = CampaignId });
    }

    private async Task<Guid?> PartnerAsync(CancellationToken ct)
    {
        var name = Input.PartnerName?.Trim() ?? "";
        if (name.Length > 0)
        {
            var path = await db.OrgUnits.Where(u => u.Id == Campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
            var found = await db.People.Where(p => p.Name == name && p.OrgUnit!.Path.StartsWith(path)).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
            return found.Count == 1 ? found[0] : null;
        }

        return Input.PartnerId is { } id && Cadres.Any(c => c.Id == id) ? id : null;
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(CancellationToken ct)
    {
        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsView, ct);
        Rights = await talks.RightsAsync(Campaign, ct);
        if (!Rights.Any)
        {
            throw new ForbiddenException();
        }

        Cadres = (await db.CadresAsync(Campaign, ct)).Select(c => new Option(c.Id, c.Name)).ToList();
        Supervisors = await db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == CampaignId && m.Group == CampaignGroup.Supervision)
            .OrderBy(m => m.CreatedAt).Select(m => new Option(m.PersonId, m.Person!.Name + "（" + m.Title + "）")).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("谈心谈话", $"/Talks?campaignId={CampaignId}"), new Breadcrumb("记录谈话"));
    }
}
