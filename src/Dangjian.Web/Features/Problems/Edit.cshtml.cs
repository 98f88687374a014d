using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems;

/// <summary>新建或修改问题: a short statement, category, whom it concerns and its source; deleting keeps the opinions.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class EditModel(AppDbContext db, CampaignAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid CampaignId { get; set; }

    [BindProperty]
    public ProblemInput Input { get; set; } = new();

    public sealed class ProblemInput
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "请用一句话概括问题（不超过200字）。")]
        [StringLength(Problem.TitleMax, ErrorMessage = "请用一句话概括问题（不超过200字）。")]
        [Display(Name = "问题")]
        public string Title { get; set; } = "";

        [StringLength(Problem.DescriptionMax, ErrorMessage = "说明不超过4000字。")]
        [Display(Name = "说明")]
        public string? Description { get; set; }

        [Display(Name = "类别")]
        public Topic? Category { get; set; }

        [StringLength(Problem.ConcernsMax, ErrorMessage = "反映对象不超过100字。")]
        [Display(Name = "反映对象")]
        public string? Concerns { get; set; }

        [Display(Name = "来源")]
        public ProblemSource Source { get; set; } = ProblemSource.Opinions;

        [Display(Name = "整改时限")]
        public ProblemHorizon? Horizon { get; set; }

        [Display(Name = "所属方面")]
        public Guid? AspectId { get; set; }

        public static ProblemInput From(Problem p) => new()
        {
            Version = p.Version, Title = p.Title, Description = p.Description, Category = p.Category, Concerns = p.Concerns, Source = p.Source, Horizon = p.Horizon, AspectId = p.AspectId,
        };

        public void ApplyTo(Problem problem)
        {
            problem.Title = Title.Trim();
            problem.Description = Description.NullIfBlank();
            problem.Concerns = Concerns.NullIfBlank();
            (problem.Category, problem.Source, problem.Horizon, problem.AspectId) = (Category, Source, Horizon, AspectId);
        }
    }

    public Problem? Existing { get; private set; }

    public Campaign Campaign { get; private set; } = null!;

    /// <summary>The campaign's 方面, in order.</summary>
    public List<ProblemAspect> Aspects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Existing is { } p)
        {
            Input = ProblemInput.From(p);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if ((Input.Category is { } c && !Enum.IsDefined(c)) || !Enum.IsDefined(Input.Source) || (Input.Horizon is { } h && !Enum.IsDefined(h)))
        {
            ModelState.AddModelError("Input.Category", "请选择有效的类别、来源和整改时限类型。");
        }

        if (Input.AspectId is { } aspect && Aspects.All(a => a.Id != aspect))
        {
            ModelState.AddModelError("Input.AspectId", "请选择本活动已归纳的方面。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problem = Existing;
        if (problem is null)
        {
            problem = new Problem { CampaignId = CampaignId, Title = "" };
            db.Problems.Add(problem);
        }
        else
        {
            db.ExpectVersion(problem, Input.Version);
        }

        Input.ApplyTo(problem);
        if (!await db.SaveOrReportConflictAsync(ModelState, "该问题", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? "问题已新建。可以把相关意见关联进来。" : "已保存。");
        return RedirectToPage("/Problems/Details", new { id = problem.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var problem = Existing ?? throw new NotFoundException();
        db.Problems.Remove(problem);
        await db.SaveChangesAsync(ct);
        TempData.Success($"问题“{problem.Title}”已删除，关联的意见仍保留在意见汇总中。");
        return RedirectToPage("/Problems/Index", new { campaignId = problem.CampaignId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Existing = await db.Problems.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
            CampaignId = Existing.CampaignId;
        }

        Campaign = await access.FindAsync(CampaignId, Permissions.CampaignsEdit, ct);
        if (!await access.RunsAsync(Campaign, Permissions.CampaignsEdit, ct))
        {
            throw new ForbiddenException();
        }

        Aspects = await db.ProblemAspects.AsNoTracking().Where(a => a.CampaignId == CampaignId).OrderBy(a => a.Order).ThenBy(a => a.CreatedAt).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("问题清单", $"/Problems?campaignId={CampaignId}"), new Breadcrumb(Existing is null ? "新建问题" : "修改问题"));
    }
}
