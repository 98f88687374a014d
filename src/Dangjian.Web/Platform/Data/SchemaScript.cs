using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The full CREATE script EF would run for the current model on a provider. Developers diff it against the
/// previous one to write the next migration; the schema test compares the migrated database with it.
/// </summary>
public static class SchemaScript
{
    public static string Create(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataSetup.Configure(options, provider, provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:");
        using var db = new AppDbContext(options.Options);
        return db.Database.GenerateCreateScript();
    }
}
