using System.IO.Compression;
using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Reports;

[Collection(BrowserGroup.Name)]
public sealed class ExportsPageTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task TheOfficePacksEveryLedgerIntoOneZipWithProgress()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Reports/Exports");
        await BrowserFixture.PickDemoCampaignAsync(page);
        await BrowserFixture.ShotAsync(page, "exports-desktop");
        var expected = await page.Locator("[data-export-url]:checked").CountAsync();
        expected.ShouldBeGreaterThan(6);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-all").ClickAsync(), new() { Timeout = 60_000 });
        // (Headless Chromium names blob downloads "download"; the anchor's download attribute names them in a real browser.)
        var path = Path.Combine(Path.GetTempPath(), $"exports-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            zip.Entries.Count.ShouldBe(expected);
            zip.Entries.ShouldContain(e => e.Name.Contains("整改", StringComparison.Ordinal) && e.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        }

        File.Delete(path);
        await Expect(page.Locator("[data-export-status]")).ToContainTextAsync("已打包下载");
        await BrowserFixture.ShotAsync(page, "exports-done-desktop");

        // One by one, the page shows what happened beside the file.
        var single = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export-one]").First.ClickAsync());
        var singlePath = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await single.SaveAsAsync(singlePath);
        (await File.ReadAllBytesAsync(singlePath)).Take(2).ShouldBe("PK"u8.ToArray(), "an Office Open XML package");
        File.Delete(singlePath);
        await Expect(page.Locator("[data-export-state]").First).ToContainTextAsync("已下载");
        await page.Context.CloseAsync();

        var phone = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(phone, "office");
        await phone.GotoAsync("/Reports/Exports");
        await BrowserFixture.PickDemoCampaignAsync(phone);
        await BrowserFixture.ShotAsync(phone, "exports-phone");
        await phone.Context.CloseAsync();
    }
}
