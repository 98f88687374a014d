namespace Dangjian.BrowserTests.Infrastructure;

/// <summary>All browser tests share one server and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
