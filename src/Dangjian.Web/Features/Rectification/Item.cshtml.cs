using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rectification;

/// <summary>
/// One item: its "四明确一承诺", its tasks, the progress reports with evidence (reported by the office, the responsible
/// leader or the responsible department), and verification: 销号 by someone other than the owner after the evidence is
/// reviewed, and 重新打开 with a reason — both kept in the item's history.
/// </summary>
[RequirePermission(Permissions.CampaignsView)]
public sealed class ItemModel(AppDbContext db, CampaignAccess access, RectificationService service, RectificationProgress progress, FileStore files, TimeProvider clock) : PageModel
{
    public sealed record TaskRow(Guid Id, string Title, string Department, DateOnly DueOn, int Progress, ItemStatus Status, bool Overdue, int Weight);

    public sealed record Report(ProgressReport Entry, string? Reporter, IReadOnlyList<StoredFile> Files);

    public RectificationItem Item { get; private set; } = null!;

    public Campaign Campaign { get; private set; } = null!;

    public string Leader { get; private set; } = "";

    public string Department { get; private set; } = "";

    public string? Problem { get; private set; }

    public string? ParentTitle { get; private set; }

    public List<TaskRow> Tasks { get; private set; } = [];

    public List<Report> Reports { get; private set; } = [];

    public List<ItemEvent> Events { get; private set; } = [];

    public RectificationService.Rights Rights { get; private set; } = null!;

    public bool HasEvidence { get; private set; }

    public DateOnly Today => ChinaTime.Today(clock);

    public bool CanReport => Rights.MayReport(Item) && Tasks.Count == 0 && Item.Status != ItemStatus.Closed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, int? percent, string? narrative, string? reason, List<IFormFile>? evidence, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.MayReport(Item))
        {
            return Forbid();
        }

        if (Tasks.Count > 0 || Item.Status == ItemStatus.Closed)
        {
            TempData.Error(Tasks.Count > 0 ? "有分解任务的事项，进度由各项任务汇总，请在任务上报告进展。" : "已销号的事项不能再报告进展；如需继续，请先重新打开。");
            return RedirectToPage(new { id });
        }

        var previous = Reports.FirstOrDefault()?.Entry.Percent;
        if (percent is null || RectificationRules.CheckReport(previous, percent.Value, narrative, reason) is { } problem)
        {
            TempData.Error(percent is null ? "请填写进度百分比。" : RectificationRules.CheckReport(previous, percent.Value, narrative, reason)!);
            return RedirectToPage(new { id });
        }

        var uploads = (evidence ?? []).Where(f => f.Length > 0).ToList();
        if (uploads.Count > 5)
        {
            TempData.Error("每次最多上传5个佐证材料。");
            return RedirectToPage(new { id });
        }

        var report = new ProgressReport
        {
            ItemId = id, ReportedOn = Today, Percent = percent.Value, Narrative = narrative!.Trim(), Reason = reason.NullIfBlank(1000),
            ReporterId = Rights.PersonId,
        };
        db.ProgressReports.Add(report);
        foreach (var upload in uploads)
        {
            var (_, fileProblem) = await files.AddAsync(upload, EvidenceFileRule.Owner, report.Id, FileKinds.Documents, ct);
            if (fileProblem is not null)
            {
                db.ChangeTracker.Clear();
                TempData.Error(fileProblem + "（本次进展没有保存）");
                return RedirectToPage(new { id });
            }
        }

        await db.SaveChangesAsync(ct);
        await progress.RecomputeAsync(id, ct);
        TempData.Success(percent == 100 ? "进展已报告，事项已完成，等待验收销号。" : "进展已报告。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, string? note, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Verify)
        {
            return Forbid();
        }

        var unitId = Rights.UnitId;
        var childrenClosed = Tasks.All(t => t.Status == ItemStatus.Closed);
        if (RectificationRules.CheckClose(Item, Tasks.Count > 0, childrenClosed, HasEvidence, Rights.PersonId, unitId, note) is { } problem)
        {
            TempData.Error(problem);
            return RedirectToPage(new { id });
        }

        var item = await db.RectificationItems.SingleAsync(i => i.Id == id, ct);
        db.ExpectVersion(item, Item.Version);
        (item.Status, item.Progress, item.ClosedAt, item.ClosedOn, item.ClosedById) = (ItemStatus.Closed, 100, clock.GetUtcNow().UtcDateTime, Today, Rights.PersonId);
        db.ItemEvents.Add(new ItemEvent { ItemId = id, Closed = true, Note = note!.Trim(), ById = Rights.PersonId, ByName = await NameAsync(ct) });
        var conflict = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        if (!await db.SaveOrReportConflictAsync(conflict, "该事项", ct))
        {
            TempData.Error("该事项刚被他人修改，请刷新后再验收。");
            return RedirectToPage(new { id });
        }

        if (item.ParentId is { } parent)
        {
            await progress.RecomputeAsync(parent, ct);
        }

        TempData.Success("已验收销号。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, string? note, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!Rights.Verify)
        {
            return Forbid();
        }

        if (Item.Status != ItemStatus.Closed || string.IsNullOrWhiteSpace(note) || note.Trim().Length > 2000)
        {
            TempData.Error(Item.Status != ItemStatus.Closed ? "只有已销号的事项可以重新打开。" : "请说明重新打开的原因（不超过2000字）。");
            return RedirectToPage(new { id });
        }

        var item = await db.RectificationItems.SingleAsync(i => i.Id == id, ct);
        (item.Status, item.ClosedAt, item.ClosedOn, item.ClosedById) = (ItemStatus.InProgress, null, null, null);
        db.ItemEvents.Add(new ItemEvent { ItemId = id, Closed = false, Note = note.Trim(), ById = Rights.PersonId, ByName = await NameAsync(ct) });
        await db.SaveChangesAsync(ct);
        await progress.RecomputeAsync(id, ct);
        TempData.Success("已重新打开，事项回到整改中。");
        return RedirectToPage(new { id });
    }

    private Task<string?> NameAsync(CancellationToken ct) =>
        Rights.PersonId is { } p ? db.People.Where(x => x.Id == p).Select(x => (string?)x.Name).SingleOrDefaultAsync(ct) : Task.FromResult<string?>(null);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.RectificationItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { Item = i, Leader = i.LeaderPerson!.Name, Department = i.Department!.Name, Problem = i.Problem != null ? i.Problem.Title : null })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        (Item, Leader, Department, Problem) = (found.Item, found.Leader, found.Department, found.Problem);
        Campaign = await access.FindAsync(Item.CampaignId, Permissions.CampaignsView, ct);
        Rights = await service.RightsAsync(Campaign, ct);
        var today = Today;
        ParentTitle = Item.ParentId is { } parent ? await db.RectificationItems.Where(i => i.Id == parent).Select(i => i.Title).SingleOrDefaultAsync(ct) : null;
        Tasks = (await db.RectificationItems.AsNoTracking().Where(i => i.ParentId == id).OrderBy(i => i.SortOrder).ThenBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.Title, Department = i.Department!.Name, i.DueOn, i.Progress, i.Status, i.Horizon, i.Weight }).ToListAsync(ct))
            .Select(i => new TaskRow(i.Id, i.Title, i.Department, i.DueOn, i.Progress, i.Status, RectificationRules.IsOverdue(i.Status, i.Horizon, i.DueOn, today), i.Weight)).ToList();
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.ItemId == id).OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.CreatedAt).Take(200)
            .Select(r => new { Entry = r, Reporter = db.People.Where(p => p.Id == r.ReporterId).Select(p => p.Name).FirstOrDefault() }).ToListAsync(ct);
        var evidence = await files.ListAsync(EvidenceFileRule.Owner, reports.Select(r => r.Entry.Id).ToList(), ct);
        Reports = reports.Select(r => new Report(r.Entry, r.Reporter, evidence[r.Entry.Id].ToList())).ToList();
        HasEvidence = Reports.Any(r => r.Files.Count > 0);
        Events = await db.ItemEvents.AsNoTracking().Where(e => e.ItemId == id).OrderByDescending(e => e.CreatedAt).Take(100).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("整改方案", $"/Rectification?campaignId={Item.CampaignId}"), new Breadcrumb(Item.Title));
    }
}
