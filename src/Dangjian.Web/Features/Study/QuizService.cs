using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// Taking quizzes: starting an attempt inside the window (with a per-attempt question order), accepting exactly one
/// submission per attempt before it is due, scoring objective questions, and marking short answers by hand.
/// </summary>
public sealed class QuizService(AppDbContext db, TimeProvider clock)
{
    /// <summary>Network delay allowed after the due time before an answer sheet counts as late.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool IsOpen(Quiz quiz, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return quiz.PublishedAt is not null && now >= quiz.OpensAt && now < quiz.ClosesAt;
    }

    /// <summary>Correct answers are shown to takers only after the quiz has closed.</summary>
    public static bool AnswersVisible(Quiz quiz, DateTime now) => now >= (quiz ?? throw new ArgumentNullException(nameof(quiz))).ClosesAt + Grace;

    /// <summary>Resumes the caller's open attempt or starts a new one; or a Chinese reason why not.</summary>
    public async Task<(QuizAttempt? Attempt, string? Problem)> StartAsync(Quiz quiz, Guid? personId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        if (personId is null)
        {
            return (null, "您的账户没有关联人员，无法参加测试。");
        }

        var now = Now;
        if (quiz.PublishedAt is null)
        {
            return (null, "测试尚未发布。");
        }

        if (now < quiz.OpensAt)
        {
            return (null, $"测试将于 {Platform.Web.ChinaTime.DateTimeText(quiz.OpensAt)} 开始，请届时再来。");
        }

        if (now >= quiz.ClosesAt)
        {
            return (null, "测试已结束，不能再作答。");
        }

        var attempts = await db.QuizAttempts.Where(a => a.QuizId == quiz.Id && a.PersonId == personId).OrderBy(a => a.Number).ToListAsync(ct);
        if (attempts.FirstOrDefault(a => a.SubmittedAt is null) is { } open)
        {
            if (now <= open.DueAt + Grace)
            {
                return (open, null);
            }

            // Time ran out without a submission: close it as it stands.
            await CloseUnsubmittedAsync(open, ct);
        }

        if (attempts.Count >= quiz.MaxAttempts)
        {
            return (null, quiz.MaxAttempts == 1 ? "您已参加过本次测试，不能重复作答。" : $"本次测试最多可作答{quiz.MaxAttempts}次，您的次数已用完。");
        }

        var ids = await db.QuizQuestions.Where(q => q.QuizId == quiz.Id).OrderBy(q => q.Order).Select(q => q.Id).ToArrayAsync(ct);
        if (ids.Length == 0)
        {
            return (null, "本次测试还没有题目。");
        }

        if (quiz.Shuffle)
        {
            Random.Shared.Shuffle(ids);
        }

        var due = now.AddMinutes(quiz.TimeLimitMinutes);
        var attempt = new QuizAttempt
        {
            QuizId = quiz.Id,
            PersonId = personId.Value,
            Number = attempts.Count + 1,
            StartedAt = now,
            DueAt = due < quiz.ClosesAt ? due : quiz.ClosesAt,
            QuestionOrder = string.Join(',', ids),
        };
        db.QuizAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person started in another tab at the same moment: the unique attempt number refused this one.
            db.ChangeTracker.Clear();
            var other = await db.QuizAttempts.SingleOrDefaultAsync(a => a.QuizId == quiz.Id && a.PersonId == personId && a.SubmittedAt == null, ct);
            return other is null ? (null, "开始作答失败，请刷新后重试。") : (other, null);
        }

        return (attempt, null);
    }

    public static IReadOnlyList<Guid> OrderOf(QuizAttempt attempt) =>
        (attempt ?? throw new ArgumentNullException(nameof(attempt))).QuestionOrder.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    public sealed record SubmitResult(bool Accepted, string Message);

    /// <summary>
    /// Takes the answer sheet of an attempt. Refuses a second submission, answers to questions not in the attempt and
    /// impossible answers (a tampered form) — nothing is saved then and the attempt stays open. A sheet arriving after
    /// the due time is kept for the record but scores 0.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(QuizAttempt attempt, IReadOnlyDictionary<Guid, string?> responses, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(responses);
        if (attempt.SubmittedAt is not null)
        {
            return new(false, "答卷已提交，不能重复提交。");
        }

        var order = OrderOf(attempt);
        if (responses.Keys.Any(k => !order.Contains(k)))
        {
            return new(false, "答卷内容与试题不符（可能被篡改），未被接收。请刷新页面后重新作答。");
        }

        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.QuizId == attempt.QuizId).ToDictionaryAsync(q => q.Id, ct);
        var answers = new List<QuizAnswer>();
        foreach (var id in order)
        {
            var q = questions[id];
            var (value, problem) = QuizRules.Normalize(q.Type, QuizRules.OptionsOf(q.Options).Count, responses.GetValueOrDefault(id));
            if (problem is not null)
            {
                return new(false, $"第{order.ToList().IndexOf(id) + 1}题：{problem}答卷未被接收，请检查后重新提交。");
            }

            answers.Add(new QuizAnswer { AttemptId = attempt.Id, QuizQuestionId = id, Response = value! });
        }

        var now = Now;
        attempt.SubmittedAt = now;
        attempt.Late = now > attempt.DueAt + Grace;
        Score(attempt, answers, questions);
        db.QuizAnswers.AddRange(answers);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(false, "答卷已提交，不能重复提交。");
        }

        if (attempt.Late)
        {
            return new(true, "已超过作答时限，答卷已留存备查，但不计分。");
        }

        return new(true, attempt.NeedsMarking ? $"答卷已提交。客观题得分 {attempt.AutoScore} 分，简答题待阅卷后计入总分。" : $"答卷已提交，得分 {attempt.Score} 分。");
    }

    /// <summary>The office marks the short answers of a submitted attempt; points per answer from 0 to the question's points.</summary>
    public async Task<string?> MarkAsync(QuizAttempt attempt, IReadOnlyDictionary<Guid, int> points, string markerName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(points);
        if (attempt.SubmittedAt is null)
        {
            return "答卷尚未提交，不能阅卷。";
        }

        if (attempt.Late)
        {
            return "超时提交的答卷不计分，无需阅卷。";
        }

        var answers = await db.QuizAnswers.Where(a => a.AttemptId == attempt.Id).ToListAsync(ct);
        var questions = await db.QuizQuestions.AsNoTracking().Where(q => q.QuizId == attempt.QuizId).ToDictionaryAsync(q => q.Id, ct);
        foreach (var (answerId, value) in points)
        {
            var answer = answers.FirstOrDefault(a => a.Id == answerId);
            if (answer is null || QuizRules.IsObjective(questions[answer.QuizQuestionId].Type))
            {
                return "只能为本答卷的简答题评分。";
            }

            var max = questions[answer.QuizQuestionId].Points;
            if (value < 0 || value > max)
            {
                return $"得分须在0到{max}之间。";
            }

            answer.Points = value;
            answer.Correct = value == max;
        }

        attempt.NeedsMarking = answers.Any(a => a.Points is null);
        attempt.Score = attempt.NeedsMarking ? null : answers.Sum(a => a.Points ?? 0);
        if (!attempt.NeedsMarking)
        {
            (attempt.MarkedAt, attempt.MarkedByName) = (Now, markerName);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task CloseUnsubmittedAsync(QuizAttempt attempt, CancellationToken ct)
    {
        (attempt.SubmittedAt, attempt.Late, attempt.AutoScore, attempt.Score) = (attempt.DueAt, true, 0, 0);
        await db.SaveChangesAsync(ct);
    }

    private static void Score(QuizAttempt attempt, List<QuizAnswer> answers, Dictionary<Guid, QuizQuestion> questions)
    {
        foreach (var a in answers)
        {
            var q = questions[a.QuizQuestionId];
            if (attempt.Late)
            {
                (a.Points, a.Correct) = (0, false);
            }
            else if (QuizRules.IsObjective(q.Type))
            {
                a.Points = QuizRules.Score(q.Type, q.Answer, a.Response, q.Points);
                a.Correct = a.Points == q.Points;
            }
            else if (a.Response.Length == 0)
            {
                (a.Points, a.Correct) = (0, false);
            }
        }

        attempt.AutoScore = answers.Where(a => a.Points is not null).Sum(a => a.Points!.Value);
        attempt.NeedsMarking = answers.Any(a => a.Points is null);
        attempt.Score = attempt.NeedsMarking ? null : attempt.AutoScore;
    }
}
