namespace Dangjian.Web.Platform.Security;

/// <summary>A generated secret, stored encrypted by Data Protection (e.g. the key of the ID-number lookup hash).</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }

    public required string ProtectedValue { get; set; }
}
