using System.Text.Json;

namespace Dangjian.Web.Features.Dashboard;

/// <summary>
/// ECharts options built on the server from the same figures the tables show: a page puts the JSON in a
/// <c>data-chart</c> attribute and <c>wwwroot/js/charts.js</c> draws it; the table beside each chart is its text
/// alternative. Colours are the status colours of UX.md.
/// </summary>
public static class Charts
{
    public const string Green = "#2e9d57";
    public const string Amber = "#e0a100";
    public const string Red = "#c8102e";
    public const string Grey = "#9aa0a6";
    public const string Blue = "#2f6fd1";
    public const string Purple = "#7a4fbf";

    private static readonly string[] Palette = [Blue, Green, Amber, Purple, "#1b9aaa", "#e76f51", Grey, "#6d597a"];

    private static readonly string[] PieRadius = ["40%", "68%"];
    private static readonly string[] PieCentre = ["50%", "44%"];

    public sealed record Slice(string Name, double Value, string? Colour = null);

    public sealed record Series(string Name, IReadOnlyList<double> Values, string? Colour = null, bool Stack = false);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A doughnut chart of <paramref name="slices"/>; empty slices are left out.</summary>
    public static string Pie(IEnumerable<Slice> slices, bool dark = false)
    {
        var data = slices.Where(s => s.Value > 0).Select((s, i) => new
        {
            name = s.Name,
            value = s.Value,
            itemStyle = new { color = s.Colour ?? Palette[i % Palette.Length] },
        }).ToList();
        return JsonSerializer.Serialize(new
        {
            tooltip = new { trigger = "item", formatter = "{b}：{c}（{d}%）" },
            legend = new { bottom = 0, type = "scroll", textStyle = Text(dark) },
            series = new[]
            {
                new { type = "pie", radius = PieRadius, center = PieCentre, data, label = new { formatter = "{b}\n{c}", color = dark ? "#e8ecf3" : "#333" } },
            },
        }, Json);
    }

    /// <summary>Bars over <paramref name="categories"/>: one bar per series, stacked when the series say so; horizontal for long names.</summary>
    public static string Bar(IReadOnlyList<string> categories, IEnumerable<Series> series, bool horizontal = false, bool dark = false, string? unit = null)
    {
        var category = new { type = "category", data = categories, axisLabel = new { color = dark ? "#c9d1e0" : "#555", interval = 0, width = horizontal ? 110 : 80, overflow = "truncate" }, inverse = horizontal };
        var value = new { type = "value", minInterval = unit is null ? 1 : (int?)null, axisLabel = new { color = dark ? "#c9d1e0" : "#555", formatter = unit is null ? "{value}" : "{value}" + unit }, splitLine = new { lineStyle = new { color = dark ? "#2c3950" : "#eee" } } };
        var list = series.Select((s, i) => new
        {
            name = s.Name,
            type = "bar",
            stack = s.Stack ? "total" : null,
            data = s.Values,
            barMaxWidth = 28,
            itemStyle = new { color = s.Colour ?? Palette[i % Palette.Length] },
        }).ToList();
        return JsonSerializer.Serialize(new
        {
            tooltip = new { trigger = "axis", axisPointer = new { type = "shadow" } },
            legend = list.Count > 1 ? new { bottom = 0, textStyle = Text(dark) } : null,
            grid = new { left = 8, right = 16, top = 16, bottom = list.Count > 1 ? 36 : 8, containLabel = true },
            xAxis = horizontal ? (object)value : category,
            yAxis = horizontal ? (object)category : value,
            series = list,
        }, Json);
    }

    /// <summary>A line over <paramref name="categories"/> (a trend), values in percent when <paramref name="unit"/> is "%".</summary>
    public static string Line(IReadOnlyList<string> categories, IEnumerable<Series> series, string? unit = null, double? max = null)
    {
        var list = series.Select((s, i) => new
        {
            name = s.Name,
            type = "line",
            data = s.Values,
            smooth = false,
            symbolSize = 7,
            itemStyle = new { color = s.Colour ?? Palette[i % Palette.Length] },
        }).ToList();
        return JsonSerializer.Serialize(new
        {
            tooltip = new { trigger = "axis" },
            grid = new { left = 8, right = 16, top = 16, bottom = 8, containLabel = true },
            xAxis = new { type = "category", data = categories, axisLabel = new { color = "#555" } },
            yAxis = new { type = "value", max, axisLabel = new { color = "#555", formatter = unit is null ? "{value}" : "{value}" + unit } },
            series = list,
        }, Json);
    }

    private static object Text(bool dark) => new { color = dark ? "#e8ecf3" : "#333" };
}
