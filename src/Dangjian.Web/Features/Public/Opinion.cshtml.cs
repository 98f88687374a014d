using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 网上意见箱: anyone, without signing in, leaves an opinion for a running campaign (from the QR poster). Bots are held
/// off without third-party services — a hidden field people never fill and a signed form time (too fast or too old is
/// refused) — and the folder's rate limit. Nothing identifying is kept except what the person chooses to give; they
/// get a tracking code to read the reply later.
/// </summary>
public sealed class OpinionModel(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : PublicFormPage(protection, clock, "public-opinion-form")
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid CampaignId { get; set; }

    public string? CampaignTitle { get; private set; }

    [BindProperty]
    public BoxInput Input { get; set; } = new();

    /// <summary>What the person writes, and whom it concerns; the honeypot and the signed form time stay apart (they are not the person's input).</summary>
    public sealed class BoxInput : PublicCommentInput
    {
        [StringLength(Opinion.ConcernsMax)]
        [Display(Name = "反映对象")]
        public string? Concerns { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var human = PostedByHuman();
        await LoadAsync(ct);
        if (CampaignTitle is null)
        {
            return Page();
        }

        if (!human)
        {
            ModelState.Clear(); // a refused form says only that, whatever was typed
            ModelState.AddModelError("", "提交未被接收：页面已过期或提交过快，请刷新页面后重新填写。");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (opinion, code) = Input.ToOpinion(CampaignId, Channel.PublicBox, ChinaTime.Today(Clock), Input.Concerns);
        db.Opinions.Add(opinion);
        TrackingCode = code;
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CampaignTitle = await db.Campaigns.AsNoTracking().Where(c => c.Id == CampaignId && c.Status == CampaignStatus.Running).Select(c => c.Title).SingleOrDefaultAsync(ct);
        Reissue();
    }
}
