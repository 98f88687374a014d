using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// 我的测评票: where a signed-in voter's notification and home-page to-do lead. The server works out the voter's code
/// here and hands it to the anonymous ballot in a form field, so no stored link, URL or log line holds a code. Anyone
/// signed in may ask; only a person with a voting right of this appraisal gets one.
/// </summary>
public sealed class VoteModel(AppDbContext db, AppraisalService service, CurrentUser current) : PageModel
{
    public Appraisal? Appraisal { get; private set; }

    public string? Token { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var person = await current.GetPersonIdAsync(ct);
        Appraisal = await db.Appraisals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var voter = Appraisal is null || person is null ? null
            : await db.AppraisalVoters.AsNoTracking().Where(v => v.AppraisalId == id && v.PersonId == person).Select(v => new { v.Id, v.Used }).FirstOrDefaultAsync(ct);
        if (Appraisal is null || voter is null)
        {
            return NotFound();
        }

        if (voter.Used)
        {
            Problem = "您已经投过票，每人只能投一次。";
        }
        else if (AppraisalService.IsClosed(Appraisal, service.Now))
        {
            Problem = "测评已结束，不能再投票。";
        }
        else
        {
            Token = await service.TokenForAsync(Appraisal, voter.Id, ct);
        }

        ViewData.Trail(new Breadcrumb("民主测评", "/Appraisal"), new Breadcrumb(Appraisal.Title));
        return Page();
    }
}
