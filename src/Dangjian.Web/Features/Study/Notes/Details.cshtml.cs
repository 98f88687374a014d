using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Notes;

/// <summary>A note: the text, and for the office the check (mark and comment) and the exhibition switch.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, NoteAccess notes, CurrentUser me, TimeProvider clock, Platform.Files.FileStore files) : PageModel
{
    public StudyNote Note { get; private set; } = null!;

    public string Author { get; private set; } = "";

    public bool IsAuthor { get; private set; }

    public bool CanCheck { get; private set; }

    public List<Platform.Files.StoredFile> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, NoteMark? mark, string? comment, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanCheck)
        {
            return Forbid();
        }

        if (mark is null || !Enum.IsDefined(mark.Value) || (comment?.Length ?? 0) > 2000)
        {
            TempData.Error("请选择检查等次（评语不超过2000字）。");
            return RedirectToPage(new { id });
        }

        (Note.Mark, Note.CheckComment, Note.CheckedAt, Note.CheckedByName) = (mark, comment.NullIfBlank(), clock.GetUtcNow().UtcDateTime, me.DisplayName);
        await db.SaveChangesAsync(ct);
        TempData.Success("已检查。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExhibitAsync(Guid id, bool exhibit, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanCheck)
        {
            return Forbid();
        }

        if (exhibit && Note.CheckedAt is null)
        {
            TempData.Error("请先检查，再选入展评。");
            return RedirectToPage(new { id });
        }

        Note.ExhibitedAt = exhibit ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        TempData.Success(exhibit ? "已选入展评，活动范围内的人都能看到。" : "已撤出展评。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Note, IsAuthor, CanCheck) = await notes.FindAsync(id, ct);
        Author = await db.People.Where(p => p.Id == Note.PersonId).Select(p => p.Name + "（" + p.OrgUnit!.Name + "）").SingleAsync(ct);
        Attachments = await files.ListAsync(NoteFileRule.Owner, id, ct);
        ViewData.Trail(new Breadcrumb("学习笔记与心得", "/Study/Notes"), new Breadcrumb(Note.Title));
    }
}
