namespace Dangjian.BrowserTests.Infrastructure;

/// <summary>
/// Half of the browser tests: one server and one Chromium for the collection. The two halves run side by side (each
/// with its own server and database), so the leg takes about half its serial time; a test in one half never sees the
/// other half's records. Classes are spread by their measured time (scripts/slowest-classes on browser.trx).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The other half of the browser tests, with a server and a Chromium of its own; see <see cref="BrowserGroup"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroupB : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-b";
}
