using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Quizzes;

/// <summary>
/// One quiz. Takers see the rules, start or continue, and their attempts. The office also sees the questions, publishes,
/// and reads the results per unit and per person (best score counts), with the answer sheets waiting for marking.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class DetailsModel(AppDbContext db, StudyAccess access, QuizService quizzes) : PageModel
{
    public sealed record AttemptRow(Guid Id, int Number, DateTime StartedAt, DateTime? SubmittedAt, bool Late, int? Score, bool NeedsMarking);

    public sealed class PersonRow
    {
        public Guid PersonId { get; init; }

        public string Name { get; init; } = "";

        public string Unit { get; init; } = "";

        public int Attempts { get; init; }

        public int? Best { get; init; }

        public bool NeedsMarking { get; init; }

        public Guid? LatestAttemptId { get; init; }
    }

    public sealed record UnitRow(string Unit, string Path, int People, int Takers, double? Average, int Passed);

    public Quiz Quiz { get; private set; } = null!;

    public string CampaignTitle { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public DateTime Now { get; private set; }

    public List<QuizQuestion> Questions { get; private set; } = [];

    public List<AttemptRow> MyAttempts { get; private set; } = [];

    public List<UnitRow> Units { get; private set; } = [];

    public Paged<PersonRow>? People { get; private set; }

    public int TotalPoints { get; private set; }

    public int QuestionCount { get; private set; }

    public int WaitingForMarking { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool HasOpenAttempt => MyAttempts.Any(a => a.SubmittedAt is null && Now <= Quiz.ClosesAt);

    public bool CanStart => QuizService.IsOpen(Quiz, Now) && (HasOpenAttempt || MyAttempts.Count < Quiz.MaxAttempts);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (CanEdit)
        {
            await LoadResultsAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        var rows = await PersonQuery().OrderBy(p => p.Unit).ThenBy(p => p.Name).Take(100_000).ToListAsync(ct);
        var content = XlsxWriter.Write("成绩", $"{Quiz.Title} 成绩表", [new("姓名", 12), new("单位", 24), new("作答次数", 10), new("最高分", 10), new("是否及格", 10), new("阅卷", 10)],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Unit, r.Attempts, r.Best, r.Best is { } b ? (b >= Quiz.PassScore ? "及格" : "不及格") : "", r.NeedsMarking ? "待阅卷" : ""]));
        return FileDownloads.Xlsx(content, $"{Quiz.Title}成绩.xlsx");
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var (attempt, problem) = await quizzes.StartAsync(Quiz, await access.PersonIdAsync(ct), ct);
        if (attempt is null)
        {
            TempData.Error(problem!);
            return RedirectToPage(new { id });
        }

        return RedirectToPage("/Study/Quizzes/Take", new { id = attempt.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool publish, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (!publish && await db.QuizAttempts.AnyAsync(a => a.QuizId == id, ct))
        {
            TempData.Error("已有人作答，不能撤回发布。");
            return RedirectToPage(new { id });
        }

        if (publish && Questions.Count == 0)
        {
            TempData.Error("测试还没有题目，不能发布。");
            return RedirectToPage(new { id });
        }

        var quiz = await db.Quizzes.SingleAsync(q => q.Id == id, ct);
        quiz.PublishedAt = publish ? quizzes.Now : null;
        await db.SaveChangesAsync(ct);
        TempData.Success(publish ? "测试已发布，参加活动的人员可在“在线测试”中作答。" : "已撤回发布。");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await db.QuizAttempts.AnyAsync(a => a.QuizId == id, ct))
        {
            TempData.Error("已有人作答，不能删除。");
            return RedirectToPage(new { id });
        }

        db.Quizzes.Remove(await db.Quizzes.SingleAsync(q => q.Id == id, ct));
        await db.SaveChangesAsync(ct);
        TempData.Success("测试已删除。");
        return RedirectToPage("/Study/Quizzes/Index");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Quiz = await db.Quizzes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException();
        (var campaign, CanEdit) = await access.ReadWithRightsAsync(Quiz.CampaignId, ct);
        CampaignTitle = campaign.Title;
        if (Quiz.PublishedAt is null && !CanEdit)
        {
            throw new NotFoundException();
        }

        Now = quizzes.Now;
        var person = await access.PersonIdAsync(ct);
        MyAttempts = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == id && a.PersonId == person).OrderBy(a => a.Number)
            .Select(a => new AttemptRow(a.Id, a.Number, a.StartedAt, a.SubmittedAt, a.Late, a.Score, a.NeedsMarking)).ToListAsync(ct);
        TotalPoints = await db.QuizQuestions.Where(q => q.QuizId == id).SumAsync(q => q.Points, ct);
        QuestionCount = await db.QuizQuestions.CountAsync(q => q.QuizId == id, ct);
        if (CanEdit)
        {
            Questions = await db.QuizQuestions.AsNoTracking().Where(q => q.QuizId == id).OrderBy(q => q.Order).ToListAsync(ct);
        }

        ViewData.Trail(new Breadcrumb("在线测试", "/Study/Quizzes"), new Breadcrumb(Quiz.Title));
    }

    private IQueryable<PersonRow> PersonQuery()
    {
        var id = Quiz.Id;
        return db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == id)
            .GroupBy(a => new { a.PersonId, a.Person!.Name, Unit = a.Person.OrgUnit!.Name })
            .Select(g => new PersonRow
            {
                PersonId = g.Key.PersonId,
                Name = g.Key.Name,
                Unit = g.Key.Unit,
                Attempts = g.Count(),
                Best = g.Max(a => a.Score),
                NeedsMarking = g.Any(a => a.NeedsMarking && a.SubmittedAt != null),
                LatestAttemptId = db.QuizAttempts.Where(a => a.QuizId == id && a.PersonId == g.Key.PersonId)
                    .OrderByDescending(a => a.NeedsMarking && a.SubmittedAt != null && !a.Late).ThenByDescending(a => a.Number).Select(a => (Guid?)a.Id).FirstOrDefault(),
            });
    }

    private async Task LoadResultsAsync(CancellationToken ct)
    {
        var id = Quiz.Id;
        var campaign = await access.ReadAsync(Quiz.CampaignId, ct);
        var scopePath = await access.ScopePathAsync(campaign, ct);
        var people = await db.People.AsNoTracking().InScope(new DataScope([scopePath]), p => p.OrgUnit!.Path)
            .GroupBy(p => new { p.OrgUnit!.Name, p.OrgUnit.Path }).Select(g => new { g.Key.Name, g.Key.Path, Count = g.Count() }).ToListAsync(ct);
        var best = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == id && a.SubmittedAt != null)
            .GroupBy(a => new { a.PersonId, a.Person!.OrgUnit!.Path }).Select(g => new { g.Key.Path, Best = g.Max(a => a.Score) }).ToListAsync(ct);
        Units = people.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p =>
        {
            var mine = best.Where(b => b.Path == p.Path).ToList();
            var scored = mine.Where(b => b.Best is not null).Select(b => b.Best!.Value).ToList();
            return new UnitRow(p.Name, p.Path, p.Count, mine.Count, scored.Count == 0 ? null : Math.Round(scored.Average(), 1), scored.Count(s => s >= Quiz.PassScore));
        }).ToList();
        WaitingForMarking = await db.QuizAttempts.CountAsync(a => a.QuizId == id && a.NeedsMarking && a.SubmittedAt != null, ct);
        var query = PersonQuery();
        if (Show == "marking")
        {
            query = query.Where(p => p.NeedsMarking);
        }
        else if (Show == "failed")
        {
            query = query.Where(p => p.Best != null && p.Best < Quiz.PassScore);
        }

        People = await query.OrderBy(p => p.Unit).ThenBy(p => p.Name).ThenBy(p => p.PersonId).ToPageAsync(PageNumber, 20, ct);
    }
}
