using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 网上征求意见, the public side: the plan or report as published, and — while it takes comments — a form anyone fills in
/// without signing in. A comment becomes an opinion of the channel 网上征求意见 linked to the document, kept verbatim,
/// with only what the person chose to give and a tracking code for the reply. Bots are held off as on the opinion box.
/// </summary>
public sealed class ConsultationModel(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Opinions.Consultation? Document { get; private set; }

    public string? CampaignTitle { get; private set; }

    public bool Open { get; private set; }

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    public string? TrackingCode { get; private set; }

    public sealed class CommentInput
    {
        [Required(ErrorMessage = "请填写意见（不超过2000字）。")]
        [StringLength(OpinionModel.MaxLength, ErrorMessage = "请填写意见（不超过2000字）。")]
        [Display(Name = "意见和建议")]
        public string? Text { get; set; }

        [StringLength(Opinion.SubmitterNameMax, ErrorMessage = "姓名不超过50字。")]
        [Display(Name = "姓名")]
        public string? Name { get; set; }

        [StringLength(Opinion.SubmitterContactMax, ErrorMessage = "联系方式不超过100字。")]
        [Display(Name = "联系方式")]
        public string? Contact { get; set; }
    }

    private FormStamp Stamps => new(protection, clock, "public-consultation-form");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var human = Stamps.IsHuman(Stamp, Website);
        await LoadAsync(ct);
        if (!Open)
        {
            ModelState.Clear();
            ModelState.AddModelError("", Document is null ? "该文稿不存在或已撤下。" : "本次征求意见已结束，意见未能提交。");
            return Page();
        }

        if (!human)
        {
            ModelState.Clear();
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
            CampaignId = Document!.CampaignId,
            Channel = Channel.OnlineConsultation,
            ConsultationId = Document.Id,
            ReceivedOn = ChinaTime.Today(clock),
            Text = Input.Text!.Trim(),
            Concerns = Document.Title.Length > Opinion.ConcernsMax ? Document.Title[..Opinion.ConcernsMax] : Document.Title,
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
        var today = ChinaTime.Today(clock);
        var found = await db.Consultations.AsNoTracking()
            .Where(x => x.Id == Id && x.PublishedAt != null && x.OpensOn <= today && db.Campaigns.Any(c => c.Id == x.CampaignId && c.Status == Campaigns.CampaignStatus.Running))
            .Select(x => new { Document = x, Campaign = db.Campaigns.Where(c => c.Id == x.CampaignId).Select(c => c.Title).Single() })
            .SingleOrDefaultAsync(ct);
        (Document, CampaignTitle) = (found?.Document, found?.Campaign);
        Open = Document?.TakesComments(today) == true;
        Stamp = Stamps.Issue();
        ViewData["Wide"] = true;
    }
}
