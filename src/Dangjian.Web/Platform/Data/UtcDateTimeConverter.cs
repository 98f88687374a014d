using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// Stores every DateTime as UTC and reads it back marked as UTC. SQLite keeps no kind at all and
/// PostgreSQL's timestamptz insists on UTC, so one converter keeps both engines honest.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => ToUtc(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
