using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>新增或修改载体活动: its kind, title, the person responsible, whom it links with, and its dates (open-ended while it stands).</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class ActivityEditModel(AppDbContext db, CampaignAccess access, ResearchFigures figures, TimeProvider clock) : ResearchEditModel(db, access, figures)
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public sealed class ActivityInput
    {
        public Guid Version { get; set; }

        [Display(Name = "类别")]
        public OutreachKind Kind { get; set; } = OutreachKind.ContactPoint;

        [Required(ErrorMessage = "请填写活动名称（不超过200字）。")]
        [StringLength(OutreachActivity.TitleMax, ErrorMessage = "请填写活动名称（不超过200字）。")]
        [Display(Name = "名称")]
        public string? Title { get; set; }

        [Display(Name = "负责人")]
        public Guid? PersonId { get; set; }

        [StringLength(OutreachActivity.CounterpartMax, ErrorMessage = "联系、结对、服务对象不超过200字。")]
        [Display(Name = "联系、结对、服务对象")]
        public string? Counterpart { get; set; }

        [Display(Name = "开始日期")]
        public DateOnly StartsOn { get; set; }

        [Display(Name = "结束日期")]
        public DateOnly? EndsOn { get; set; }

        [StringLength(OutreachActivity.NoteMax, ErrorMessage = "说明不超过4000字。")]
        [Display(Name = "说明")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(OutreachKind? kind, CancellationToken ct)
    {
        var activity = await LoadAsync(ct);
        Input.StartsOn = ChinaTime.Today(clock) is var today && today > Campaign.EndsOn ? Campaign.StartsOn : today;
        if (kind is { } k && Enum.IsDefined(k))
        {
            Input.Kind = k;
        }

        if (activity is not null)
        {
            Input = new ActivityInput
            {
                Version = activity.Version, Kind = activity.Kind, Title = activity.Title, PersonId = activity.PersonId, Counterpart = activity.Counterpart,
                StartsOn = activity.StartsOn, EndsOn = activity.EndsOn, Note = activity.Note,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var activity = await LoadAsync(ct);
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError(Field(nameof(ActivityInput.Kind)), "请选择载体活动的类别。");
        }

        if (Input.PersonId is { } person && Cadres.All(c => c.Id != person))
        {
            ModelState.AddModelError(Field(nameof(ActivityInput.PersonId)), "请从本活动范围内的干部中选择负责人。");
        }

        if (!Campaign.HasHappenedOn(Input.StartsOn, ChinaTime.Today(clock)))
        {
            ModelState.AddModelError(Field(nameof(ActivityInput.StartsOn)), $"开始日期须在活动期间内（{Campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天；补录请填实际日期。");
        }

        if (Input.EndsOn is { } end && (end < Input.StartsOn || end > Campaign.EndsOn))
        {
            ModelState.AddModelError(Field(nameof(ActivityInput.EndsOn)), "结束日期不能早于开始日期，也不能晚于活动结束；长期开展的不填。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (activity is null)
        {
            activity = new OutreachActivity { CampaignId = CampaignId, Title = "" };
            Db.OutreachActivities.Add(activity);
        }
        else
        {
            Db.ExpectVersion(activity, Input.Version);
        }

        (activity.Kind, activity.Title, activity.PersonId, activity.Counterpart) = (Input.Kind, Input.Title!.Trim(), Input.PersonId, Input.Counterpart.NullIfBlank());
        (activity.StartsOn, activity.EndsOn, activity.Note) = (Input.StartsOn, Input.EndsOn, Input.Note.NullIfBlank());
        if (!await Db.SaveOrReportConflictAsync(ModelState, "该活动", ct))
        {
            return Page();
        }

        TempData.Success(Id is null ? "载体活动已登记。每次开展时登记一次走访。" : "已保存。");
        return RedirectToPage("/Research/Activity", new { id = activity.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private Task<OutreachActivity?> LoadAsync(CancellationToken ct) =>
        LoadAsync(Db.OutreachActivities, a => a.CampaignId, "/Research?view=outreach&campaignId=", Id is null ? "新增载体活动" : "修改载体活动", ct);
}
