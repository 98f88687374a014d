using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions.Forums;

/// <summary>One forum: its record and the opinions raised there, which the office enters one by one, verbatim.</summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class DetailsModel(AppDbContext db, CampaignAccess campaigns, ListeningAccess listening) : PageModel
{
    public Forum Forum { get; private set; } = null!;

    public string Host { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public List<Opinion> Opinions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpinionAsync(Guid id, string? text, string? concerns, Nature? nature, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 4000 || (concerns?.Length ?? 0) > 100 || (nature is { } n && !Enum.IsDefined(n)))
        {
            TempData.Error("请照原文录入意见（不超过4000字），反映对象不超过100字。");
            return RedirectToPage(new { id });
        }

        db.Opinions.Add(new Opinion { CampaignId = Forum.CampaignId, ForumId = id, Channel = Channel.Forum, ReceivedOn = Forum.HeldOn, Text = text, Concerns = concerns.NullIfBlank(), Nature = nature });
        await db.SaveChangesAsync(ct);
        TempData.Success("意见已登记。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Forums.AsNoTracking().Where(f => f.Id == id).Select(f => new { Forum = f, f.HostPerson!.Name }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Forum, Host) = (found.Forum, found.Name);
        var campaign = await campaigns.FindAsync(Forum.CampaignId, Permissions.CampaignsView, ct);
        await listening.RequireAsync(campaign.Id, ct);
        CanEdit = await campaigns.RunsAsync(campaign, Permissions.CampaignsEdit, ct);
        Opinions = await db.Opinions.AsNoTracking().Where(o => o.ForumId == id).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("座谈会", "/Opinions/Forums"), new Breadcrumb(Forum.Title));
    }
}
