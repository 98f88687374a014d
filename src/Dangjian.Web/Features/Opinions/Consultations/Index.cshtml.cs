using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Consultations;

/// <summary>
/// 网上征求意见 for the office: the plans and reports of a campaign put (or to be put) on the public site, each with its
/// dates, state, public link and the comments received; publishing, taking down and deleting a draft.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class IndexModel(AppDbContext db, ListeningAccess listening, CampaignAccess access, TimeProvider clock) : CampaignPageModel
{
    public sealed record Row(Guid Id, string Title, DateOnly OpensOn, DateOnly ClosesOn, DateTime? PublishedAt, int Comments);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Manage { get; private set; }

    public DateOnly Today { get; private set; }

    public Paged<Row> Documents { get; private set; } = new([], 0, 1, 20);

    public string PublicUrl(Guid id) => $"{Request.Scheme}://{Request.Host}/Public/Consultation?id={id}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("网上征求意见"));
        if (await ChooseAsync(listening.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        Today = ChinaTime.Today(clock);
        Manage = await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        Documents = await db.Consultations.AsNoTracking().Where(x => x.CampaignId == campaign.Id).OrderByDescending(x => x.OpensOn).ThenByDescending(x => x.CreatedAt)
            .Select(x => new Row(x.Id, x.Title, x.OpensOn, x.ClosesOn, x.PublishedAt, db.Opinions.Count(o => o.ConsultationId == x.Id)))
            .ToPageAsync(PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var (document, campaign) = await ManagedAsync(id, ct);
        if (campaign.Status != CampaignStatus.Running)
        {
            TempData.Error("活动不在进行中，不能公开征求意见。");
        }
        else if (document.ClosesOn < ChinaTime.Today(clock))
        {
            TempData.Error($"征求意见截止日期（{document.ClosesOn:yyyy-MM-dd}）已过，请先修改截止日期再公开。");
        }
        else
        {
            document.PublishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            TempData.Success($"“{document.Title}”已在网上公开，{(document.OpensOn > ChinaTime.Today(clock) ? $"{document.OpensOn:M月d日}起" : "即日起")}接受意见。");
        }

        return RedirectToPage(new { campaignId = campaign.Id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var (document, campaign) = await ManagedAsync(id, ct);
        document.PublishedAt = null;
        await db.SaveChangesAsync(ct);
        TempData.Success($"“{document.Title}”已从网上撤下，已收到的意见仍在意见汇总中。");
        return RedirectToPage(new { campaignId = campaign.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var (document, campaign) = await ManagedAsync(id, ct);
        if (document.PublishedAt is not null || await db.Opinions.AnyAsync(o => o.ConsultationId == id, ct))
        {
            TempData.Error("已公开或已收到意见的文稿不能删除；可以撤下。");
            return RedirectToPage(new { campaignId = campaign.Id });
        }

        db.Consultations.Remove(document);
        await db.SaveChangesAsync(ct);
        TempData.Success($"草稿“{document.Title}”已删除。");
        return RedirectToPage(new { campaignId = campaign.Id });
    }

    private async Task<(Consultation Document, Campaign Campaign)> ManagedAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Consultations.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var campaign = await access.FindAsync(document.CampaignId, Permissions.CampaignsEdit, ct);
        if (!await access.RunsAsync(campaign, Permissions.CampaignsEdit, ct))
        {
            throw new ForbiddenException();
        }

        return (document, campaign);
    }
}
