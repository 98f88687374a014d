using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Materials;

/// <summary>
/// A material: its files, handing it out to whole units (人手一套, each person once) with copies and reads per unit,
/// and for a member the "我已阅读" mark on their own copy.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, StudyAccess access, FileStore files, TimeProvider clock) : PageModel
{
    public sealed record UnitRow(Guid Id, string Name, int Depth, int People, int Copies, int Read);

    public StudyMaterial Material { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public List<StoredFile> Files { get; private set; } = [];

    public List<UnitRow> Units { get; private set; } = [];

    public MaterialCopy? MyCopy { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDistributeAsync(Guid id, List<Guid> unitIds, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var chosen = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct);
        var campaign = await access.ReadAsync(Material.CampaignId, ct);
        var scopePath = await access.ScopePathAsync(campaign, ct);
        chosen = chosen.Where(p => p.StartsWith(scopePath, StringComparison.Ordinal)).ToList();
        if (chosen.Count == 0)
        {
            TempData.Error("请至少选择一个发放单位。");
            return RedirectToPage(new { id });
        }

        var people = await db.People.AsNoTracking().InScope(new DataScope(chosen), p => p.OrgUnit!.Path)
            .Where(p => !db.MaterialCopies.Any(c => c.MaterialId == id && c.PersonId == p.Id)).Select(p => p.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MaterialCopies.AddRange(people.Distinct().Select(p => new MaterialCopy { MaterialId = id, PersonId = p, DistributedAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone handed out the same material at the same moment; their copies stand, nobody gets two.
            TempData.Warning("另一位同事刚刚发放了这份材料，请查看最新的发放情况后再试。");
            return RedirectToPage(new { id });
        }
        TempData.Success(people.Count == 0 ? "所选单位人员都已领到，没有新增发放。" : $"已向{people.Count}人发放。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (MyCopy is null)
        {
            TempData.Error("这份材料没有发放给您。");
            return RedirectToPage(new { id });
        }

        var copy = await db.MaterialCopies.SingleAsync(c => c.Id == MyCopy.Id, ct);
        copy.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData.Success("已标记为已阅读。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        TempData.Success(await files.RemoveAsync(MaterialFileRule.Owner, id, fileId, ct) ? "附件已删除。" : "没有该附件。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        db.StudyMaterials.Remove(await db.StudyMaterials.SingleAsync(m => m.Id == id, ct));
        await db.SaveChangesAsync(ct);
        TempData.Success("材料已删除（可由系统管理员从审计记录恢复）。");
        return RedirectToPage("/Study/Materials/Index");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Material = await db.StudyMaterials.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        (var campaign, CanEdit) = await access.ReadWithRightsAsync(Material.CampaignId, ct);
        CampaignTitle = campaign.Title;
        Files = await files.ListAsync(MaterialFileRule.Owner, id, ct);
        var person = await access.PersonIdAsync(ct);
        MyCopy = await db.MaterialCopies.AsNoTracking().SingleOrDefaultAsync(c => c.MaterialId == id && c.PersonId == person, ct);
        if (CanEdit)
        {
            var scopePath = await access.ScopePathAsync(campaign, ct);
            var tree = await OrgTree.ListAsync(db, new DataScope([scopePath]), withCounts: true, ct: ct);
            var copies = await db.MaterialCopies.AsNoTracking().Where(c => c.MaterialId == id)
                .GroupBy(c => c.Person!.OrgUnitId).Select(g => new { g.Key, Copies = g.Count(), Read = g.Count(c => c.ReadAt != null) })
                .ToDictionaryAsync(g => g.Key, ct);
            Units = tree.Select(u => new UnitRow(u.Id, u.Name, u.Depth, u.People, copies.GetValueOrDefault(u.Id)?.Copies ?? 0, copies.GetValueOrDefault(u.Id)?.Read ?? 0)).ToList();
        }

        ViewData.Trail(new Breadcrumb("学习材料", "/Study/Materials"), new Breadcrumb(Material.Title));
    }
}
