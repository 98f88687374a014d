using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Quizzes;

/// <summary>
/// 答卷: the taker sees their answers and points, and the correct answers only once the quiz has closed; the office sees
/// everything and marks the short answers.
/// </summary>
[RequirePermission(Permissions.StudyView)]
public sealed class AttemptModel(AppDbContext db, StudyAccess access, QuizService quizzes, CurrentUser me) : PageModel
{
    public sealed record Item(int Number, QuizQuestion Question, QuizAnswer? Answer);

    public QuizAttempt Attempt { get; private set; } = null!;

    public Quiz Quiz { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public bool IsOffice { get; private set; }

    public bool ShowAnswers { get; private set; }

    public List<Item> Items { get; private set; } = [];

    /// <summary>The caller's own unsubmitted attempt: answered on the answer sheet, not reviewed here.</summary>
    public bool StillOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return StillOpen ? RedirectToPage("/Study/Quizzes/Take", new { id }) : Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!IsOffice)
        {
            return Forbid();
        }

        var points = new Dictionary<Guid, int>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("p-", StringComparison.Ordinal) && Guid.TryParse(key[2..], out var answerId) && !string.IsNullOrWhiteSpace(value))
            {
                if (!int.TryParse(value, out var p))
                {
                    TempData.Error("得分须是整数。");
                    return RedirectToPage(new { id });
                }

                points[answerId] = p;
            }
        }

        if (await quizzes.MarkAsync(Attempt, points, me.DisplayName, ct) is { } problem)
        {
            TempData.Error(problem);
        }
        else
        {
            TempData.Success(Attempt.NeedsMarking ? "已保存评分，还有简答题未评分。" : $"阅卷完成，总分 {Attempt.Score} 分。");
        }

        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await db.QuizAttempts.Where(a => a.Id == id).Select(a => new { Attempt = a, a.Person!.Name, a.Person.OrgUnit!.Path }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        (Attempt, PersonName) = (found.Attempt, found.Name);
        Quiz = await db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == Attempt.QuizId, ct);
        var campaign = await access.ReadAsync(Quiz.CampaignId, ct);
        var isOwner = Attempt.PersonId == await access.PersonIdAsync(ct);
        IsOffice = await access.CanEditCampaignAsync(campaign, ct);
        if (!isOwner && !IsOffice)
        {
            throw new NotFoundException();
        }

        StillOpen = Attempt.SubmittedAt is null && isOwner;
        ShowAnswers = IsOffice || QuizService.AnswersVisible(Quiz, quizzes.Now);
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.QuizId == Quiz.Id).ToDictionaryAsync(q => q.Id, ct);
        var answers = await db.QuizAnswers.AsNoTracking().Where(a => a.AttemptId == id).ToDictionaryAsync(a => a.QuizQuestionId, ct);
        Items = QuizService.OrderOf(Attempt).Select((qid, i) => new Item(i + 1, questions[qid], answers.GetValueOrDefault(qid))).ToList();
        ViewData.Trail(new Breadcrumb("在线测试", "/Study/Quizzes"), new Breadcrumb(Quiz.Title, $"/Study/Quizzes/Details?id={Quiz.Id}"), new Breadcrumb("答卷"));
    }
}
