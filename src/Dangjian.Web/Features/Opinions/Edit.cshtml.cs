using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// 登记意见 (a letter, a call, the box on the wall, a forum…) or, for an existing one, its classification, notes and
/// reply. The original text is entered once and never changes; corrections go in the note.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public OpinionInput Input { get; set; } = new();

    public Opinion? Existing { get; private set; }

    public List<Option> Campaigns { get; private set; } = [];

    public sealed class OpinionInput
    {
        [Display(Name = "活动")]
        public Guid? CampaignId { get; set; }

        [Display(Name = "渠道")]
        public Channel Channel { get; set; } = Channel.Letter;

        [Display(Name = "收到日期")]
        public DateOnly ReceivedOn { get; set; }

        /// <summary>The original text, entered once (required for a new opinion, ignored afterwards).</summary>
        [StringLength(Opinion.TextMax, ErrorMessage = "请照原文录入意见（不超过4000字）。")]
        [Display(Name = "意见原文")]
        public string? Text { get; set; }

        [StringLength(Opinion.ConcernsMax)]
        [Display(Name = "反映对象")]
        public string? Concerns { get; set; }

        [Display(Name = "性质")]
        public Nature? Nature { get; set; }

        [Display(Name = "类别")]
        public Topic? Topic { get; set; }

        [StringLength(Opinion.NoteMax)]
        [Display(Name = "办公室备注")]
        public string? Note { get; set; }

        [StringLength(Opinion.ReplyMax)]
        [Display(Name = "答复")]
        public string? Reply { get; set; }

        public Guid Version { get; set; }

        public static OpinionInput From(Opinion o) => new()
        {
            CampaignId = o.CampaignId, Channel = o.Channel, ReceivedOn = o.ReceivedOn, Concerns = o.Concerns, Nature = o.Nature, Topic = o.Topic, Note = o.Note,
            Reply = o.Reply, Version = o.Version,
        };
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ReceivedOn = ChinaTime.Today(clock);
        if (Existing is { } o)
        {
            Input = OpinionInput.From(o);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if ((Input.Nature is { } n && !Enum.IsDefined(n)) || (Input.Topic is { } t && !Enum.IsDefined(t)))
        {
            ModelState.AddModelError(Field(nameof(OpinionInput.Nature)), "请选择有效的性质和类别。");
        }

        Opinion opinion;
        if (Existing is { } existing)
        {
            db.ExpectVersion(existing, Input.Version);
            opinion = existing;
        }
        else
        {
            if (Input.CampaignId is null || Campaigns.All(c => c.Id != Input.CampaignId))
            {
                ModelState.AddModelError(Field(nameof(OpinionInput.CampaignId)), "请选择活动。");
            }

            if (!Enum.IsDefined(Input.Channel) || Input.Channel is Channel.PublicBox or Channel.OnlineConsultation)
            {
                ModelState.AddModelError(Field(nameof(OpinionInput.Channel)), "请选择收到意见的渠道。");
            }

            if (string.IsNullOrWhiteSpace(Input.Text))
            {
                ModelState.AddModelError(Field(nameof(OpinionInput.Text)), "请照原文录入意见（不超过4000字）。");
            }

            if (Input.ReceivedOn == default || Input.ReceivedOn > ChinaTime.Today(clock))
            {
                ModelState.AddModelError(Field(nameof(OpinionInput.ReceivedOn)), "请填写收到日期（不能晚于今天）。");
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            opinion = new Opinion { CampaignId = Input.CampaignId!.Value, Channel = Input.Channel, ReceivedOn = Input.ReceivedOn, Text = Input.Text!.Trim() };
            db.Opinions.Add(opinion);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        opinion.Concerns = Input.Concerns.NullIfBlank();
        (opinion.Nature, opinion.Topic) = (Input.Nature, Input.Topic);
        opinion.Note = Input.Note.NullIfBlank();
        var reply = Input.Reply.NullIfBlank();
        if (reply != opinion.Reply)
        {
            (opinion.Reply, opinion.RepliedAt) = (reply, reply is null ? null : clock.GetUtcNow().UtcDateTime);
        }

        if (!await db.SaveOrReportConflictAsync(ModelState, "该意见", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? "意见已登记。" : "已保存。");
        return RedirectToPage("/Opinions/Index");
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("意见汇总", "/Opinions"), new Breadcrumb(Id is null ? "登记意见" : "分类与答复"));
        var scope = await guard.ScopeAsync(ct);
        Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
        Input.CampaignId ??= Campaigns.FirstOrDefault()?.Id;
        if (Id is { } id)
        {
            var ids = Campaigns.Select(c => c.Id).ToList();
            Existing = await db.Opinions.SingleOrDefaultAsync(o => o.Id == id && ids.Contains(o.CampaignId), ct) ?? throw new NotFoundException();
        }
    }
}
