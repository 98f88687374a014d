using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// Where the QR code leads: the page names the session (title, time, place); the signed-in person confirms with one tap
/// and is marked present. Someone not signed in is sent to the sign-in page and comes back here (returnUrl). The code
/// is checked on both steps, the sign-in is accepted only inside the session's window (<see cref="StudyOptions"/>), and
/// only the account's own person is ever signed in.
/// </summary>
public sealed class SignInModel(StudyService study, CampaignAccess access, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Code { get; set; }

    public StudySession? Session { get; private set; }

    /// <summary>The person this account signs in (so a shared phone shows whose sign-in it is).</summary>
    public string? PersonName { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Why the sign-in is not open now (too early, too late); nothing can be confirmed then.</summary>
    public string? Closed { get; private set; }

    /// <summary>When this person already signed in to the session (no second tap needed).</summary>
    public DateTime? SignedInAt { get; private set; }

    public string? Result { get; private set; }

    public bool Ok { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not { } person)
        {
            return;
        }

        SignedInAt = await db.SessionAttendees.AsNoTracking()
            .Where(a => a.SessionId == Session!.Id && a.PersonId == person && a.Status == AttendanceStatus.Present)
            .Select(a => a.SignedInAt).SingleOrDefaultAsync(ct);
        Closed = SignedInAt is null ? study.OutsideWindow(Session!) : null;
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        if (Session is not null)
        {
            (Ok, Result) = await study.SignInAsync(Session, await access.PersonIdAsync(ct), ct);
        }
    }

    private async Task<Guid?> ReadAsync(CancellationToken ct)
    {
        (Session, Problem) = await study.ReadCodeAsync(Code, ct);
        if (Session is null || await access.PersonIdAsync(ct) is not { } person)
        {
            return null;
        }

        PersonName = await db.People.AsNoTracking().Where(p => p.Id == person).Select(p => p.Name).SingleOrDefaultAsync(ct);
        return person;
    }
}
