namespace Dangjian.Web.Features.Dashboard;

/// <summary>A chart with its title and the table that is its text alternative (UX.md: every chart has a table fallback).</summary>
public sealed record ChartCard(string Title, string Option, IReadOnlyList<ChartCard.Row> Rows, string TestId, string? Link = null, string Height = "16rem")
{
    public sealed record Row(string Label, string Value, string? Colour = null);
}
