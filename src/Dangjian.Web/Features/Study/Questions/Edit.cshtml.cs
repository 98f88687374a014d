using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Questions;

/// <summary>新增或修改题目: type, category, stem, options one per line, answer, points, explanation.</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, QuestionBank bank) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public QuestionType Type { get; set; } = QuestionType.SingleChoice;

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Stem { get; set; }

    [BindProperty]
    public string? Options { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public int Points { get; set; } = 2;

    [BindProperty]
    public string? Explanation { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Trail();
        if (Id is { } id)
        {
            var q = await FindAsync(id, ct);
            (Type, Category, Stem, Options, Answer, Points, Explanation, LoadedVersion) = (q.Type, q.Category, q.Stem, q.Options, q.Answer, q.Points, q.Explanation, q.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Trail();
        var owner = await bank.OwnerUnitIdAsync(ct);
        if (owner is null)
        {
            ModelState.AddModelError("", "您的账户没有所属单位，不能维护题库。");
            return Page();
        }

        if (!Enum.IsDefined(Type))
        {
            ModelState.AddModelError(nameof(Type), "请选择题型。");
            return Page();
        }

        var options = QuestionBank.CleanOptions(Options);
        if (QuizRules.Validate(Type, Stem, options, Answer, Points) is { } problem)
        {
            ModelState.AddModelError(nameof(Answer), problem);
        }

        if ((Category?.Trim().Length ?? 0) > 50 || (Explanation?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError(nameof(Category), "分类不超过50字，解析不超过2000字。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var question = Id is { } id ? await FindAsync(id, ct) : new Question { OwnerUnitId = owner.Value, Stem = "", Answer = "" };
        if (Id is not null)
        {
            db.ExpectVersion(question, LoadedVersion);
        }
        else
        {
            db.Questions.Add(question);
        }

        question.Type = Type;
        question.Category = Category.NullIfBlank();
        question.Stem = Stem!.Trim();
        question.Options = Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? options : "";
        question.Answer = QuestionBank.NormalizedAnswer(Type, question.Options, Answer!);
        question.Points = Points;
        question.Explanation = Explanation.NullIfBlank();
        if (!await db.SaveOrReportConflictAsync(ModelState, "该题目", ct))
        {
            return Page();
        }

        TempData.Success(Id is null ? "题目已加入题库。" : "题目已保存。");
        return Request.Form.ContainsKey("another") ? RedirectToPage(new { id = (Guid?)null }) : RedirectToPage("/Study/Questions/Index");
    }

    private async Task<Question> FindAsync(Guid id, CancellationToken ct)
    {
        var owner = await bank.OwnerUnitIdAsync(ct);
        return await db.Questions.SingleOrDefaultAsync(q => q.Id == id && q.OwnerUnitId == owner, ct) ?? throw new NotFoundException();
    }

    private void Trail() => ViewData.Trail(new Breadcrumb("题库", "/Study/Questions"), new Breadcrumb(Id is null ? "新增题目" : "修改题目"));
}
