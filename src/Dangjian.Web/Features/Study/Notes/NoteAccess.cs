using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Notes;

/// <summary>
/// Who may read a note: its author; the office (study editors) when the author is in their scope; everyone in the
/// campaign once it is exhibited. Anyone else gets a 404.
/// </summary>
public sealed class NoteAccess(AppDbContext db, ScopeGuard guard, CampaignAccess campaigns, CurrentUser me)
{
    public async Task<(StudyNote Note, bool IsAuthor, bool CanCheck)> FindAsync(Guid id, CancellationToken ct = default)
    {
        var found = await db.StudyNotes.Where(n => n.Id == id).Select(n => new { Note = n, n.Person!.OrgUnit!.Path }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var person = await campaigns.PersonIdAsync(ct);
        var isAuthor = found.Note.PersonId == person;
        var canCheck = me.Principal.Can(Permissions.StudyEdit) && await guard.CoversAsync(found.Path, ct);
        if (!isAuthor && !canCheck)
        {
            if (found.Note.ExhibitedAt is null)
            {
                throw new NotFoundException();
            }

            await campaigns.FindAsync(found.Note.CampaignId, Permissions.StudyView, ct);
        }

        return (found.Note, isAuthor, canCheck);
    }
}
