using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 不记名测评票: opened with a one-time code, no sign-in needed (rate-limited like every public page). The code arrives in a
/// form field — typed from a slip, read by this page's script from a QR slip's <c>#t=</c> fragment (which browsers never
/// send), or handed over by 我的测评票 — so it stays out of URLs, proxy logs and browser history; <c>?t=</c> still works
/// for links made before. It shows nothing about other ballots; after voting it only says the ballot was received.
/// </summary>
public sealed class BallotModel(AppDbContext db, AppraisalService service) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public Appraisal? Appraisal { get; private set; }

    public List<AppraisalTarget> Targets { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    /// <summary>The code cannot be used (unknown, used, not yet open, closed): nothing to fill in.</summary>
    public bool Refused { get; private set; }

    public Dictionary<int, string?> Chosen { get; private set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (Token is not null)
        {
            await LoadAsync(ct);
        }

        return Page();
    }

    /// <summary>Opens the ballot of a code posted from the code form, a QR slip's fragment or 我的测评票.</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Refused)
        {
            return Page();
        }

        Chosen = Request.Form.Keys.Where(k => k.StartsWith("g-", StringComparison.Ordinal))
            .ToDictionary(k => int.TryParse(k[2..], out var order) ? order : -1, k => (string?)Request.Form[k].ToString());
        Problem = await service.VoteAsync(Token, Chosen, Comment, ct);
        Done = Problem is null;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        (Appraisal, _, Problem) = await service.ReadTokenAsync(Token, ct);
        Refused = Problem is not null;
        if (Appraisal is not null && !Refused)
        {
            Targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == Appraisal.Id).OrderBy(t => t.Order).ToListAsync(ct);
        }
    }
}
