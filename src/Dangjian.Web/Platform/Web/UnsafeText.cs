namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Characters that XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF;
/// unpaired surrogates). PostgreSQL refuses NUL in text and the Word and Excel writers refuse all of them, so text that
/// contains one is refused at the edge (<see cref="UnsafeTextMiddleware"/>, <see cref="SafeStringJsonConverter"/>) and
/// cleaned wherever stored text goes into a document (<see cref="Clean"/>).
/// </summary>
public static class UnsafeText
{
    public const string Message = "提交的内容含有不允许的控制字符（如空字符），请删除后重试。";

    public static bool Contains(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without the characters XML cannot hold; the same instance when there are none.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Contains(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        (c < '\u0020' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
