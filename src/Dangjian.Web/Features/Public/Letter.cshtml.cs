using Dangjian.Web.Features.Opinions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Public;

/// <summary>
/// 回复征求意见函: the addressee opens their own letter by its personal link (no sign-in; rate-limited) and answers once.
/// The link only opens that one letter for that one addressee.
/// </summary>
public sealed class LetterModel(LetterService letters) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public SolicitationLetter? Letter { get; private set; }

    public string? RecipientName { get; private set; }

    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    public List<string?> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        (Letter, var recipient, Problem) = await letters.ReadTokenAsync(Token, ct);
        RecipientName = recipient?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        (Letter, var recipient, Problem) = await letters.ReadTokenAsync(Token, ct);
        RecipientName = recipient?.Name;
        if (Problem is not null || Letter is null || recipient is null)
        {
            return Page();
        }

        Answers = Enumerable.Range(0, Letter.QuestionList.Count).Select(i => (string?)Request.Form[$"a-{i}"].ToString()).ToList();
        Problem = await letters.ReplyAsync(Letter, recipient, Answers, "网上", ct);
        Done = Problem is null;
        return Page();
    }
}
