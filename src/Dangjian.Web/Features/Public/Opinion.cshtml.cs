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
public sealed class OpinionModel(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    public const int MaxLength = 2000;

    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid CampaignId { get; set; }

    public string? CampaignTitle { get; private set; }

    [BindProperty]
    public BoxInput Input { get; set; } = new();

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    public string? TrackingCode { get; private set; }

    /// <summary>What the person writes; the honeypot and the signed form time stay apart (they are not the person's input).</summary>
    public sealed class BoxInput
    {
        [Required(ErrorMessage = "请填写意见（不超过2000字）。")]
        [StringLength(MaxLength, ErrorMessage = "请填写意见（不超过2000字）。")]
        [Display(Name = "意见和建议")]
        public string? Text { get; set; }

        [StringLength(Opinion.ConcernsMax)]
        [Display(Name = "反映对象")]
        public string? Concerns { get; set; }

        [StringLength(Opinion.SubmitterNameMax)]
        [Display(Name = "姓名")]
        public string? Name { get; set; }

        [StringLength(Opinion.SubmitterContactMax)]
        [Display(Name = "联系方式")]
        public string? Contact { get; set; }
    }

    private FormStamp Stamps => new(protection, clock, "public-opinion-form");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var human = Stamps.IsHuman(Stamp, Website);
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

        TrackingCode = Opinion.NewTrackingCode();
        db.Opinions.Add(new Opinion
        {
            CampaignId = CampaignId,
            Channel = Channel.PublicBox,
            ReceivedOn = ChinaTime.Today(clock),
            Text = Input.Text!.Trim(),
            Concerns = Input.Concerns.NullIfBlank(),
            SubmitterName = Input.Name.NullIfBlank(),
            SubmitterContact = Input.Contact.NullIfBlank(),
            TrackingHash = Opinion.HashCode(TrackingCode),
        });
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        CampaignTitle = await db.Campaigns.AsNoTracking().Where(c => c.Id == CampaignId && c.Status == CampaignStatus.Running).Select(c => c.Title).SingleOrDefaultAsync(ct);
        Stamp = Stamps.Issue();
    }
}
