using System.Text.RegularExpressions;
using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Organization;

[Collection(BrowserGroupB.Name)]
public sealed partial class OrganizationPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task OfficeBrowsesTheTreeAUnitAndThePeopleOnBothWidths()
    {
        foreach (var (viewport, _, _) in BrowserFixture.Viewports)
        {
            var page = await fixture.NewPageAsync(viewport);
            await fixture.SignInAsync(page, "office");

            await page.GotoAsync("/Organization");
            await Expect(page.GetByTestId("tree")).ToContainTextAsync("机关党支部");
            await BrowserFixture.ShotAsync(page, $"org-tree-{viewport}");

            await page.GetByTestId("tree").GetByRole(AriaRole.Link, new() { Name = "高新技术科" }).ClickAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("高新技术科");
            await BrowserFixture.ShotAsync(page, $"org-unit-{viewport}");

            await page.GotoAsync("/Organization/People");
            await Expect(page.GetByTestId("people")).ToContainTextAsync("********");
            await BrowserFixture.ShotAsync(page, $"people-list-{viewport}");

            await page.GetByLabel("政治面貌").SelectOptionAsync(new SelectOptionValue { Label = "预备党员" });
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(page.GetByTestId("total")).ToContainTextAsync("共2条");

            await page.GotoAsync("/Organization/People?q=赵敏");
            await page.GetByTestId("people").GetByRole(AriaRole.Link, new() { Name = "赵敏" }).ClickAsync();
            await Expect(page.GetByTestId("id-masked")).ToContainTextAsync("********");
            await page.GetByTestId("reveal-id").ClickAsync();
            await Expect(page.GetByTestId("id-full")).ToHaveTextAsync(IdNumber());
            await BrowserFixture.ShotAsync(page, $"person-details-{viewport}");

            await page.GotoAsync("/Organization/People/Edit");
            await BrowserFixture.ShotAsync(page, $"person-new-{viewport}");
            await page.GetByLabel("姓名").FillAsync("页面新增");
            await page.GetByLabel("所在单位").SelectOptionAsync(new SelectOptionValue { Label = "　办公室" });
            await page.GetByLabel("身份证号").FillAsync("110105199001010000");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("校验位不正确");
            await BrowserFixture.ShotAsync(page, $"person-new-error-{viewport}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task OfficeImportsARosterAfterSeeingTheProblems()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "office");
        await page.GotoAsync("/Organization/Import");
        await BrowserFixture.ShotAsync(page, "import-empty-desktop");

        var bad = "姓名,所在单位,身份证号\n甲,KJJ-BGS,110105199001013330\n,KJJ-BGS,\n乙,不存在,";
        await page.GetByLabel("文件（.xlsx 或 .csv，不超过10 MB）").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("problems")).ToContainTextAsync("校验位不正确");
        await BrowserFixture.ShotAsync(page, "import-problems-desktop");
        await page.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(page, "import-problems-phone");
        await page.SetViewportSizeAsync(1366, 900);

        var good = "姓名,所在单位,政治面貌\n浏览器导入甲,KJJ-BGS,正式党员\n浏览器导入乙,办公室,预备党员";
        await page.GetByLabel("文件（.xlsx 或 .csv，不超过10 MB）").SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Expect(page.GetByTestId("confirm")).ToContainTextAsync("确认导入2人");
        await BrowserFixture.ShotAsync(page, "import-ready-desktop");
        await page.GetByTestId("confirm").ClickAsync();
        await Expect(page.GetByTestId("flash")).ToContainTextAsync("已导入2人");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdNumber();
}
