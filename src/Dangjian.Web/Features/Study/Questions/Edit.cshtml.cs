using System.ComponentModel.DataAnnotations;
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
    public QuestionInput Input { get; set; } = new();

    public sealed class QuestionInput
    {
        public Guid Version { get; set; }

        [Display(Name = "题型")]
        public QuestionType Type { get; set; } = QuestionType.SingleChoice;

        [StringLength(Question.CategoryMax, ErrorMessage = "分类不超过50字。")]
        [Display(Name = "分类")]
        public string? Category { get; set; }

        [Required(ErrorMessage = "请填写题干（不超过2000字）。")]
        [StringLength(Question.StemMax, ErrorMessage = "请填写题干（不超过2000字）。")]
        [Display(Name = "题干")]
        public string Stem { get; set; } = "";

        [StringLength(Question.OptionsMax)]
        [Display(Name = "选项")]
        public string? Options { get; set; }

        [StringLength(Question.AnswerMax)]
        [Display(Name = "答案")]
        public string? Answer { get; set; }

        [Range(1, 100, ErrorMessage = "分值须在1到100之间。")]
        [Display(Name = "分值")]
        public int Points { get; set; } = 2;

        [StringLength(Question.ExplanationMax, ErrorMessage = "解析不超过2000字。")]
        [Display(Name = "解析")]
        public string? Explanation { get; set; }

        public static QuestionInput From(Question q) => new()
        {
            Version = q.Version, Type = q.Type, Category = q.Category, Stem = q.Stem, Options = q.Options, Answer = q.Answer, Points = q.Points, Explanation = q.Explanation,
        };

        /// <summary>Writes the checked input onto the question, with its options cleaned and its answer normalized.</summary>
        public void ApplyTo(Question question, string options)
        {
            question.Type = Type;
            question.Category = Category.NullIfBlank();
            question.Stem = Stem.Trim();
            question.Options = Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? options : "";
            question.Answer = QuestionBank.NormalizedAnswer(Type, question.Options, Answer!);
            question.Points = Points;
            question.Explanation = Explanation.NullIfBlank();
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Trail();
        if (Id is { } id)
        {
            Input = QuestionInput.From(await FindAsync(id, ct));
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

        if (!Enum.IsDefined(Input.Type))
        {
            ModelState.AddModelError("Input.Type", "请选择题型。");
            return Page();
        }

        // The bank's own rule (options for choices, an answer that fits them) once the fields themselves are right.
        var options = QuestionBank.CleanOptions(Input.Options);
        if (ModelState.IsValid && QuizRules.Validate(Input.Type, Input.Stem, options, Input.Answer, Input.Points) is { } problem)
        {
            ModelState.AddModelError("Input.Answer", problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var question = Id is { } id ? await FindAsync(id, ct) : new Question { OwnerUnitId = owner.Value, Stem = "", Answer = "" };
        if (Id is not null)
        {
            db.ExpectVersion(question, Input.Version);
        }
        else
        {
            db.Questions.Add(question);
        }

        Input.ApplyTo(question, options);
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
