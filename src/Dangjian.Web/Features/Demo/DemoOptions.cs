namespace Dangjian.Web.Features.Demo;

/// <summary>Bound from <c>Demo</c>. Seeding never happens in Production, whatever this says.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo bureau into an empty database when the server starts.</summary>
    public bool SeedOnStartup { get; set; }

    /// <summary>The password of every demo account; listed in the README.</summary>
    public string Password { get; set; } = "Demo@2026";
}
