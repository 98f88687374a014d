using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Quizzes;

/// <summary>
/// 作答: the taker's own open attempt, questions in the attempt's order, no correct answers in the page. One submission,
/// checked against the attempt's questions and options.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class TakeModel(AppDbContext db, StudyAccess access, QuizService quizzes) : PageModel
{
    public sealed record Item(Guid Id, int Number, QuestionType Type, string Stem, IReadOnlyList<string> Options, int Points, string? Response);

    public QuizAttempt Attempt { get; private set; } = null!;

    public Quiz Quiz { get; private set; } = null!;

    public List<Item> Items { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Attempt.SubmittedAt is null ? Page() : RedirectToPage("/Study/Quizzes/Attempt", new { id });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var responses = new Dictionary<Guid, string?>();
        foreach (var (key, value) in Request.Form)
        {
            if (!key.StartsWith("a-", StringComparison.Ordinal))
            {
                continue;
            }

            if (!Guid.TryParse(key[2..], out var questionId))
            {
                Problem = "答卷内容与试题不符（可能被篡改），未被接收。请刷新页面后重新作答。";
                return Page();
            }

            responses[questionId] = string.Concat(value.ToArray());
        }

        var result = await quizzes.SubmitAsync(Attempt, responses, ct);
        if (!result.Accepted)
        {
            if (Attempt.SubmittedAt is not null || result.Message.StartsWith("答卷已提交", StringComparison.Ordinal))
            {
                TempData.Error(result.Message);
                return RedirectToPage("/Study/Quizzes/Attempt", new { id });
            }

            // Keep what the taker chose so nothing is lost while they correct it.
            Problem = result.Message;
            Items = Items.Select(i => i with { Response = responses.GetValueOrDefault(i.Id) }).ToList();
            return Page();
        }

        if (Attempt.Late)
        {
            TempData.Warning(result.Message);
        }
        else
        {
            TempData.Success(result.Message);
        }

        return RedirectToPage("/Study/Quizzes/Attempt", new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await access.PersonIdAsync(ct);
        Attempt = await db.QuizAttempts.SingleOrDefaultAsync(a => a.Id == id && a.PersonId == person, ct) ?? throw new NotFoundException();
        Quiz = await db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == Attempt.QuizId, ct);
        await access.ReadAsync(Quiz.CampaignId, ct);
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.QuizId == Quiz.Id)
            .Select(q => new { q.Id, q.Type, q.Stem, q.Options, q.Points }).ToDictionaryAsync(q => q.Id, ct);
        Items = QuizService.OrderOf(Attempt).Select((qid, i) => questions[qid] is var q ? new Item(q.Id, i + 1, q.Type, q.Stem, QuizRules.OptionsOf(q.Options), q.Points, null) : null!).ToList();
        ViewData.Trail(new Breadcrumb("在线测试", "/Study/Quizzes"), new Breadcrumb(Quiz.Title, $"/Study/Quizzes/Details?id={Quiz.Id}"), new Breadcrumb("作答"));
    }
}
