using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Letters;

/// <summary>征求意见函: letters with 发出/收回/逾期, and sending a new one (recipients one per line).</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, LetterService letters, CampaignAccess campaignAccess, ListeningAccess listening, MilestoneFollower milestones) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    /// <param name="Backfilled">补录: entered after the day it went out (an office adopting the product mid-campaign).</param>
    public sealed record Row(Guid Id, string Title, DateOnly SentOn, DateOnly DueOn, int Sent, int Returned, bool Backfilled);

    public List<Row> Letters { get; private set; } = [];

    public List<Option> Campaigns { get; private set; } = [];

    public DateOnly Today => letters.Today;

    [BindProperty]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public string Title { get; set; } = "征求意见函";

    [BindProperty]
    public string Body { get; set; } = "为深入开展党的群众路线教育实践活动，广泛听取各方面对我局领导班子和领导干部在“四风”方面存在问题的意见建议，特致函征求您的意见。请于截止日期前回复，谢谢！";

    [BindProperty]
    public string Questions { get; set; } = "对局领导班子作风建设的总体评价和意见\n局领导班子和领导干部在形式主义、官僚主义、享乐主义和奢靡之风方面存在的突出问题\n对改进作风、提高服务水平的意见和建议";

    [BindProperty]
    public DateOnly DueOn { get; set; }

    /// <summary>发出日期: blank for today; an earlier day of the campaign when the office enters a letter sent before (补录).</summary>
    [BindProperty]
    public DateOnly? SentOn { get; set; }

    [BindProperty]
    public string? Recipients { get; set; }

    public List<string> Repeated { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DueOn = Today.AddDays(10);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(bool confirmRepeat, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CampaignId is null || Campaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == CampaignId, ct);
        if (!await campaignAccess.RunsAsync(campaign, Permissions.CampaignsEdit, ct))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200 || string.IsNullOrWhiteSpace(Body) || Body.Length > 10000)
        {
            ModelState.AddModelError(nameof(Title), "请填写标题（不超过200字）和正文（不超过1万字）。");
        }

        var questions = (Questions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (questions.Length is 0 or > 20 || questions.Any(q => q.Length > 200))
        {
            ModelState.AddModelError(nameof(Questions), "请填写1到20个征求的问题，每行一个，每个不超过200字。");
        }

        var sentOn = SentOn ?? Today;
        if (sentOn > Today || sentOn < campaign.StartsOn)
        {
            ModelState.AddModelError(nameof(SentOn), $"发出日期不能晚于今天，也不能早于活动开始（{ChinaTime.DateText(campaign.StartsOn)}）。");
        }
        else if (sentOn == Today && (DueOn <= Today || DueOn > campaign.EndsOn))
        {
            ModelState.AddModelError(nameof(DueOn), "回复截止日期须晚于今天，且在活动结束之前。");
        }
        else if (DueOn <= sentOn || DueOn > campaign.EndsOn)
        {
            ModelState.AddModelError(nameof(DueOn), "回复截止日期须晚于发出日期，且在活动结束之前。");
        }

        var (recipients, problem) = LetterService.Parse(Recipients);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Recipients), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Repeated = await letters.RepeatedAsync(campaign.Id, null, sentOn, recipients!.Select(r => r.Name).ToList(), ct);
        if (Repeated.Count > 0 && !confirmRepeat)
        {
            ModelState.AddModelError(nameof(Recipients), $"以下{Repeated.Count}个对象30天内已收到本活动的征求意见函，请避免“一窝蜂”重复征求：{string.Join("、", Repeated.Take(10))}{(Repeated.Count > 10 ? "等" : "")}。确需再次征求，请勾选确认后发出。");
            return Page();
        }

        var letter = new SolicitationLetter { CampaignId = campaign.Id, Title = Title.Trim(), Body = Body.Trim(), Questions = string.Join('\n', questions), SentOn = sentOn, DueOn = DueOn, TokenSecret = SolicitationLetter.NewSecret() };
        db.SolicitationLetters.Add(letter);
        await letters.AddRecipientsAsync(letter, recipients!, ct);
        if (sentOn < Today)
        {
            db.Audit("backfill", nameof(SolicitationLetter), letter.Id.ToString(), $"补录征求意见函“{letter.Title}”，发出日期{ChinaTime.DateText(sentOn)}");
        }

        await db.SaveChangesAsync(ct);
        await milestones.SyncAsync(campaign.Id, ct);
        TempData.Success(sentOn < Today
            ? $"已补录{ChinaTime.DateText(sentOn)}发出的征求意见函（{recipients!.Count}个对象）。收回的函件可在函件页面逐份登记。"
            : $"已向{recipients!.Count}个对象发出征求意见函。可打印带二维码的函件寄送。");
        return RedirectToPage("/Opinions/Letters/Details", new { id = letter.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("征求意见函"));
        var scope = await guard.ScopeAsync(ct);
        var visible = await listening.CampaignIdsAsync(null, ct);
        Letters = await db.SolicitationLetters.AsNoTracking().Where(l => visible.Contains(l.CampaignId)).OrderByDescending(l => l.SentOn).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Title, l.SentOn, l.DueOn, l.CreatedAt, Sent = db.LetterRecipients.Count(r => r.LetterId == l.Id), Returned = db.LetterRecipients.Count(r => r.LetterId == l.Id && r.ReturnedAt != null) })
            .Take(200).ToListAsync(ct)
            is var rows ? rows.Select(l => new Row(l.Id, l.Title, l.SentOn, l.DueOn, l.Sent, l.Returned, l.SentOn < DateOnly.FromDateTime(ChinaTime.ToLocal(l.CreatedAt)))).ToList() : [];
        if (User.Can(Permissions.CampaignsEdit))
        {
            Campaigns = await db.Campaigns.AsNoTracking().InScope(scope, c => c.ScopeUnit!.Path).Where(c => c.Status == CampaignStatus.Running)
                .OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
            CampaignId ??= Campaigns.FirstOrDefault()?.Id;
        }
    }
}
