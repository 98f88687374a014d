using Dangjian.Web.Features.Opinions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 回复征求意见函: the addressee opens their own letter with its reply code (no sign-in; rate-limited) and answers once.
/// The code arrives in a form field — typed from the printed letter, or read by this page's script from the QR link's
/// <c>#t=</c> fragment (which browsers never send) — so it stays out of URLs, proxy logs and browser history; <c>?t=</c>
/// still works for letters printed before. A code only opens that one letter for that one addressee.
/// </summary>
public sealed class LetterModel(LetterService letters) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public SolicitationLetter? Letter { get; private set; }

    public string? RecipientName { get; private set; }

    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    /// <summary>The code cannot be used (unknown or already answered): nothing to fill in.</summary>
    public bool Refused { get; private set; }

    public List<string?> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Token is not null)
        {
            await LoadAsync(ct);
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>Opens the letter of a code posted from the code form or a QR link's fragment.</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var recipient = await LoadAsync(ct);
        if (Refused || Letter is null || recipient is null)
        {
            return Page();
        }

        Answers = Enumerable.Range(0, Letter.QuestionList.Count).Select(i => (string?)Request.Form[$"a-{i}"].ToString()).ToList();
        Problem = await letters.ReplyAsync(Letter, recipient, Answers, "网上", ct);
        Done = Problem is null;
        return Page();
    }

    private async Task<LetterRecipient?> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        (Letter, var recipient, Problem) = await letters.ReadTokenAsync(Token, ct);
        RecipientName = recipient?.Name;
        Refused = Problem is not null;
        return recipient;
    }
}
