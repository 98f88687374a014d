namespace Dangjian.Web.Platform.Web;

/// <summary>How optional text fields from forms are stored: trimmed, and null when nothing but blanks was typed.</summary>
public static class TextInput
{
    public static string? NullIfBlank(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>As <see cref="NullIfBlank(string?)"/>, cut to at most <paramref name="max"/> characters.</summary>
    public static string? NullIfBlank(this string? value, int max) => value.NullIfBlank() is { } text && text.Length > max ? text[..max] : value.NullIfBlank();
}
