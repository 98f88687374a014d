using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Dangjian.Web.Platform.Web;

/// <summary>Model-binding messages in Chinese (a number typed as text, a missing value…).</summary>
public static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.SetMissingBindRequiredValueAccessor(name => $"请填写“{name}”。");
        provider.SetMissingKeyOrValueAccessor(() => "请填写该项。");
        provider.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        provider.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空。");
        provider.SetAttemptedValueIsInvalidAccessor((value, name) => $"“{value}”不是“{name}”的有效值。");
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效值。");
        provider.SetUnknownValueIsInvalidAccessor(name => $"“{name}”的值无效。");
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "该值无效。");
        provider.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        provider.SetValueMustBeANumberAccessor(name => $"“{name}”必须是数字。");
        provider.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字。");
    }
}
