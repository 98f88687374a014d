using Dangjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Study;

[Collection(BrowserGroup.Name)]
public sealed class StudyWorkPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task AMemberTakesTheQuizOnAPhoneAndIsScored()
    {
        var phone = await fixture.NewPageAsync("phone");
        phone.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await fixture.SignInAsync(phone, "member");
        await phone.GotoAsync("/Study/My");
        await Expect(phone.GetByTestId("my-quizzes")).ToContainTextAsync("群众路线知识测试");
        await Expect(phone.GetByTestId("my-readings")).ToContainTextAsync("论群众路线");
        await BrowserFixture.ShotAsync(phone, "study-my-phone");
        await phone.GetByTestId("my-quizzes").GetByRole(AriaRole.Link, new() { Name = "群众路线知识测试" }).ClickAsync();
        await BrowserFixture.ShotAsync(phone, "study-quiz-details-phone");
        await phone.GetByTestId("start").ClickAsync();
        await Expect(phone.GetByTestId("answer-sheet")).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Timer)).ToContainTextAsync("剩余");
        await phone.GetByText("实现共产主义").ClickAsync();
        await phone.GetByText(new System.Text.RegularExpressions.Regex("^[A-H]\\. 形式主义$")).ClickAsync();
        await BrowserFixture.ShotAsync(phone, "study-quiz-take-phone");
        await phone.GetByTestId("submit").ClickAsync();
        await Expect(phone.GetByTestId("flash")).ToContainTextAsync("答卷已提交");
        await Expect(phone.GetByTestId("score")).ToContainTextAsync("分");
        await BrowserFixture.ShotAsync(phone, "study-quiz-attempt-phone");
        await phone.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AnAbsenteeGetsAMakeUpTaskAndSeesItOnThePhone()
    {
        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Study/Sessions/Edit");
        if (await office.GetByRole(AriaRole.Button, new() { Name = "下一步" }).IsVisibleAsync())
        {
            // Another test may have started a second campaign: pick the demo one first.
            await office.GetByLabel("活动", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "市科技局党的群众路线教育实践活动" });
            await office.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        }

        await office.GetByLabel("主题").FillAsync("警示教育：观看专题片");
        await office.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "警示教育" });
        await office.GetByLabel("所属环节").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        var phaseText = await office.GetByLabel("所属环节").Locator("option").First.TextContentAsync();
        var start = phaseText!.Split('（')[1][..10];
        await office.GetByLabel("日期").FillAsync(DateOnly.Parse(start).AddDays(10).ToString("yyyy-MM-dd"));
        await office.GetByLabel("高新技术科", new() { Exact = false }).CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(office.GetByTestId("attendance")).ToContainTextAsync("缺席");
        await office.GetByTestId("attendance").Locator("tr", new() { HasText = "孙磊" }).GetByText("登记").ClickAsync();
        await office.GetByTestId("attendance").Locator("tr", new() { HasText = "孙磊" }).GetByRole(AriaRole.Button, new() { Name = "布置补学" }).ClickAsync();
        await Expect(office.GetByTestId("attendance").Locator("tr", new() { HasText = "孙磊" })).ToContainTextAsync("待补学");
        await BrowserFixture.ShotAsync(office, "study-session-makeup-desktop");

        var phone = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(phone, "member");
        await phone.GotoAsync("/Study/My");
        await Expect(phone.GetByTestId("my-sessions").Locator("li", new() { HasText = "警示教育" })).ToContainTextAsync("待补学");
        await phone.Context.CloseAsync();
        await office.Context.CloseAsync();
    }

    [BrowserFact]
    public Task EveryStudyPageOpensOnADesktop() => TourAsync("desktop");

    [BrowserFact]
    public Task EveryStudyPageFitsAPhone() => TourAsync("phone");

    private async Task TourAsync(string viewport)
    {
        var page = await fixture.NewPageAsync(viewport);
        await fixture.SignInAsync(page, "office");
        string[] pages = ["/Study/Index", "/Study/Plans", "/Study/Plans/Edit", "/Study/Materials", "/Study/Attendance", "/Study/Discussions", "/Study/Quizzes", "/Study/Quizzes/Edit", "/Study/Questions", "/Study/Questions/Edit", "/Study/Questions/Import"];
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path);
            response!.Status.ShouldBe(200, path);
            await BrowserFixture.ShotAsync(page, "study" + path.Replace("/Study", "", StringComparison.Ordinal).Replace('/', '-').ToLowerInvariant() + "-" + viewport);
        }

        foreach (var (list, testId, name) in new[] { ("/Study/Materials", "materials", "material"), ("/Study/Discussions", "topics", "discussion"), ("/Study/Quizzes", "quizzes", "quiz") })
        {
            await page.GotoAsync(list);
            await page.GetByTestId(testId).GetByRole(AriaRole.Link).First.ClickAsync();
            await page.WaitForLoadStateAsync();
            await BrowserFixture.ShotAsync(page, $"study-{name}-details-{viewport}");
        }

        await page.Context.CloseAsync();
    }
}
