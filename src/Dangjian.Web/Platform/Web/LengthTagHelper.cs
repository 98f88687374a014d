using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Gives an <c>input</c> or <c>textarea</c> bound with <c>asp-for</c> the <c>maxlength</c> of its property's
/// <see cref="StringLengthAttribute"/> or <see cref="MaxLengthAttribute"/>, so a form's length is declared once, on its
/// <c>Input</c> record (which takes it from the entity), and the browser stops typing where the server would refuse.
/// A <c>maxlength</c> written in the view wins.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class LengthTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    /// <summary>After the framework's own input and textarea helpers, which write the attributes this one reads around.</summary>
    public override int Order => 10;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.ContainsName("maxlength") || For?.Metadata is not { } metadata)
        {
            return;
        }

        var max = metadata.ValidatorMetadata.Select(v => v switch
        {
            StringLengthAttribute s => s.MaximumLength,
            MaxLengthAttribute m => m.Length,
            _ => 0,
        }).FirstOrDefault(n => n > 0);
        if (max > 0)
        {
            output.Attributes.SetAttribute("maxlength", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
