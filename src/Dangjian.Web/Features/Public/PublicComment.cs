using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Web;

namespace Dangjian.Web.Features.Public;

/// <summary>What a member of the public writes on a public form (网上意见箱, 网上征求意见): the text, and a name and contact only if they choose.</summary>
public class PublicCommentInput
{
    public const int MaxLength = 2000;

    [Required(ErrorMessage = "请填写意见（不超过2000字）。")]
    [StringLength(MaxLength, ErrorMessage = "请填写意见（不超过2000字）。")]
    [Display(Name = "意见和建议")]
    public string? Text { get; set; }

    [StringLength(Opinion.SubmitterNameMax)]
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [StringLength(Opinion.SubmitterContactMax)]
    [Display(Name = "联系方式")]
    public string? Contact { get; set; }

    /// <summary>
    /// The opinion this comment becomes — verbatim, with nothing identifying but what the person gave — and the 查询码 to
    /// show them once (only its hash is kept).
    /// </summary>
    public (Opinion Opinion, string Code) ToOpinion(Guid campaignId, Channel channel, DateOnly receivedOn, string? concerns, Guid? consultationId = null)
    {
        var code = Opinion.NewTrackingCode();
        return (new Opinion
        {
            CampaignId = campaignId,
            Channel = channel,
            ConsultationId = consultationId,
            ReceivedOn = receivedOn,
            Text = Text!.Trim(),
            Concerns = concerns is { Length: > Opinion.ConcernsMax } ? concerns[..Opinion.ConcernsMax] : concerns.NullIfBlank(),
            SubmitterName = Name.NullIfBlank(),
            SubmitterContact = Contact.NullIfBlank(),
            TrackingHash = Opinion.HashCode(code),
        }, code);
    }
}
