using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Dangjian.Web.Platform.Web;

/// <summary>The one-line message shown after an action ("已提交督导组审阅"), carried across the redirect.</summary>
public static class Flash
{
    public const string Key = "flash";
    public const string KindKey = "flash-kind";

    public static void Success(this ITempDataDictionary tempData, string message) => Set(tempData, message, "success");

    public static void Warning(this ITempDataDictionary tempData, string message) => Set(tempData, message, "warning");

    public static void Error(this ITempDataDictionary tempData, string message) => Set(tempData, message, "danger");

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = message;
        tempData[KindKey] = kind;
    }
}
