using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Documents;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Study;

public sealed class QuizRulesTests
{
    [Theory]
    [InlineData(QuestionType.SingleChoice, 4, "b", "B", null)]
    [InlineData(QuestionType.SingleChoice, 4, "AB", null, "单选题只能选一个答案。")]
    [InlineData(QuestionType.SingleChoice, 4, "E", null, "答案不是本题的选项。")]
    [InlineData(QuestionType.MultipleChoice, 5, "DA,C", "ACD", null)]
    [InlineData(QuestionType.MultipleChoice, 5, "AA", null, "答案不是本题的选项。")]
    [InlineData(QuestionType.TrueFalse, 0, "√", "对", null)]
    [InlineData(QuestionType.TrueFalse, 0, "也许", null, "判断题只能答“对”或“错”。")]
    [InlineData(QuestionType.ShortAnswer, 0, "  为人民服务 ", "为人民服务", null)]
    public void ResponsesAreNormalisedOrRefused(QuestionType type, int options, string response, string? value, string? problem)
    {
        var (v, p) = QuizRules.Normalize(type, options, response);
        v.ShouldBe(value);
        p.ShouldBe(problem);
    }

    [Fact]
    public void ObjectiveAnswersScoreAllOrNothing()
    {
        QuizRules.Score(QuestionType.MultipleChoice, "ACD", "ACD", 4).ShouldBe(4);
        QuizRules.Score(QuestionType.MultipleChoice, "ACD", "AC", 4).ShouldBe(0);
        QuizRules.Score(QuestionType.SingleChoice, "A", "", 2).ShouldBe(0);
        QuizRules.Validate(QuestionType.SingleChoice, "题干", "甲\n乙", "C", 2).ShouldNotBeNull();
        QuizRules.Validate(QuestionType.SingleChoice, "题干", "甲", "A", 2).ShouldBe("选择题须有2到8个选项，每行一个。");
        QuizRules.Validate(QuestionType.TrueFalse, "题干", "", "对", 2).ShouldBeNull();
    }
}

public sealed class QuizTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> DemoQuizAsync() => app.WithDbAsync(db => db.Quizzes.Where(q => q.Title == "群众路线知识测试").Select(q => q.Id).SingleAsync());

    private static Guid AttemptOf(HttpResponseMessage started)
    {
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        started.Headers.Location!.OriginalString.ShouldContain("/Study/Quizzes/Take");
        return Guid.Parse(started.Headers.Location.OriginalString.Split("id=")[1]);
    }

    [DbFact]
    public async Task AMemberTakesTheQuizOnceIsScoredAndSeesAnswersOnlyAfterItCloses()
    {
        var quiz = await DemoQuizAsync();
        var member = await app.SignedInClientAsync("member");
        var details = await member.GetDocumentAsync($"/Study/Quizzes/Details?id={quiz}");
        details.QuerySelector("[data-testid=start]").ShouldNotBeNull(details.Body!.TextContent);
        var attempt = AttemptOf(await member.PostFormAsync($"/Study/Quizzes/Details?id={quiz}", new Dictionary<string, string>(), "Start"));
        var sheet = await member.GetDocumentAsync($"/Study/Quizzes/Take?id={attempt}");
        sheet.QuerySelector("[data-testid=answer-sheet]").ShouldNotBeNull();
        sheet.QuerySelectorAll("[data-testid=correct-answer]").ShouldBeEmpty();
        sheet.Body!.TextContent.ShouldNotContain("见党章总纲", customMessage: "explanations are hidden while the quiz is open");

        var questions = await app.WithDbAsync(db => db.QuizQuestions.Where(q => q.QuizId == quiz).ToListAsync());
        var total = questions.Sum(q => q.Points);

        var tampered = await member.PostFormAsync($"/Study/Quizzes/Take?id={attempt}", new Dictionary<string, string> { [$"a-{Guid.NewGuid()}"] = "A" }, "Take");
        (await tampered.ParseAsync()).QuerySelector("[data-testid=problem]")!.TextContent.ShouldContain("篡改");
        var impossible = await member.PostFormAsync($"/Study/Quizzes/Take?id={attempt}", new Dictionary<string, string> { [$"a-{questions.First(q => q.Type == QuestionType.SingleChoice).Id}"] = "Z" }, "Take");
        (await impossible.ParseAsync()).QuerySelector("[data-testid=problem]")!.TextContent.ShouldContain("不是本题的选项");
        (await app.WithDbAsync(db => db.QuizAnswers.CountAsync(a => a.AttemptId == attempt))).ShouldBe(0, "a refused sheet saves nothing");

        var answers = questions.ToDictionary(q => $"a-{q.Id}", q => q.Answer);
        var submitted = await member.PostFormAsync($"/Study/Quizzes/Take?id={attempt}", answers, "Take");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == attempt));
        saved.Score.ShouldBe(total);
        saved.Late.ShouldBeFalse();

        // The page of a submitted attempt redirects away from the answer sheet, and a replayed post is refused.
        var again = await member.PostAsync(new Uri($"/Study/Quizzes/Take?id={attempt}", UriKind.Relative), new FormUrlEncodedContent(answers));
        again.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.QuizAnswers.CountAsync(a => a.AttemptId == attempt))).ShouldBe(questions.Count);

        var review = await member.GetDocumentAsync($"/Study/Quizzes/Attempt?id={attempt}");
        review.QuerySelectorAll("[data-testid=correct-answer]").ShouldBeEmpty();
        review.QuerySelectorAll("[data-testid=item-points]").ShouldBeEmpty("which questions were right would give the answers away");
        review.QuerySelector("[data-testid=score]")!.TextContent.ShouldContain(total.ToString());

        var other = await app.SignedInClientAsync("leader");
        (await other.GetAsync(new Uri($"/Study/Quizzes/Attempt?id={attempt}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // One retake is allowed (two attempts), a third is refused.
        AttemptOf(await member.PostFormAsync($"/Study/Quizzes/Details?id={quiz}", new Dictionary<string, string>(), "Start"));
        var second = await app.WithDbAsync(db => db.QuizAttempts.Where(a => a.QuizId == quiz && a.PersonId == saved.PersonId && a.Number == 2).SingleAsync());
        await member.PostFormAsync($"/Study/Quizzes/Take?id={second.Id}", new Dictionary<string, string>(), "Take");
        (await member.GetDocumentAsync($"/Study/Quizzes/Details?id={quiz}")).QuerySelector("[data-testid=start]").ShouldBeNull("both attempts are used");
        var token = (await member.GetDocumentAsync($"/Study/Quizzes/Details?id={quiz}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var third = await member.PostAsync(new Uri($"/Study/Quizzes/Details?id={quiz}&handler=Start", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        third.Headers.Location!.OriginalString.ShouldNotContain("Take");
        (await app.WithDbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quiz && a.PersonId == saved.PersonId))).ShouldBe(2);

        var closes = await app.WithDbAsync(db => db.Quizzes.Where(q => q.Id == quiz).Select(q => q.ClosesAt).SingleAsync());
        var shift = closes - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        app.Clock.Advance(shift);
        try
        {
            member = await app.SignedInClientAsync("member"); // the idle timeout ended the old session
            var after = await member.GetDocumentAsync($"/Study/Quizzes/Attempt?id={attempt}");
            after.QuerySelectorAll("[data-testid=correct-answer]").Length.ShouldBe(questions.Count);
            after.QuerySelectorAll("[data-testid=item-points]").Length.ShouldBe(questions.Count);
            (await member.GetDocumentAsync($"/Study/Quizzes/Details?id={quiz}")).QuerySelector("[data-testid=quiz-state]")!.TextContent.ShouldBe("已结束");
        }
        finally
        {
            app.Clock.Advance(-shift);
        }
    }

    [DbFact]
    public async Task ALateSheetIsKeptButScoresNothing()
    {
        var quiz = await DemoQuizAsync();
        var observer = await app.SignedInClientAsync("office");
        var attempt = AttemptOf(await observer.PostFormAsync($"/Study/Quizzes/Details?id={quiz}", new Dictionary<string, string>(), "Start"));
        var questions = await app.WithDbAsync(db => db.QuizQuestions.Where(q => q.QuizId == quiz).ToListAsync());
        var page = await observer.GetDocumentAsync($"/Study/Quizzes/Take?id={attempt}");
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        try
        {
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var fields = questions.ToDictionary(q => $"a-{q.Id}", q => q.Answer);
            fields["__RequestVerificationToken"] = token;
            var late = await observer.PostAsync(new Uri($"/Study/Quizzes/Take?id={attempt}", UriKind.Relative), new FormUrlEncodedContent(fields));
            late.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var saved = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == attempt));
            saved.Late.ShouldBeTrue();
            saved.Score.ShouldBe(0);
            (await app.WithDbAsync(db => db.QuizAnswers.CountAsync(a => a.AttemptId == attempt))).ShouldBe(questions.Count, "the late sheet is kept for the record");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-25));
        }
    }

    [DbFact]
    public async Task OfficeComposesAQuizWithAShortAnswerAndMarksIt()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Input.Title"] = "简答测试", ["Input.OpensOn"] = today.ToString("yyyy-MM-dd"), ["Input.OpensTime"] = "00:00",
            ["Input.ClosesOn"] = today.AddDays(1).ToString("yyyy-MM-dd"), ["Input.ClosesTime"] = "23:00", ["Input.TimeLimitMinutes"] = "30", ["Input.MaxAttempts"] = "1", ["Input.PassScore"] = "6",
            ["Input.Shuffle"] = "true", ["Input.Counts[SingleChoice]"] = "1", ["Input.Counts[MultipleChoice]"] = "0", ["Input.Counts[TrueFalse]"] = "0", ["Input.Counts[ShortAnswer]"] = "1",
        };
        var tooMany = await office.PostFormAsync("/Study/Quizzes/Edit", new Dictionary<string, string>(fields) { ["Input.Counts[ShortAnswer]"] = "99" });
        (await tooMany.ParseAsync()).ErrorsText().ShouldContain("最多可抽");
        var unreachable = await office.PostFormAsync("/Study/Quizzes/Edit", new Dictionary<string, string>(fields) { ["Input.PassScore"] = "999" });
        (await unreachable.ParseAsync()).ErrorsText().ShouldContain("及格分不能高于");
        var rushed = await office.PostFormAsync("/Study/Quizzes/Edit", new Dictionary<string, string>(fields) { ["Input.TimeLimitMinutes"] = "1", ["Input.Title"] = new string('测', Quiz.TitleMax + 1) });
        var rushedErrors = (await rushed.ParseAsync()).ErrorsText();
        rushedErrors.ShouldContain("答题时限须在5到300分钟之间");
        rushedErrors.ShouldContain("请填写测试名称（不超过200字）");
        var made = await office.PostFormAsync("/Study/Quizzes/Edit", fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var quiz = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);

        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Study/Quizzes/Details?id={quiz}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "unpublished quizzes are hidden from takers");
        await office.PostFormAsync($"/Study/Quizzes/Details?id={quiz}", new Dictionary<string, string> { ["publish"] = "true" }, "Publish");

        var attempt = AttemptOf(await member.PostFormAsync($"/Study/Quizzes/Details?id={quiz}", new Dictionary<string, string>(), "Start"));
        var questions = await app.WithDbAsync(db => db.QuizQuestions.Where(q => q.QuizId == quiz).ToListAsync());
        var shortAnswer = questions.Single(q => q.Type == QuestionType.ShortAnswer);
        var answers = questions.ToDictionary(q => $"a-{q.Id}", q => q.Type == QuestionType.ShortAnswer ? "一切为了群众，一切依靠群众" : q.Answer);
        await member.PostFormAsync($"/Study/Quizzes/Take?id={attempt}", answers, "Take");
        var waiting = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == attempt));
        waiting.NeedsMarking.ShouldBeTrue();
        waiting.Score.ShouldBeNull();

        var answerId = await app.WithDbAsync(db => db.QuizAnswers.Where(a => a.AttemptId == attempt && a.QuizQuestionId == shortAnswer.Id).Select(a => a.Id).SingleAsync());
        var tooHigh = await office.PostFormAsync($"/Study/Quizzes/Attempt?id={attempt}", new Dictionary<string, string> { [$"p-{answerId}"] = (shortAnswer.Points + 1).ToString() }, "Mark");
        tooHigh.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == attempt))).NeedsMarking.ShouldBeTrue();

        await office.PostFormAsync($"/Study/Quizzes/Attempt?id={attempt}", new Dictionary<string, string> { [$"p-{answerId}"] = "8" }, "Mark");
        var marked = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == attempt));
        marked.NeedsMarking.ShouldBeFalse();
        marked.Score.ShouldBe(questions.Single(q => q.Type == QuestionType.SingleChoice).Points + 8);

        var results = await office.GetDocumentAsync($"/Study/Quizzes/Details?id={quiz}");
        results.QuerySelector("[data-testid=person-results]")!.TextContent.ShouldContain("孙磊");
        results.QuerySelector("[data-testid=unit-results]").ShouldNotBeNull();
    }

    [DbFact]
    public async Task QuestionImportReportsEveryBadRowAndImportsAllOrNothing()
    {
        var office = await app.SignedInClientAsync("office");
        var columns = QuestionBank.Headers.Select(h => new XlsxWriter.Column(h)).ToList();
        var bad = XlsxWriter.Write("题目", "题库", columns, [["单选", "测试", "甲乙丙？", "甲\n乙", "C", 2, ""], ["填空", "测试", "新题一", "", "x", 2, ""], ["判断", "测试", "新题二", "", "对", 2, ""]]);
        var before = await app.WithDbAsync(db => db.Questions.CountAsync());
        var refused = await office.PostMultipartAsync("/Study/Questions/Import", new Dictionary<string, string>(), [("file", "题目.xlsx", bad)]);
        var problems = (await refused.ParseAsync()).QuerySelector("[data-testid=problems]")!.TextContent;
        problems.ShouldContain("单选题答案须是一个选项字母");
        problems.ShouldContain("题型须是");
        (await app.WithDbAsync(db => db.Questions.CountAsync())).ShouldBe(before);

        var notExcel = await office.PostMultipartAsync("/Study/Questions/Import", new Dictionary<string, string>(), [("file", "题目.xlsx", [0x00, 0x01, 0x02])]);
        (await notExcel.ParseAsync()).QuerySelector("[data-testid=file-error]").ShouldNotBeNull();

        var good = XlsxWriter.Write("题目", "题库", columns, [["单选", "测试", "新单选题？", "A.甲\nB.乙\nC.丙", "c", 3, ""], ["判断", "测试", "新判断题。", "", "错", "", ""]]);
        var imported = await office.PostMultipartAsync("/Study/Questions/Import", new Dictionary<string, string>(), [("file", "题目.xlsx", good)]);
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var added = await app.WithDbAsync(db => db.Questions.Where(q => q.Category == "测试").OrderBy(q => q.Stem).ToListAsync());
        added.Count.ShouldBe(2);
        added.Single(q => q.Type == QuestionType.SingleChoice).ShouldSatisfyAllConditions(q => q.Answer.ShouldBe("C"), q => q.Options.ShouldBe("甲\n乙\n丙"), q => q.Points.ShouldBe(3));

        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri("/Study/Questions/Import", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the forbidden page");
    }

    [DbFact]
    public async Task AQuestionFormChecksItsFieldsThenItsAnswerAndRefusesAStaleSave()
    {
        var office = await app.SignedInClientAsync("office");
        var form = await office.GetDocumentAsync("/Study/Questions/Edit");
        form.QuerySelector("textarea[name='Input.Stem']")!.GetAttribute("maxlength").ShouldBe("2000", "the length comes from the entity, once");
        form.QuerySelector("input[name='Input.Category']")!.GetAttribute("maxlength").ShouldBe(Question.CategoryMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        const string stem = "党的最高理想和最终目标是什么？（表单测试）";
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = "SingleChoice", ["Input.Category"] = "党章", ["Input.Stem"] = stem, ["Input.Options"] = "实现共产主义\n全面建成小康社会",
            ["Input.Answer"] = "A", ["Input.Points"] = "2",
        };
        var before = await app.WithDbAsync(db => db.Questions.CountAsync());
        var bad = await office.PostFormAsync("/Study/Questions/Edit", new Dictionary<string, string>(fields) { ["Input.Points"] = "0", ["Input.Category"] = new string('党', Question.CategoryMax + 1) });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await bad.ParseAsync()).ErrorsText();
        errors.ShouldContain("分值须在1到100之间");
        errors.ShouldContain("分类不超过50字");
        var wrongAnswer = await office.PostFormAsync("/Study/Questions/Edit", new Dictionary<string, string>(fields) { ["Input.Answer"] = "E" });
        (await wrongAnswer.ParseAsync()).ErrorsText().ShouldContain("单选题答案须是一个选项字母");
        (await app.WithDbAsync(db => db.Questions.CountAsync())).ShouldBe(before);

        var made = await office.PostFormAsync("/Study/Questions/Edit", fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var question = await app.WithDbAsync(db => db.Questions.SingleAsync(q => q.Stem == stem));
        (question.Answer, question.Category, question.Points).ShouldBe(("A", "党章", 2));
        var edit = await office.GetDocumentAsync($"/Study/Questions/Edit?id={question.Id}");
        edit.QuerySelector("input[name='Input.Version']")!.GetAttribute("value").ShouldBe(question.Version.ToString());
        var saved = await office.PostFormAsync($"/Study/Questions/Edit?id={question.Id}", new Dictionary<string, string>(fields) { ["Input.Points"] = "5", ["Input.Version"] = question.Version.ToString() });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await saved.ParseAsync()).ErrorsText());
        (await app.WithDbAsync(db => db.Questions.Where(q => q.Id == question.Id).Select(q => q.Points).SingleAsync())).ShouldBe(5);
        var stale = await office.PostFormAsync($"/Study/Questions/Edit?id={question.Id}", new Dictionary<string, string>(fields) { ["Input.Points"] = "9", ["Input.Version"] = question.Version.ToString() });
        (await stale.ParseAsync()).ErrorsText().ShouldContain("已被他人修改");
        (await app.WithDbAsync(db => db.Questions.Where(q => q.Id == question.Id).Select(q => q.Points).SingleAsync())).ShouldBe(5);
    }
}
