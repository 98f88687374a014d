using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Letters;

/// <summary>One letter: every recipient with 已回复/未回复/逾期, paper replies entered by the office, reminders, printing.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess campaigns, ListeningAccess listening, LetterService letters) : PageModel
{
    public SolicitationLetter Letter { get; private set; } = null!;

    public List<LetterRecipient> Recipients { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public DateOnly Today => letters.Today;

    public int Returned => Recipients.Count(r => r.ReturnedAt is not null);

    public int Overdue => Today > Letter.DueOn ? Recipients.Count(r => r.ReturnedAt is null) : 0;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPaperAsync(Guid id, Guid recipientId, string? text, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var recipient = await db.LetterRecipients.SingleOrDefaultAsync(r => r.Id == recipientId && r.LetterId == id, ct) ?? throw new NotFoundException();
        var letter = await db.SolicitationLetters.SingleAsync(l => l.Id == id, ct);
        if (await letters.ReplyAsync(letter, recipient, [text], "纸质", ct) is { } problem)
        {
            TempData.Error(problem);
        }
        else
        {
            TempData.Success($"已登记{recipient.Name}的书面回复。");
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var count = await letters.RemindAsync(await db.SolicitationLetters.SingleAsync(l => l.Id == id, ct), ct);
        TempData.Success(count == 0 ? "没有逾期未回复的对象。" : $"已标记{count}个逾期对象为已催办，请电话或重新寄送函件。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Letter = await db.SolicitationLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await campaigns.FindAsync(Letter.CampaignId, Permissions.CampaignsView, ct);
        await listening.RequireAsync(campaign.Id, ct);
        CanEdit = await campaigns.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        Recipients = await db.LetterRecipients.AsNoTracking().Where(r => r.LetterId == id).OrderBy(r => r.ReturnedAt != null).ThenBy(r => r.Name).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("征求意见函", "/Opinions/Letters"), new Breadcrumb(Letter.Title));
    }
}
