using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Discussions;

/// <summary>One discussion topic: a speaker assigned per department, and what each said recorded after the discussion.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, StudyAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Unit, string Person, string? Record, DateTime? RecordedAt, bool Mine);

    public DiscussionTopic Topic { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public string? SessionTitle { get; private set; }

    public bool CanEdit { get; private set; }

    public List<Row> Speakers { get; private set; } = [];

    public List<OrgTree.Node> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid? unitId, string? name, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var unit = Units.FirstOrDefault(u => u.Id == unitId);
        if (unit is null || string.IsNullOrWhiteSpace(name))
        {
            TempData.Error("请选择部门并填写发言人姓名。");
            return RedirectToPage(new { id });
        }

        var matches = await db.People.AsNoTracking().Where(p => p.OrgUnitId == unit.Id && p.Name == name.Trim()).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (matches.Count != 1)
        {
            TempData.Error(matches.Count == 0 ? $"{unit.Name}没有名为“{name.Trim()}”的人员。" : $"{unit.Name}有多名“{name.Trim()}”，请到人员管理中核对。");
            return RedirectToPage(new { id });
        }

        if (await db.DiscussionSpeakers.AnyAsync(s => s.TopicId == id && s.PersonId == matches[0], ct))
        {
            TempData.Error("此人已是本专题的发言人。");
            return RedirectToPage(new { id });
        }

        db.DiscussionSpeakers.Add(new DiscussionSpeaker { TopicId = id, PersonId = matches[0], OrgUnitId = unit.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            TempData.Error("此人已是本专题的发言人。");
            return RedirectToPage(new { id });
        }
        TempData.Success("已安排发言人。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, Guid speakerId, string? record, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var row = Speakers.FirstOrDefault(s => s.Id == speakerId);
        if (row is null || (!CanEdit && !row.Mine))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(record) || record.Length > 4000)
        {
            TempData.Error("请填写发言要点（不超过4000字）。");
            return RedirectToPage(new { id });
        }

        var speaker = await db.DiscussionSpeakers.SingleAsync(s => s.Id == speakerId, ct);
        (speaker.Record, speaker.RecordedAt) = (record.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData.Success("发言要点已记录。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid speakerId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var speaker = await db.DiscussionSpeakers.SingleOrDefaultAsync(s => s.Id == speakerId && s.TopicId == id, ct);
        if (speaker is not null)
        {
            db.DiscussionSpeakers.Remove(speaker);
            await db.SaveChangesAsync(ct);
        }

        TempData.Success("已取消该发言安排。");
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Topic = await db.DiscussionTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
        (var campaign, CanEdit) = await access.ReadWithRightsAsync(Topic.CampaignId, ct);
        CampaignTitle = campaign.Title;
        SessionTitle = Topic.SessionId is { } sid ? await db.StudySessions.Where(s => s.Id == sid).Select(s => s.Title).FirstOrDefaultAsync(ct) : null;
        var person = await access.PersonIdAsync(ct);
        var rows = await db.DiscussionSpeakers.AsNoTracking().Where(s => s.TopicId == id)
            .Select(s => new { s.Id, Unit = s.OrgUnit!.Name, s.OrgUnit.Path, Person = s.Person!.Name, s.Record, s.RecordedAt, Mine = s.PersonId == person })
            .ToListAsync(ct);
        Speakers = rows.OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => new Row(r.Id, r.Unit, r.Person, r.Record, r.RecordedAt, r.Mine)).ToList();
        if (CanEdit)
        {
            Units = await OrgTree.ListAsync(db, new DataScope([await access.ScopePathAsync(campaign, ct)]), ct: ct);
        }

        ViewData.Trail(new Breadcrumb("专题讨论", "/Study/Discussions"), new Breadcrumb(Topic.Title));
    }
}
