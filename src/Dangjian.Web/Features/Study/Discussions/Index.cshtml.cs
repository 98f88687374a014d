using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Discussions;

/// <summary>专题讨论: topics of the caller's campaigns with their speakers; the office adds topics here.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, StudyAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Campaign, string? Session, int Speakers, int Recorded);

    public sealed record SessionOption(Guid Id, Guid CampaignId, string Name);

    public List<Row> Topics { get; private set; } = [];

    public List<StudyAccess.Option> EditableCampaigns { get; private set; } = [];

    public List<SessionOption> Sessions { get; private set; } = [];

    [BindProperty]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public Guid? SessionId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CampaignId is null || EditableCampaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        await access.EditAsync(CampaignId.Value, ct);
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写讨论专题（不超过200字）。");
        }

        if ((Description?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError(nameof(Description), "说明不超过2000字。");
        }

        if (SessionId is { } sid && Sessions.All(s => s.Id != sid || s.CampaignId != CampaignId))
        {
            ModelState.AddModelError(nameof(SessionId), "所选学习会不属于该活动。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var topic = new DiscussionTopic { CampaignId = CampaignId.Value, SessionId = SessionId, Title = Title!.Trim(), Description = Description.NullIfBlank() };
        db.DiscussionTopics.Add(topic);
        await db.SaveChangesAsync(ct);
        TempData.Success("讨论专题已添加，请安排各部门的发言人。");
        return RedirectToPage("/Study/Discussions/Details", new { id = topic.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("专题讨论"));
        var campaigns = (await access.CampaignsAsync(ct: ct)).Select(c => c.Id).ToList();
        Topics = await db.DiscussionTopics.AsNoTracking().Where(t => campaigns.Contains(t.CampaignId))
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new Row(
                t.Id,
                t.Title,
                db.Campaigns.Where(c => c.Id == t.CampaignId).Select(c => c.Title).Single(),
                db.StudySessions.Where(s => s.Id == t.SessionId).Select(s => s.Title).FirstOrDefault(),
                db.DiscussionSpeakers.Count(s => s.TopicId == t.Id),
                db.DiscussionSpeakers.Count(s => s.TopicId == t.Id && s.RecordedAt != null)))
            .Take(200).ToListAsync(ct);
        if (access.CanEdit)
        {
            EditableCampaigns = await access.CampaignsAsync(forEditing: true, includeEnded: false, ct: ct);
            var ids = EditableCampaigns.Select(c => c.Id).ToList();
            Sessions = await db.StudySessions.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && s.Kind == SessionKind.Discussion)
                .OrderByDescending(s => s.StartsAt).Select(s => new SessionOption(s.Id, s.CampaignId, s.Title)).Take(100).ToListAsync(ct);
            CampaignId ??= EditableCampaigns.FirstOrDefault()?.Id;
        }
    }
}
