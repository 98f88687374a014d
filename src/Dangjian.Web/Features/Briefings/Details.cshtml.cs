using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Briefings;

/// <summary>
/// One issue: its text (the newest version of its 简报 document, or the approved one for readers of the column), the
/// approval state, 报送上级 and 发布 once approved, Word export, and deleting the newest unapproved issue (so the
/// numbering never has a gap).
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, BriefingAccess access, TimeProvider clock) : PageModel
{
    public Briefing Briefing { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public BriefingAccess.Rights Rights { get; private set; } = new(false, false);

    public string Body { get; private set; } = "";

    public bool IsNewest { get; private set; }

    public bool Approved => Briefing.Document!.Status == DocumentStatus.Approved;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var b = Briefing;
        var date = b.PublishedAt is { } p ? DateOnly.FromDateTime(ChinaTime.ToLocal(p)) : ChinaTime.Today(clock);
        var content = DocxWriter.Write($"{Campaign.Title}简报", [$"第{b.Number}期", $"活动领导小组办公室　　{ChinaTime.LongDate(date)}"], [new DocxWriter.Section(b.Title, Body)]);
        return File(content, DocxWriter.DocxType, $"简报第{b.Number}期.docx");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, DateOnly? sentOn, string? sentTo, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        if (!Approved)
        {
            TempData.Error("简报经督导组审核通过后才能报送上级。");
            return RedirectToPage(new { id });
        }

        // An office adopting the product mid-campaign records briefings sent up before it was entered (补录): any day of
        // the campaign up to today.
        var today = ChinaTime.Today(clock);
        var startsOn = await db.Campaigns.Where(c => c.Id == Briefing.CampaignId).Select(c => c.StartsOn).SingleAsync(ct);
        if (sentOn is not { } on || on > today || on < startsOn || string.IsNullOrWhiteSpace(sentTo) || sentTo.Trim().Length > 100)
        {
            TempData.Error($"请填写报送日期（活动开始{ChinaTime.DateText(startsOn)}之后、不晚于今天）和报送单位（不超过100字）。");
            return RedirectToPage(new { id });
        }

        var briefing = await db.Briefings.SingleAsync(x => x.Id == id, ct);
        (briefing.SentOn, briefing.SentTo) = (on, sentTo.Trim());
        if (on < DateOnly.FromDateTime(ChinaTime.ToLocal(briefing.CreatedAt)))
        {
            db.Audit("backfill", nameof(Briefing), briefing.Id.ToString(), $"补录简报第{briefing.Number}期的报送：{ChinaTime.DateText(on)}报送{briefing.SentTo}");
        }

        await db.SaveChangesAsync(ct);
        TempData.Success("已记录报送情况。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        if (publish && !Approved)
        {
            TempData.Error("简报经督导组审核通过后才能在活动专栏发布。");
            return RedirectToPage(new { id });
        }

        var briefing = await db.Briefings.SingleAsync(x => x.Id == id, ct);
        briefing.PublishedAt = publish ? briefing.PublishedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        TempData.Success(publish ? "已在活动专栏发布。" : "已从活动专栏撤下。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        RequireManage();
        if (!IsNewest || Briefing.Document!.Status is DocumentStatus.Approved or DocumentStatus.Submitted)
        {
            TempData.Error("只能删除最新一期、且未提交审核的简报，以免期号出现空缺。");
            return RedirectToPage(new { id });
        }

        db.Briefings.Remove(await db.Briefings.SingleAsync(x => x.Id == id, ct));
        db.ApprovalDocuments.Remove(await db.ApprovalDocuments.SingleAsync(d => d.Id == Briefing.DocumentId, ct));
        await db.SaveChangesAsync(ct);
        TempData.Success($"第{Briefing.Number}期已删除，下一期仍从第{Briefing.Number}期编起。");
        return RedirectToPage("/Briefings/Index", new { campaignId = Briefing.CampaignId });
    }

    private void RequireManage()
    {
        if (!Rights.Manage)
        {
            throw new ForbiddenException();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Briefing, Campaign, Rights) = await access.FindAsync(id, ct);
        var versions = db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == Briefing.DocumentId);

        // Readers of the column see the approved text; the office and the supervision group the newest.
        Body = await (Rights.ReadDrafts ? versions : versions.Where(v => v.Decision == DocumentStatus.Approved))
            .OrderByDescending(v => v.Number).Select(v => v.Body).FirstOrDefaultAsync(ct) ?? "";
        IsNewest = !await db.Briefings.AnyAsync(b => b.CampaignId == Briefing.CampaignId && b.Number > Briefing.Number, ct);
        ViewData.Trail(new Breadcrumb("简报", $"/Briefings?campaignId={Briefing.CampaignId}"), new Breadcrumb($"第{Briefing.Number}期"));
    }
}
