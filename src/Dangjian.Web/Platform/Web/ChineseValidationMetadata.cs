using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Gives every validation attribute that has no message of its own a Chinese one — above all the required flag MVC adds
/// by itself for non-nullable properties, which said "The Title field is required." — and keeps an empty non-nullable
/// text field or handler parameter as "" rather than null, so a page never meets null where its type promises text.
/// </summary>
public sealed class ChineseValidationMetadata : IValidationMetadataProvider, IDisplayMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var named = context.Attributes.OfType<DisplayAttribute>().Any(d => d.Name is not null);
        var type = context.Key.ModelType;
        // A value type without [Required] is not "required": an unticked check box sends nothing, which means false; any
        // other value type left empty is told by the binder's own messages (ChineseBindingMessages, in Chinese). Left
        // required, MVC would write its English "The … field is required." into the form; a required flag with a Chinese
        // message instead would refuse a handler parameter that is simply not posted.
        if (context.Key.MetadataKind != ModelMetadataKind.Type && type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
        {
            context.ValidationMetadata.IsRequired = false;
        }

        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && MessageFor(attribute, named) is { } message)
            {
                attribute.ErrorMessage = message;
            }
        }
    }

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Key.ModelType != typeof(string))
        {
            return;
        }

        var nullability = context.Key.PropertyInfo is { } property ? new NullabilityInfoContext().Create(property).WriteState
            : context.Key.ParameterInfo is { } parameter ? new NullabilityInfoContext().Create(parameter).WriteState
            : NullabilityState.Unknown;
        if (nullability == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }

    /// <summary>{0} is the field's display name; without a Chinese one the message names no field.</summary>
    private static string? MessageFor(ValidationAttribute attribute, bool named)
    {
        var field = named ? "“{0}”" : "该项";
        return attribute switch
        {
            RequiredAttribute => named ? "请填写“{0}”。" : "请填写该项。",
            StringLengthAttribute { MinimumLength: > 0 } => field + "的长度须在{2}到{1}个字之间。",
            StringLengthAttribute or MaxLengthAttribute => field + "不能超过{1}个字。",
            MinLengthAttribute => field + "至少需要{1}个字。",
            RangeAttribute => field + "须在{1}到{2}之间。",
            EmailAddressAttribute => field + "不是有效的电子邮箱地址。",
            PhoneAttribute => field + "不是有效的电话号码。",
            UrlAttribute => field + "不是有效的网址。",
            RegularExpressionAttribute => field + "的格式不正确。",
            CompareAttribute => field + "与{1}不一致。",
            _ => field + "的值无效。",
        };
    }
}
