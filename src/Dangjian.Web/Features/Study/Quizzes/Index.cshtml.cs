using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Quizzes;

/// <summary>在线测试: the quizzes of the caller's campaigns — published ones for everybody, drafts too for the office — with their own best score.</summary>
[RequirePermission(Permissions.StudyView)]
public sealed class IndexModel(AppDbContext db, ScopeGuard guard, StudyAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Campaign, DateTime OpensAt, DateTime ClosesAt, int TimeLimit, bool Published, int Questions, int? MyBest, int MyAttempts, int MaxAttempts);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Quizzes { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public bool CanEdit => access.CanEdit;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("在线测试"));
        Now = clock.GetUtcNow().UtcDateTime;
        var scope = await guard.ScopeAsync(ct);
        var person = await access.PersonIdAsync(ct);
        var campaigns = db.Campaigns.InScopeOrAbove(scope, c => c.ScopeUnit!.Path).Select(c => c.Id);
        var editable = db.Campaigns.InScope(scope, c => c.ScopeUnit!.Path).Select(c => c.Id);
        var canEdit = CanEdit;
        Quizzes = await db.Quizzes.AsNoTracking().Where(q => campaigns.Contains(q.CampaignId) && (q.PublishedAt != null || (canEdit && editable.Contains(q.CampaignId))))
            .OrderByDescending(q => q.OpensAt).ThenBy(q => q.Id)
            .Select(q => new Row(
                q.Id,
                q.Title,
                db.Campaigns.Where(c => c.Id == q.CampaignId).Select(c => c.Title).Single(),
                q.OpensAt,
                q.ClosesAt,
                q.TimeLimitMinutes,
                q.PublishedAt != null,
                db.QuizQuestions.Count(x => x.QuizId == q.Id),
                db.QuizAttempts.Where(a => a.QuizId == q.Id && a.PersonId == person && a.SubmittedAt != null).Max(a => a.Score),
                db.QuizAttempts.Count(a => a.QuizId == q.Id && a.PersonId == person),
                q.MaxAttempts))
            .ToPageAsync(PageNumber, 20, ct);
    }
}
