using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// Every form write (page handler for POST) and every API write the application has, read from its own endpoint
/// table, so a new form or endpoint is covered by the malformed-input tests without being listed by hand. Requests are
/// built from the bound types: field names as the model binder reads them, values chosen by <see cref="Variant"/>.
/// </summary>
public static partial class FormCatalog
{
    public enum Variant
    {
        /// <summary>Text with NUL and other control characters; other fields well-formed.</summary>
        ControlCharacters,

        /// <summary>Overlong text, non-numbers, non-booleans, a date in year 9999, unknown ids, undefined enum values.</summary>
        WrongTypes,

        /// <summary>Blank text, year-1 dates, huge numbers, ids of another kind of record (foreign ids).</summary>
        ForeignIds,

        /// <summary>Everything empty: the form's own validation answers.</summary>
        Empty,
    }

    public sealed record PageWrite(string Route, string? Handler, IReadOnlyList<(string Name, Type Type)> Fields, IReadOnlyList<(string Name, Type Type)> Query, IReadOnlyList<string> Files);

    public sealed record ApiWrite(string Method, string Route, Type? Body);

    public static async Task<IReadOnlyList<PageWrite>> PageWritesAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loader = services.GetRequiredService<PageLoader>();
        var writes = new List<PageWrite>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var bound = compiled.BoundProperties.Cast<PageBoundPropertyDescriptor>().ToList();
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = new List<(string, Type)>();
                var query = new List<(string, Type)>();
                foreach (var property in bound.Where(p => p.BindingInfo?.BindingSource is null || p.BindingInfo.BindingSource.Id is "Form" or "ModelBinding"))
                {
                    Flatten(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, fields, 0);
                }

                foreach (var parameter in handler.Parameters)
                {
                    var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                    if (IsScalar(type))
                    {
                        query.Add((parameter.Name, parameter.ParameterType));
                    }
                    else
                    {
                        Flatten(parameter.Name, parameter.ParameterType, fields, 0);
                    }
                }

                var files = fields.Where(f => IsFile(f.Item2)).Select(f => f.Item1.Replace("[0]", "", StringComparison.Ordinal)).ToList();
                writes.Add(new PageWrite(route, handler.Name, fields.Where(f => !IsFile(f.Item2)).ToList(), query, files));
            }
        }

        return writes.OrderBy(w => w.Route, StringComparer.Ordinal).ThenBy(w => w.Handler, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<ApiWrite> ApiWrites(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => new ApiWrite(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
            .OrderBy(w => w.Route, StringComparer.Ordinal).ThenBy(w => w.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The URL of a page write: route parameters and handler parameters filled, <c>handler=</c> named.</summary>
    public static string Url(PageWrite write, Variant variant, Guid foreignId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var query = write.Query.Select(q => (q.Name, Value: Scalar(q.Type, variant, foreignId))).Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}");
        if (write.Handler is { Length: > 0 } handler)
        {
            query = query.Append("handler=" + handler);
        }

        var path = FillRoute(write.Route, variant, foreignId);
        var text = string.Join("&", query);
        return text.Length == 0 ? path : path + "?" + text;
    }

    public static HttpContent Content(PageWrite write, Variant variant, Guid foreignId, string? antiforgeryToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var values = write.Fields
            .Select(f => (f.Name, Value: Scalar(f.Type, variant, foreignId)))
            .Where(f => f.Value is not null)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))
            .ToList();
        if (antiforgeryToken is not null)
        {
            values.Add(new("__RequestVerificationToken", antiforgeryToken));
        }

        if (write.Files.Count == 0)
        {
            return new FormUrlEncodedContent(values);
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            multipart.Add(new StringContent(value), key);
        }

        // A ZIP that is no Word document, under a .docx name.
        foreach (var file in write.Files)
        {
            multipart.Add(new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, .. "not a document"u8.ToArray()]), file, "材料.docx");
        }

        return multipart;
    }

    /// <summary>A JSON body for an API write (the body's properties by their JSON names), or broken JSON.</summary>
    public static HttpContent ApiContent(ApiWrite write, Variant variant, Guid foreignId)
    {
        ArgumentNullException.ThrowIfNull(write);
        var json = write.Body is null ? "{}" : JsonSerializer.Serialize(JsonValue(write.Body, variant, foreignId, 0));
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    public static string FillRoute(string route, Variant variant, Guid foreignId)
    {
        ArgumentNullException.ThrowIfNull(route);
        return RouteParameter().Replace(route, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : (variant == Variant.ForeignIds ? foreignId : Guid.NewGuid()).ToString());
    }

    private static object? JsonValue(Type type, Variant variant, Guid foreignId, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(t))
        {
            var text = Scalar(t, variant, foreignId);
            if (text is null)
            {
                return null;
            }

            var numeric = t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(short);
            return numeric && double.TryParse(text, CultureInfo.InvariantCulture, out var number) ? number
                : t == typeof(bool) && bool.TryParse(text, out var flag) ? flag
                : text;
        }

        if (ElementType(t) is { } element)
        {
            return depth > 2 ? Array.Empty<object>() : new[] { JsonValue(element, variant, foreignId, depth + 1) };
        }

        if (depth > 2)
        {
            return null;
        }

        var options = JsonSerializerOptions.Web;
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => options.PropertyNamingPolicy!.ConvertName(p.Name), p => JsonValue(p.PropertyType, variant, foreignId, depth + 1));
    }

    private static void Flatten(string name, Type type, List<(string, Type)> fields, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(CancellationToken))
        {
            return;
        }

        if (IsScalar(t) || IsFile(t))
        {
            fields.Add((name, t));
            return;
        }

        if (ElementType(t) is { } element)
        {
            Flatten(name + "[0]", element, fields, depth + 1);
            return;
        }

        if (depth >= 3 || !t.IsClass)
        {
            return;
        }

        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            Flatten(name + "." + property.Name, property.PropertyType, fields, depth + 1);
        }
    }

    private static Type? ElementType(Type t) =>
        t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) ? null
        : t.IsArray ? t.GetElementType()
        : t.GetGenericArguments().FirstOrDefault();

    private static bool IsFile(Type t) => typeof(IFormFile).IsAssignableFrom(t) || typeof(IFormFileCollection).IsAssignableFrom(t) || (ElementType(t) is { } e && typeof(IFormFile).IsAssignableFrom(e));

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime)
        || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(TimeSpan);

    private static string? Scalar(Type type, Variant variant, Guid foreignId)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (variant == Variant.Empty)
        {
            return "";
        }

        if (t == typeof(string))
        {
            return variant switch
            {
                Variant.ControlCharacters => "标题\0含空字符\u0001\u001b[31m",
                Variant.WrongTypes => new string('长', 6000),
                _ => "   ",
            };
        }

        if (t == typeof(bool))
        {
            return variant == Variant.WrongTypes ? "maybe" : "true";
        }

        if (t == typeof(Guid))
        {
            return variant switch
            {
                Variant.WrongTypes => Guid.NewGuid().ToString(),
                Variant.ForeignIds => foreignId.ToString(),
                _ => Guid.NewGuid().ToString(),
            };
        }

        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return variant switch
            {
                Variant.WrongTypes => "9999-12-31",
                Variant.ForeignIds => "0001-01-01",
                _ => "2026-02-30",
            };
        }

        if (t.IsEnum)
        {
            return variant == Variant.WrongTypes ? "999" : "-1";
        }

        if (t.IsPrimitive || t == typeof(decimal))
        {
            return variant switch
            {
                Variant.WrongTypes => "abc",
                Variant.ForeignIds => "2147483647",
                _ => "-1",
            };
        }

        return "x";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
