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
public sealed class ConsultationModel(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock) : PublicFormPage(protection, clock, "public-consultation-form")
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Opinions.Consultation? Document { get; private set; }

    public string? CampaignTitle { get; private set; }

    public bool Open { get; private set; }

    [BindProperty]
    public PublicCommentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var human = PostedByHuman();
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

        var (opinion, code) = Input.ToOpinion(Document!.CampaignId, Channel.OnlineConsultation, ChinaTime.Today(Clock), Document.Title, Document.Id);
        db.Opinions.Add(opinion);
        TrackingCode = code;
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(Clock);
        var found = await db.Consultations.AsNoTracking()
            .Where(x => x.Id == Id && x.PublishedAt != null && x.OpensOn <= today && db.Campaigns.Any(c => c.Id == x.CampaignId && c.Status == Campaigns.CampaignStatus.Running))
            .Select(x => new { Document = x, Campaign = db.Campaigns.Where(c => c.Id == x.CampaignId).Select(c => c.Title).Single() })
            .SingleOrDefaultAsync(ct);
        (Document, CampaignTitle) = (found?.Document, found?.Campaign);
        Open = Document?.TakesComments(today) == true;
        Reissue();
        ViewData["Wide"] = true;
    }
}
