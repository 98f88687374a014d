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
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public Channel Channel { get; set; } = Channel.Letter;

    [BindProperty]
    public DateOnly ReceivedOn { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Concerns { get; set; }

    [BindProperty]
    public Nature? Nature { get; set; }

    [BindProperty]
    public Topic? Topic { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public Opinion? Existing { get; private set; }

    public List<Option> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ReceivedOn = ChinaTime.Today(clock);
        if (Existing is { } o)
        {
            (CampaignId, Channel, ReceivedOn, Concerns, Nature, Topic, Note, Reply, LoadedVersion) = (o.CampaignId, o.Channel, o.ReceivedOn, o.Concerns, o.Nature, o.Topic, o.Note, o.Reply, o.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if ((Concerns?.Length ?? 0) > 100 || (Note?.Length ?? 0) > 4000 || (Reply?.Length ?? 0) > 4000)
        {
            ModelState.AddModelError(nameof(Note), "反映对象不超过100字，备注和答复不超过4000字。");
        }

        if ((Nature is { } n && !Enum.IsDefined(n)) || (Topic is { } t && !Enum.IsDefined(t)))
        {
            ModelState.AddModelError(nameof(Nature), "请选择有效的性质和类别。");
        }

        Opinion opinion;
        if (Existing is { } existing)
        {
            db.ExpectVersion(existing, LoadedVersion);
            opinion = existing;
        }
        else
        {
            if (CampaignId is null || Campaigns.All(c => c.Id != CampaignId))
            {
                ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            }

            if (!Enum.IsDefined(Channel) || Channel == Channel.PublicBox)
            {
                ModelState.AddModelError(nameof(Channel), "请选择收到意见的渠道。");
            }

            if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > 4000)
            {
                ModelState.AddModelError(nameof(Text), "请照原文录入意见（不超过4000字）。");
            }

            if (ReceivedOn == default || ReceivedOn > ChinaTime.Today(clock))
            {
                ModelState.AddModelError(nameof(ReceivedOn), "请填写收到日期（不能晚于今天）。");
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            opinion = new Opinion { CampaignId = CampaignId!.Value, Channel = Channel, ReceivedOn = ReceivedOn, Text = Text!.Trim() };
            db.Opinions.Add(opinion);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        opinion.Concerns = Concerns.NullIfBlank();
        (opinion.Nature, opinion.Topic) = (Nature, Topic);
        opinion.Note = Note.NullIfBlank();
        var reply = Reply.NullIfBlank();
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

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("意见汇总", "/Opinions"), new Breadcrumb(Id is null ? "登记意见" : "分类与答复"));
        var scope = await guard.ScopeAsync(ct);
        Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
        CampaignId ??= Campaigns.FirstOrDefault()?.Id;
        if (Id is { } id)
        {
            var ids = Campaigns.Select(c => c.Id).ToList();
            Existing = await db.Opinions.SingleOrDefaultAsync(o => o.Id == id && ids.Contains(o.CampaignId), ct) ?? throw new NotFoundException();
        }
    }
}
