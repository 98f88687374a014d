using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// Where the QR code leads: the signed-in person confirms and is marked present. The code is checked on both
/// steps; only the account's own person is ever signed in.
/// </summary>
public sealed class SignInModel(StudyService study, CampaignAccess access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Code { get; set; }

    public string? SessionTitle { get; private set; }

    public string? Problem { get; private set; }

    public string? Result { get; private set; }

    public bool Ok { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (session, problem) = await study.ReadCodeAsync(Code, ct);
        (SessionTitle, Problem) = (session?.Title, problem);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var (session, problem) = await study.ReadCodeAsync(Code, ct);
        (SessionTitle, Problem) = (session?.Title, problem);
        if (session is not null)
        {
            (Ok, Result) = await study.SignInAsync(session, await access.PersonIdAsync(ct), ct);
        }
    }
}
