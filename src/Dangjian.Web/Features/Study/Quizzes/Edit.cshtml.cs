using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Quizzes;

/// <summary>新建测试: window, time limit, attempts, pass mark, and questions drawn at random from the bank by type and category.</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, StudyAccess access, QuestionBank bank, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public QuizInput Input { get; set; } = new();

    public sealed class QuizInput
    {
        [Required(ErrorMessage = "请填写测试名称（不超过200字）。")]
        [StringLength(Quiz.TitleMax, ErrorMessage = "请填写测试名称（不超过200字）。")]
        [Display(Name = "测试名称")]
        public string Title { get; set; } = "";

        [Display(Name = "开始日期")]
        public DateOnly OpensOn { get; set; }

        [Display(Name = "开始时间")]
        public TimeOnly OpensTime { get; set; } = new(8, 0);

        [Display(Name = "截止日期")]
        public DateOnly ClosesOn { get; set; }

        [Display(Name = "截止时间")]
        public TimeOnly ClosesTime { get; set; } = new(18, 0);

        [Range(5, 300, ErrorMessage = "答题时限须在5到300分钟之间。")]
        [Display(Name = "答题时限（分钟）")]
        public int TimeLimitMinutes { get; set; } = 30;

        [Range(1, 10, ErrorMessage = "作答次数须在1到10之间。")]
        [Display(Name = "可作答次数")]
        public int MaxAttempts { get; set; } = 1;

        [Range(0, 1000, ErrorMessage = "及格分须在0到1000之间。")]
        [Display(Name = "及格分")]
        public int PassScore { get; set; } = 60;

        [Display(Name = "每人题目顺序随机")]
        public bool Shuffle { get; set; } = true;

        [Display(Name = "分类")]
        public string? Category { get; set; }

        [Display(Name = "抽题数")]
        public Dictionary<QuestionType, int> Counts { get; set; } = [];

        public DateTime OpensAt => TimeZoneInfo.ConvertTimeToUtc(OpensOn.ToDateTime(OpensTime), ChinaTime.Zone);

        public DateTime ClosesAt => TimeZoneInfo.ConvertTimeToUtc(ClosesOn.ToDateTime(ClosesTime), ChinaTime.Zone);

        public Quiz ToQuiz(Guid campaignId) => new()
        {
            CampaignId = campaignId, Title = Title.Trim(), OpensAt = OpensAt, ClosesAt = ClosesAt,
            TimeLimitMinutes = TimeLimitMinutes, MaxAttempts = MaxAttempts, PassScore = PassScore, Shuffle = Shuffle,
        };
    }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public List<string> Categories { get; private set; } = [];

    public Dictionary<QuestionType, int> Available { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        Input = new QuizInput
        {
            OpensOn = today, ClosesOn = today.AddDays(7),
            Counts = new() { [QuestionType.SingleChoice] = 10, [QuestionType.MultipleChoice] = 5, [QuestionType.TrueFalse] = 10, [QuestionType.ShortAnswer] = 0 },
        };
        await LoadAsync(ct);
        foreach (var t in Enum.GetValues<QuestionType>())
        {
            Input.Counts[t] = Math.Min(Input.Counts.GetValueOrDefault(t), Available.GetValueOrDefault(t));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (CampaignId is null || Campaigns.All(c => c.Id != CampaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        var campaign = await access.EditAsync(CampaignId.Value, ct);
        if (Input.ClosesAt <= Input.OpensAt)
        {
            ModelState.AddModelError("Input.ClosesOn", "截止时间须晚于开始时间。");
        }

        if (Input.OpensOn < campaign.StartsOn || Input.ClosesOn > campaign.EndsOn)
        {
            ModelState.AddModelError("Input.OpensOn", $"测试时间须在活动期间内（{campaign.StartsOn:yyyy-MM-dd} 至 {campaign.EndsOn:yyyy-MM-dd}）。");
        }

        foreach (var (type, count) in Input.Counts)
        {
            if (count < 0 || count > Available.GetValueOrDefault(type))
            {
                ModelState.AddModelError("Input.Counts", $"{QuizRules.Label(type)}最多可抽{Available.GetValueOrDefault(type)}道。");
            }
        }

        if (Input.Counts.Values.Sum() == 0)
        {
            ModelState.AddModelError("Input.Counts", "请至少抽取一道题。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var quiz = Input.ToQuiz(campaign.Id);
        db.Quizzes.Add(quiz);
        var pool = await Pool(await bank.VisibleAsync(ct)).Select(q => new { q.Id, q.Type }).ToListAsync(ct);
        var order = 0;
        var total = 0;
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var ids = pool.Where(p => p.Type == type).Select(p => p.Id).ToArray();
            Random.Shared.Shuffle(ids);
            var chosen = ids.Take(Input.Counts.GetValueOrDefault(type)).ToList();
            var questions = await db.Questions.AsNoTracking().Where(q => chosen.Contains(q.Id)).ToListAsync(ct);
            foreach (var q in questions.OrderBy(q => chosen.IndexOf(q.Id)))
            {
                db.QuizQuestions.Add(new QuizQuestion
                {
                    QuizId = quiz.Id,
                    Order = ++order,
                    QuestionId = q.Id,
                    Type = q.Type,
                    Stem = q.Stem,
                    Options = q.Options,
                    Answer = q.Answer,
                    Points = q.Points,
                    Explanation = q.Explanation,
                });
                total += q.Points;
            }
        }

        if (Input.PassScore > total)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.PassScore", $"及格分不能高于抽到的题目总分（{total}分），请降低及格分或多抽几道题。");
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData.Success($"已组卷{order}道题。请核对题目后发布。");
        return RedirectToPage("/Study/Quizzes/Details", new { id = quiz.Id });
    }

    private IQueryable<Question> Pool(IQueryable<Question> visible) =>
        string.IsNullOrWhiteSpace(Input.Category) ? visible : visible.Where(q => q.Category == Input.Category);

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("在线测试", "/Study/Quizzes"), new Breadcrumb("新建测试"));
        Campaigns = await access.CampaignsAsync(forEditing: true, includeEnded: false, ct: ct);
        if (CampaignId is not { } id || Campaigns.All(c => c.Id != id))
        {
            CampaignId = Campaigns.Count == 1 ? Campaigns[0].Id : CampaignId;
        }

        var visible = await bank.VisibleAsync(ct);
        Categories = await visible.Where(q => q.Category != null).Select(q => q.Category!).Distinct().OrderBy(c => c).Take(100).ToListAsync(ct);
        Available = await Pool(visible).GroupBy(q => q.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
