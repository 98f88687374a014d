using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dangjian.Web.Features.Research;

/// <summary>登记走访: the one form both a research topic and an outreach activity use for their dated outings.</summary>
public sealed class VisitInput
{
    [Display(Name = "日期")]
    public DateOnly VisitedOn { get; set; }

    [Display(Name = "走访对象类别")]
    public VisitTarget Target { get; set; } = VisitTarget.Enterprise;

    [Required(ErrorMessage = "请填写走访的地点或单位（不超过200字）。")]
    [StringLength(Visit.PlaceMax, ErrorMessage = "请填写走访的地点或单位（不超过200字）。")]
    [Display(Name = "地点、单位")]
    public string? Place { get; set; }

    [StringLength(Visit.DistrictMax, ErrorMessage = "所在县区不超过50字。")]
    [Display(Name = "所在县区")]
    public string? District { get; set; }

    [Range(1, Visit.MaxUnits, ErrorMessage = "单位数须为1到10000之间的整数。")]
    [Display(Name = "单位数")]
    public int Units { get; set; } = 1;

    [Range(0, 100000, ErrorMessage = "人数须为0到100000之间的整数。")]
    [Display(Name = "座谈、参加或服务人数")]
    public int People { get; set; }

    [StringLength(Visit.SummaryMax, ErrorMessage = "情况和成效不超过4000字。")]
    [Display(Name = "了解的情况、解决的问题")]
    public string? Summary { get; set; }

    /// <summary>Adds the refusals the attributes cannot express: a date inside the campaign and not in the future, a known kind.</summary>
    public void Check(Campaign campaign, DateOnly today, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!campaign.HasHappenedOn(VisitedOn, today))
        {
            modelState.AddModelError(prefix + nameof(VisitedOn), $"日期须在活动期间内（{campaign.StartsOn:yyyy-MM-dd} 起）且不晚于今天；补录以前的走访请填实际日期。");
        }

        if (!Enum.IsDefined(Target))
        {
            modelState.AddModelError(prefix + nameof(Target), "请选择走访对象类别。");
        }
    }

    public Visit ToVisit(Guid campaignId, Guid? topicId, Guid? activityId) => new()
    {
        CampaignId = campaignId, TopicId = topicId, ActivityId = activityId, VisitedOn = VisitedOn, Target = Target, Place = Place!.Trim(),
        District = District.NullIfBlank(), Units = Units, People = People, Summary = Summary.NullIfBlank(),
    };
}
