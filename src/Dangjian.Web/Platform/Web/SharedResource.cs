namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Marker for the shared string localizer. Keys are the Chinese UI text itself, so zh-CN needs no resource
/// file and another language is added as <c>SharedResource.{culture}.resx</c> without touching pages.
/// </summary>
public sealed class SharedResource;
