using System.Net;
using System.Xml.Linq;
using Dangjian.Tests.Infrastructure;
using Dangjian.Tests.Platform.Identity;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Platform.Security;

/// <summary>
/// An install that kept its key ring in the database before the ring was encrypted has the keys in the clear in the
/// database and every backup. At the next start they are retired: a sealed key takes over, everything they protected is
/// protected again (the ballot and ID-lookup keys replaced, the audit key kept so the chain still verifies), and the
/// clear keys are revoked and deleted — also when a crash interrupted the job.
/// </summary>
public sealed class KeyRingRotationTests
{
    /// <summary>The version before: the key ring in the database, written without the master key.</summary>
    private sealed class OldInstall(TestDatabase database) : SharedKeysFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.PostConfigure<KeyManagementOptions>(o => o.XmlEncryptor = null));
        }
    }

    /// <summary>This version on the same database.</summary>
    private sealed class Upgraded(TestDatabase database) : SharedKeysFactory(database);

    private static async Task<(Guid Id, List<string> Codes)> OpenAppraisalAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var appraisal = new Dangjian.Web.Features.Appraisals.Appraisal
        {
            CampaignId = await db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync(),
            Title = "轮换前开启的测评", OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1), ExtraSlips = 3, TokenSecret = AppraisalService.NewSecret(),
        };
        db.Appraisals.Add(appraisal);
        db.AppraisalTargets.Add(new AppraisalTarget { AppraisalId = appraisal.Id, Order = 1, Name = "局领导班子" });
        await db.SaveChangesAsync();
        (await service.OpenAsync(appraisal, [])).ShouldBeNull();
        var codes = new List<string>();
        foreach (var voter in await db.AppraisalVoters.Where(v => v.AppraisalId == appraisal.Id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync())
        {
            codes.Add(await service.TokenForAsync(appraisal, voter));
        }

        return (appraisal.Id, codes);
    }

    private static Task<List<string>> KeyRowsAsync(AppFactory app) => app.WithDbAsync(db => db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync());

    [DbFact]
    public async Task AClearKeyRingFromBeforeIsRotatedAtStartAndNothingIsLost()
    {
        using var database = new TestDatabase();
        Guid personId, appraisalId;
        string idNumber, phone, idHashBefore;
        byte[] auditKey, ballotKeyBefore;
        List<string> codes, clearRows;
        await using (var old = new OldInstall(database))
        {
            _ = old.Server;
            clearRows = await KeyRowsAsync(old);
            clearRows.ShouldContain(x => x.Contains("<value>", StringComparison.Ordinal), "the old version wrote its keys in the clear");
            var sensitive = old.Services.GetRequiredService<SensitiveData>();
            var seeded = await old.WithDbAsync(db => db.People.Where(p => p.IdNumberCipher != null && p.PhoneCipher != null).OrderBy(p => p.Id).FirstAsync());
            (personId, idNumber, phone, idHashBefore) = (seeded.Id, sensitive.Unprotect(seeded.IdNumberCipher!), sensitive.Unprotect(seeded.PhoneCipher!), seeded.IdNumberHash!);
            auditKey = old.Services.GetRequiredService<AuditKey>().Value!;
            ballotKeyBefore = await old.Services.GetRequiredService<BallotKey>().GetAsync();
            (appraisalId, codes) = await OpenAppraisalAsync(old);
            await using var scope = old.Services.CreateAsyncScope();
            (await scope.ServiceProvider.GetRequiredService<AppraisalService>().VoteAsync(codes[0], new Dictionary<int, string?> { [1] = "Good" }, "轮换前投出的一票")).ShouldBeNull();
        }

        var clearIds = clearRows.Select(XElement.Parse).Where(KeyRingRotation.IsClearKey).Select(k => Guid.Parse((string)k.Attribute("id")!)).ToHashSet();
        clearIds.ShouldNotBeEmpty();

        await using var upgraded = new Upgraded(database);
        _ = upgraded.Server;

        // No key material in the clear is left; the ring is sealed under the master key.
        var rows = await KeyRowsAsync(upgraded);
        rows.ShouldAllBe(x => !x.Contains("<value>", StringComparison.Ordinal) && !x.Contains("requiresEncryption", StringComparison.Ordinal), "no clear key material remains");
        rows.ShouldContain(x => x.Contains("masterKeySealed", StringComparison.Ordinal));

        // Everything protected reads back, and nothing stored is protected by a clear key any more.
        var (secrets, person, ballots) = await upgraded.WithDbAsync(async db => (
            await db.AppSecrets.ToListAsync(),
            await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == personId),
            await db.SealedBallots.Where(b => b.AppraisalId == appraisalId).ToListAsync()));
        var ciphers = await upgraded.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.IdNumberCipher != null).Select(p => p.IdNumberCipher!).ToListAsync());
        var stillClear = secrets.Select(s => (s.Name, s.ProtectedValue)).Concat(ciphers.Select(c => ("person", c)))
            .Where(v => KeyRingRotation.KeyIdOf(v.Item2) is not { } id || clearIds.Contains(id)).Select(v => $"{v.Item1}:{KeyRingRotation.KeyIdOf(v.Item2)}").ToList();
        stillClear.ShouldBeEmpty($"old-scheme data is protected again under the sealed key (clear keys {string.Join(",", clearIds)})");
        var sensitiveNow = upgraded.Services.GetRequiredService<SensitiveData>();
        sensitiveNow.Unprotect(person.IdNumberCipher!).ShouldBe(idNumber);
        sensitiveNow.Unprotect(person.PhoneCipher!).ShouldBe(phone);

        // The ID-lookup key was replaced (the old one was readable in a backup) and the hashes with it: uniqueness still holds.
        person.IdNumberHash.ShouldNotBe(idHashBefore);
        (await sensitiveNow.LookupHashAsync(idNumber)).ShouldBe(person.IdNumberHash);
        await using (var scope = upgraded.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PersonEditor>().CheckIdNumberAsync(idNumber, null)).Problem.ShouldNotBeNull("the same ID number is still found taken");
        }

        // The audit key keeps its value, and the chain (with the rotation's own entry) verifies.
        upgraded.Services.GetRequiredService<AuditKey>().Value.ShouldBe(auditKey);
        (await upgraded.WithDbAsync(db => AuditChain.VerifyAsync(db))).Intact.ShouldBeTrue();
        (await upgraded.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "key-rotation"))).ShouldBe(1);
        (await upgraded.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.KeyRingRotated))).ShouldBe(1);

        // The ballot key was replaced: the cast ballot opens under the new key, unused codes were issued anew.
        var ballotKey = await upgraded.Services.GetRequiredService<BallotKey>().GetAsync();
        ballotKey.ShouldNotBe(ballotKeyBefore);
        ballots.Count.ShouldBe(1);
        BallotSeal.Open(ballotKey, appraisalId, ballots[0].Envelope).Comment.ShouldBe("轮换前投出的一票");
        await using (var scope = upgraded.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
            (await service.ReadTokenAsync(codes[1])).Problem.ShouldNotBeNull("a code worked out from the old key is void");
            var appraisal = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Appraisals.SingleAsync(a => a.Id == appraisalId);
            var unused = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AppraisalVoters.Where(v => v.AppraisalId == appraisalId && !v.Used).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            (await service.VoteAsync(await service.TokenForAsync(appraisal, unused), new Dictionary<int, string?> { [1] = "Good" }, null)).ShouldBeNull("the new code votes");
        }

        // Signing in works under the new key.
        var office = await upgraded.SignedInClientAsync("office");
        (await office.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A crash after the re-protection, before the clear keys were deleted: the next start only deletes them.
        await upgraded.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.AddRange(clearRows.Where(x => KeyRingRotation.IsClearKey(XElement.Parse(x))).Select(x => new DataProtectionKeyRecord { Xml = x }));
            return await db.SaveChangesAsync();
        });
        await using (var again = new Upgraded(database))
        {
            _ = again.Server;
            (await KeyRowsAsync(again)).ShouldAllBe(x => !x.Contains("<value>", StringComparison.Ordinal));
            (await again.Services.GetRequiredService<BallotKey>().GetAsync()).ShouldBe(ballotKey, "values already re-protected are not replaced again");
            (await again.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "key-rotation"))).ShouldBe(1);
            again.Services.GetRequiredService<SensitiveData>().Unprotect(person.IdNumberCipher!).ShouldBe(idNumber);
            (await again.WithDbAsync(db => AuditChain.VerifyAsync(db))).Intact.ShouldBeTrue();
        }
    }

    [DbFact]
    public async Task AKeyRingAlreadySealedIsLeftAlone()
    {
        using var database = new TestDatabase();
        await using var first = new Upgraded(database);
        _ = first.Server;
        var before = await KeyRowsAsync(first);
        var ballotKey = await first.Services.GetRequiredService<BallotKey>().GetAsync();
        await using var second = new Upgraded(database);
        _ = second.Server;
        (await KeyRowsAsync(second)).ShouldBe(before, "no key made, none deleted");
        (await second.Services.GetRequiredService<BallotKey>().GetAsync()).ShouldBe(ballotKey);
        (await second.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "key-rotation"))).ShouldBe(0);
    }
}
