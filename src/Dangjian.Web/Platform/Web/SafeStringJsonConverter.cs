using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dangjian.Web.Platform.Web;

/// <summary>
/// Every string an API call sends is checked as it is read: one with a character <see cref="UnsafeText"/> forbids makes
/// the body unreadable, so the endpoint answers 400 and stores nothing (before this, a reflection with NUL was accepted
/// and then broke the Excel export).
/// </summary>
public sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return UnsafeText.Contains(text) ? throw new JsonException(UnsafeText.Message) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
