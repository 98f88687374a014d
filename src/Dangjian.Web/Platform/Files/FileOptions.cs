namespace Dangjian.Web.Platform.Files;

/// <summary>Bound from the <c>Files</c> section.</summary>
public sealed class FileOptions
{
    public const string Section = "Files";

    /// <summary>Folder for uploaded bytes, relative to the content root unless absolute. Never under wwwroot.</summary>
    public string Root { get; set; } = "App_Data/files";

    /// <summary>Largest accepted upload.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
