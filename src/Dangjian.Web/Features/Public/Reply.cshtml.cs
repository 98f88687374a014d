using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Public;

/// <summary>查看答复: the submitter's own opinion and its reply, found by the tracking code only; nothing else is shown.</summary>
public sealed class ReplyModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Opinion? Opinion { get; private set; }

    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (!string.IsNullOrWhiteSpace(Code))
        {
            var hash = Opinion.HashCode(Code);
            Opinion = Code.Trim().Length <= 20 ? await db.Opinions.AsNoTracking().SingleOrDefaultAsync(o => o.TrackingHash == hash, ct) : null;
            Missing = Opinion is null;
        }

        return Page();
    }
}
