using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Notes;

/// <summary>A member writes (or, until it is checked, revises) their own note or reflection for a campaign.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class EditModel(AppDbContext db, ScopeGuard guard, CampaignAccess access, NoteAccess notes, Platform.Files.FileStore files) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The campaign the note counts toward; a link may preselect it (the meeting just signed in to).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty]
    public NoteInput Input { get; set; } = new();

    public sealed class NoteInput
    {
        [Display(Name = "类别")]
        public NoteKind Kind { get; set; } = NoteKind.Reflection;

        [Required(ErrorMessage = "请填写标题（不超过200字）。")]
        [StringLength(StudyNote.TitleMax, ErrorMessage = "请填写标题（不超过200字）。")]
        [Display(Name = "标题")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写正文（不超过2万字）。")]
        [StringLength(StudyNote.BodyMax, ErrorMessage = "请填写正文（不超过2万字）。")]
        [Display(Name = "正文")]
        public string Body { get; set; } = "";

        public static NoteInput From(StudyNote note) => new() { Kind = note.Kind, Title = note.Title, Body = note.Body };

        public void ApplyTo(StudyNote note, Guid campaignId) =>
            (note.CampaignId, note.Kind, note.Title, note.Body) = (campaignId, Kind, Title.Trim(), Body.Trim());
    }

    public List<Option> Campaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var (note, isAuthor, _) = await notes.FindAsync(id, ct);
            if (!isAuthor || note.CheckedAt is not null)
            {
                TempData.Error("只能修改本人尚未检查的笔记。");
                return RedirectToPage("/Study/Notes/Details", new { id });
            }

            CampaignId = note.CampaignId;
            Input = NoteInput.From(note);
        }

        return Page();
    }

    public const int MaxAttachments = 5;

    public string MaxText => files.MaxText;

    public async Task<IActionResult> OnPostAsync(IFormFile? attachment, CancellationToken ct)
    {
        await LoadAsync(ct);
        var person = await access.PersonIdAsync(ct);
        if (person is null)
        {
            ModelState.AddModelError("", "您的账户没有关联人员，无法提交笔记。");
        }

        if (Campaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
        }

        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "请选择类别。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        StudyNote note;
        if (Id is { } id)
        {
            var (existing, isAuthor, _) = await notes.FindAsync(id, ct);
            if (!isAuthor || existing.CheckedAt is not null)
            {
                ModelState.AddModelError("", "只能修改本人尚未检查的笔记。");
                return Page();
            }

            note = existing;
        }
        else
        {
            note = new StudyNote { PersonId = person!.Value, Title = "", Body = "" };
            db.StudyNotes.Add(note);
        }

        Input.ApplyTo(note, CampaignId);
        if (attachment is not null && await db.StoredFiles.CountAsync(f => f.OwnerType == NoteFileRule.Owner && f.OwnerId == note.Id, ct) >= MaxAttachments)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("attachment", $"每篇笔记最多{MaxAttachments}个附件。");
            return Page();
        }

        if (attachment is not null)
        {
            var (_, problem) = await files.AddAsync(attachment, NoteFileRule.Owner, note.Id, Platform.Files.FileKinds.Documents, ct);
            if (problem is not null)
            {
                // Nothing is saved; the text stays in the form so the writer only has to choose another file.
                db.ChangeTracker.Clear();
                ModelState.AddModelError("attachment", problem);
                return Page();
            }
        }

        await db.SaveChangesAsync(ct);
        TempData.Success("已提交，等待活动办公室检查。");
        return RedirectToPage("/Study/Notes/Details", new { id = note.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习笔记与心得", "/Study/Notes"), new Breadcrumb(Id is null ? "写笔记或心得" : "修改"));
        Campaigns = await db.Campaigns.AsNoTracking().InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path)
            .Where(c => c.Status == CampaignStatus.Running).OrderByDescending(c => c.StartsOn).Select(c => new Option(c.Id, c.Title)).ToListAsync(ct);
        if (CampaignId == Guid.Empty && Campaigns.Count > 0)
        {
            CampaignId = Campaigns[0].Id;
        }
    }
}
