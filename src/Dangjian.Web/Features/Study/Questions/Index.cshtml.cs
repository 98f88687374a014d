using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Questions;

/// <summary>题库: the organization's questions, searchable by type, category and text; delete with confirmation and undo.</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class IndexModel(AppDbContext db, QuestionBank bank) : PageModel
{
    public sealed record Row(Guid Id, QuestionType Type, string? Category, string Stem, string Answer, int Points, string Owner, bool Mine);

    [BindProperty(SupportsGet = true)]
    public QuestionType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Questions { get; private set; } = null!;

    public List<string> Categories { get; private set; } = [];

    public Dictionary<QuestionType, int> TypeCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("题库"));
        var owner = await bank.OwnerUnitIdAsync(ct);
        var visible = await bank.VisibleAsync(ct);
        Categories = await visible.Where(q => q.Category != null).Select(q => q.Category!).Distinct().OrderBy(c => c).Take(100).ToListAsync(ct);
        TypeCounts = await visible.GroupBy(q => q.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = visible;
        if (Type is { } type)
        {
            query = query.Where(q => q.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            query = query.Where(q => q.Category == Category);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            query = query.Where(q => q.Stem.Contains(text));
        }

        Questions = await query.OrderBy(q => q.Category).ThenBy(q => q.Type).ThenBy(q => q.CreatedAt).ThenBy(q => q.Id)
            .Select(q => new Row(q.Id, q.Type, q.Category, q.Stem, q.Answer, q.Points, q.OwnerUnit!.Name, q.OwnerUnitId == owner))
            .ToPageAsync(PageNumber, 20, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var owner = await bank.OwnerUnitIdAsync(ct);
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id && q.OwnerUnitId == owner, ct) ?? throw new NotFoundException();
        db.Questions.Remove(question);
        await db.SaveChangesAsync(ct);
        TempData.Success("题目已删除（已组卷的测试不受影响）。");
        return RedirectToPage(new { Type, Category, Q, page = PageNumber });
    }
}
