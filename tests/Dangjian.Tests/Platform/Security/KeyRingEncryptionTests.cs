using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Tests.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Security;

/// <summary>
/// With the key ring in the database (several instances), a database reader must not get the ring: each key is stored
/// encrypted under a master key file that only the instances hold (docs/security.md §1).
/// </summary>
public sealed class KeyRingEncryptionTests(SharedKeysFactory app) : IClassFixture<SharedKeysFactory>
{
    [DbFact]
    public async Task TheKeyRingInTheDatabaseIsStoredEncryptedAndStillWorks()
    {
        var office = await app.SignedInClientAsync("office");
        (await office.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "cookies made with the encrypted ring are read back");
        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(x => x.Contains("masterKeySealed", StringComparison.Ordinal), "every key is sealed");
        keys.ShouldAllBe(x => !x.Contains("<value>", StringComparison.Ordinal), "no key material in the clear");
    }

    [Fact]
    public void AMissingMasterKeyFileStopsAProductionStartAndIsMadeElsewhere()
    {
        var path = Path.Combine(Path.GetTempPath(), "dangjian-tests", "master-" + Guid.NewGuid().ToString("N") + ".key");
        Should.Throw<InvalidOperationException>(() => KeyRingMasterKey.Load(path, mayCreate: false)).Message.ShouldContain("主密钥文件");
        File.Exists(path).ShouldBeFalse();
        var made = KeyRingMasterKey.Load(path, mayCreate: true);
        made.Value.Length.ShouldBe(32);
        KeyRingMasterKey.Load(path, mayCreate: false).Value.ShouldBe(made.Value, "the same file gives the same key to every instance");
        File.WriteAllText(path, "not a key");
        Should.Throw<InvalidOperationException>(() => KeyRingMasterKey.Load(path, mayCreate: false)).Message.ShouldContain("Base64");
        File.Delete(path);
    }
}
