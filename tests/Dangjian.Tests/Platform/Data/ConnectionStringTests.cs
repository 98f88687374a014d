using Dangjian.Web.Platform.Data;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Dangjian.Tests.Platform.Data;

/// <summary>
/// What the app adds to a PostgreSQL connection string (docs/performance.md): no reset round trip when a pooled connection
/// is handed back, and statements prepared after their second use; an operator's explicit setting always wins.
/// </summary>
public sealed class ConnectionStringTests
{
    [Fact]
    public void PooledConnectionsAreNotResetAndRepeatedStatementsArePrepared()
    {
        var resolved = new NpgsqlConnectionStringBuilder(Resolve("Host=db;Database=dangjian;Username=app"));

        resolved.NoResetOnClose.ShouldBeTrue();
        resolved.MaxAutoPrepare.ShouldBe(DataSetup.AutoPrepared);
        resolved.AutoPrepareMinUsages.ShouldBe(2);
        resolved.Host.ShouldBe("db");
    }

    [Theory]
    [InlineData("Host=db;Database=dangjian;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;Database=dangjian;MaxAutoPrepare=20;NoResetOnClose=false", 20, false)]
    public void AnExplicitSettingWins(string configured, int prepared, bool noReset)
    {
        var resolved = new NpgsqlConnectionStringBuilder(Resolve(configured));

        resolved.MaxAutoPrepare.ShouldBe(prepared);
        resolved.NoResetOnClose.ShouldBe(noReset);
    }

    private static string Resolve(string connectionString) =>
        DataSetup.ResolveConnectionString(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString }).Build(),
            "/tmp",
            DatabaseProvider.Postgres);
}
