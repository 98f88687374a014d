using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Research;

/// <summary>新增或修改调研课题: title, 调研组 and its leader and members, the report once written, the 成果交流 date.</summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class TopicEditModel(AppDbContext db, CampaignAccess access, ResearchFigures figures, TimeProvider clock) : ResearchEditModel(db, access, figures)
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public List<string> Groups { get; private set; } = [];

    public sealed class TopicInput
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "请填写调研课题（不超过200字）。")]
        [StringLength(ResearchTopic.TitleMax, ErrorMessage = "请填写调研课题（不超过200字）。")]
        [Display(Name = "调研课题")]
        public string? Title { get; set; }

        [StringLength(ResearchTopic.GroupMax, ErrorMessage = "调研组名称不超过50字。")]
        [Display(Name = "调研组")]
        public string? GroupName { get; set; }

        [Display(Name = "组长")]
        public Guid? LeaderId { get; set; }

        [StringLength(ResearchTopic.MembersMax, ErrorMessage = "成员不超过500字。")]
        [Display(Name = "成员")]
        public string? Members { get; set; }

        [StringLength(ResearchTopic.TitleMax, ErrorMessage = "调研报告题目不超过200字。")]
        [Display(Name = "调研报告题目")]
        public string? ReportTitle { get; set; }

        [Display(Name = "报告形成日期")]
        public DateOnly? ReportOn { get; set; }

        [Display(Name = "成果交流日期")]
        public DateOnly? SharedOn { get; set; }

        [StringLength(ResearchTopic.NoteMax, ErrorMessage = "说明不超过4000字。")]
        [Display(Name = "说明")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var topic = await LoadAsync(ct);
        if (topic is not null)
        {
            Input = new TopicInput
            {
                Version = topic.Version, Title = topic.Title, GroupName = topic.GroupName, LeaderId = topic.LeaderId, Members = topic.Members,
                ReportTitle = topic.ReportTitle, ReportOn = topic.ReportOn, SharedOn = topic.SharedOn, Note = topic.Note,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var topic = await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        if (Input.LeaderId is { } leader && Cadres.All(c => c.Id != leader))
        {
            ModelState.AddModelError(Field(nameof(TopicInput.LeaderId)), "请从本活动范围内的干部中选择组长。");
        }

        if (Input.ReportOn is not null && string.IsNullOrWhiteSpace(Input.ReportTitle))
        {
            ModelState.AddModelError(Field(nameof(TopicInput.ReportTitle)), "填写了报告形成日期时，请写明调研报告的题目。");
        }

        CheckDate(Field(nameof(TopicInput.ReportOn)), Input.ReportOn, today);
        CheckDate(Field(nameof(TopicInput.SharedOn)), Input.SharedOn, today);

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (topic is null)
        {
            topic = new ResearchTopic { CampaignId = CampaignId, Title = "" };
            Db.ResearchTopics.Add(topic);
        }
        else
        {
            Db.ExpectVersion(topic, Input.Version);
        }

        (topic.Title, topic.GroupName, topic.LeaderId, topic.Members) = (Input.Title!.Trim(), Input.GroupName.NullIfBlank(), Input.LeaderId, Input.Members.NullIfBlank());
        (topic.ReportTitle, topic.ReportOn, topic.SharedOn, topic.Note) = (Input.ReportTitle.NullIfBlank(), Input.ReportOn, Input.SharedOn, Input.Note.NullIfBlank());
        if (!await Db.SaveOrReportConflictAsync(ModelState, "该课题", ct))
        {
            return Page();
        }

        TempData.Success(Id is null ? "调研课题已登记。接着登记每一次走访。" : "已保存。");
        return RedirectToPage("/Research/Topic", new { id = topic.Id });
    }

    private static string Field(string name) => nameof(Input) + "." + name;

    private async Task<ResearchTopic?> LoadAsync(CancellationToken ct)
    {
        var topic = await LoadAsync(Db.ResearchTopics, t => t.CampaignId, "/Research?campaignId=", Id is null ? "新增调研课题" : "修改调研课题", ct);
        Groups = await Db.ResearchTopics.Where(t => t.CampaignId == CampaignId && t.GroupName != null).Select(t => t.GroupName!).Distinct().OrderBy(g => g).Take(50).ToListAsync(ct);
        return topic;
    }
}
