using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Data;

/// <summary>backup and restore: what was backed up comes back exactly (every table's rows and key checksum), whatever was written since is gone, and the app works on it.</summary>
public sealed class BackupRestoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ARestoreGivesBackExactlyWhatWasBackedUp()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dangjian-backup-{Guid.NewGuid():N}.{(app.Database.Provider == DatabaseProvider.Postgres ? "dump" : "db")}");
        try
        {
            var before = await WithBackupsAsync(b => b.FingerprintAsync());
            before["Campaigns"].ShouldStartWith("1 ");
            before.Values.Sum(v => long.Parse(v.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeGreaterThan(1000, "the demo's records");
            await WithBackupsAsync(async b => { await b.BackupAsync(file); return 0; });
            File.Exists(file).ShouldBeTrue();

            await app.AddCampaignAsync("备份之后新建的活动");
            var changed = await WithBackupsAsync(b => b.FingerprintAsync());
            changed["Campaigns"].ShouldStartWith("2 ");
            changed.ShouldNotBe(before);

            await WithBackupsAsync(async b => { await b.RestoreAsync(file); return 0; });
            var after = await WithBackupsAsync(b => b.FingerprintAsync());
            after.ShouldBe(before);

            // The restored database serves the app: the office signs in and opens the campaign's dashboard.
            var office = await app.SignedInClientAsync("office");
            (await office.GetAsync(new Uri($"/Dashboard/Campaign?campaignId={await app.DemoCampaignIdAsync()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [DbFact]
    public async Task AMissingBackupIsRefusedAndChangesNothing()
    {
        var before = await WithBackupsAsync(b => b.FingerprintAsync());
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => WithBackupsAsync(async b => { await b.RestoreAsync("/nonexistent/backup.db"); return 0; }));
        refused.Message.ShouldContain("备份文件不存在");
        (await WithBackupsAsync(b => b.FingerprintAsync())).ShouldBe(before);
    }

    private async Task<T> WithBackupsAsync<T>(Func<Backups, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<Backups>());
    }
}
