using System.Globalization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>制度汇编: a registry's current rules by category, as a contents preview and as one Word document with a table of contents.</summary>
[RequirePermission(Permissions.RulesView)]
public sealed class HandbookModel(AppDbContext db, RuleAccess access, ScopeGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Entry(Guid Id, string Title, string? Number, string Issuer, DateOnly IssuedOn, DateOnly? EffectiveOn, string Category, string? Text);

    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? UnitId { get; set; }

    public List<Option> Registries { get; private set; } = [];

    public string Registry { get; private set; } = "";

    public List<IGrouping<string, Entry>> Chapters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Chapters.Count == 0)
        {
            TempData.Error("没有现行制度，无法编印汇编。");
            return RedirectToPage(new { unitId = UnitId });
        }

        var today = ChinaTime.Today(clock);
        var n = 0;
        var chapters = Chapters.Select(g => new DocxWriter.Chapter(g.Key, g.Select(e => new DocxWriter.Entry(
            $"{++n}. {e.Title}",
            string.Join("　", new[] { e.Number, e.Issuer, string.Create(CultureInfo.InvariantCulture, $"{e.IssuedOn.Year}年{e.IssuedOn.Month}月{e.IssuedOn.Day}日印发") }.Where(x => x is not null)),
            e.Text ?? "（正文见原件）")).ToList())).ToList();
        var content = DocxWriter.WriteBook($"{Registry}制度汇编", [string.Create(CultureInfo.InvariantCulture, $"截至{today.Year}年{today.Month}月{today.Day}日　共收录现行制度{n}项")], chapters);
        db.Audit("export", nameof(Rule), UnitId?.ToString(), $"导出{Registry}制度汇编{n}项");
        await db.SaveChangesAsync(ct);
        return File(content, DocxWriter.DocxType, $"{Registry}制度汇编.docx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("制度库", "/Rules"), new Breadcrumb("制度汇编"));
        var scope = await guard.ScopeAsync(ct);
        var visible = await access.VisibleAsync(ct);
        Registries = await db.OrgUnits.AsNoTracking().InScopeOrAbove(scope, u => u.Path).Where(u => visible.Any(r => r.OrgUnitId == u.Id))
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Take(200).Select(u => new Option(u.Id, u.Name)).ToListAsync(ct);
        if (UnitId is { } chosen && Registries.All(r => r.Id != chosen))
        {
            throw new NotFoundException();
        }

        UnitId ??= Registries.FirstOrDefault()?.Id;
        Registry = Registries.FirstOrDefault(r => r.Id == UnitId)?.Name ?? "";
        var unit = UnitId;
        var entries = await visible.Where(r => r.OrgUnitId == unit && r.Status != RuleStatus.Abolished)
            .OrderBy(r => r.Category).ThenBy(r => r.IssuedOn).ThenBy(r => r.Id).Take(2000)
            .Select(r => new Entry(r.Id, r.Title, r.Number, r.Issuer, r.IssuedOn, r.EffectiveOn, r.Category, r.Text)).ToListAsync(ct);
        var order = RuleLabels.Categories.ToList();
        Chapters = entries.GroupBy(e => e.Category).OrderBy(g => order.IndexOf(g.Key) is var i && i >= 0 ? i : order.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
    }
}
