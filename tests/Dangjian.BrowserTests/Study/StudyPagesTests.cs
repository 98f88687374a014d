using Dangjian.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.BrowserTests.Study;

[Collection(BrowserGroup.Name)]
public sealed class StudyPagesTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task MemberSignsInByScanningTheQrCodeOnAPhone()
    {
        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Study/Sessions");
        await Expect(office.GetByTestId("sessions")).ToContainTextAsync("学习交流讨论会");
        await BrowserFixture.ShotAsync(office, "study-sessions-desktop");
        await office.GetByTestId("sessions").GetByRole(AriaRole.Link, new() { Name = "学习交流讨论会：对照四风查摆问题" }).ClickAsync();
        await BrowserFixture.ShotAsync(office, "study-session-details-desktop");
        await office.GetByRole(AriaRole.Link, new() { Name = "打开签到二维码" }).ClickAsync();
        await Expect(office.GetByTestId("qr")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(office, "study-qr-desktop");
        await Expect(office.GetByTestId("window")).ToContainTextAsync("扫码签到开放时间");
        var link = await office.GetByTestId("sign-in-link").GetAttributeAsync("href");

        // The session is two days ahead: the scan is refused until an hour before the start.
        var phone = await fixture.NewPageAsync("phone");
        await phone.GotoAsync(link!);
        await Expect(phone.GetByTestId("scan-context")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("session-facts")).ToContainTextAsync("学习交流讨论会：对照四风查摆问题");
        await BrowserFixture.ShotAsync(phone, "study-scan-login-phone");
        await phone.GetByLabel("用户名").FillAsync("member");
        await phone.GetByLabel("密码").FillAsync(Dangjian.Tests.Infrastructure.AppFactory.DemoPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(phone.GetByTestId("sign-in-closed")).ToContainTextAsync("签到尚未开始");
        await Expect(phone.GetByTestId("session-facts")).ToContainTextAsync("局三楼会议室");
        await BrowserFixture.ShotAsync(phone, "study-sign-in-too-early-phone");

        // Half an hour before the start (two days later: the phone's sign-in has timed out) the member signs in again,
        // comes back to the session and confirms with one tap.
        var session = await fixture.App.WithDbAsync(db => db.StudySessions.SingleAsync(s => s.Title == "学习交流讨论会：对照四风查摆问题"));
        var into = session.StartsAt.AddMinutes(-30) - fixture.App.Clock.GetUtcNow().UtcDateTime;
        fixture.App.Clock.Advance(into);
        try
        {
            await using (var scope = fixture.App.Services.CreateAsyncScope())
            {
                link = "/Study/SignIn?c=" + Uri.EscapeDataString(scope.ServiceProvider.GetRequiredService<Dangjian.Web.Features.Study.StudyService>().IssueCode(session));
            }

            await phone.GotoAsync(link);
            await phone.GetByLabel("用户名").FillAsync("member");
            await phone.GetByLabel("密码").FillAsync(Dangjian.Tests.Infrastructure.AppFactory.DemoPassword);
            await phone.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(phone.GetByTestId("signing-person")).ToContainTextAsync("孙磊");
            await BrowserFixture.ShotAsync(phone, "study-sign-in-phone");
            await phone.GetByTestId("confirm-sign-in").ClickAsync();
            await Expect(phone.GetByTestId("sign-in-result")).ToContainTextAsync("签到成功");
            await Expect(phone.GetByTestId("session-facts")).ToContainTextAsync("学习交流讨论会：对照四风查摆问题");
            await BrowserFixture.ShotAsync(phone, "study-signed-in-phone");
        }
        finally
        {
            fixture.App.Clock.Advance(-into);
        }

        await office.GoBackAsync();
        await office.ReloadAsync();
        await Expect(office.GetByTestId("attendance")).ToContainTextAsync("扫码");
        await office.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(office, "study-session-details-phone");

        // The session form: 学时 left blank counts the duration; more than the session lasts is refused in place.
        await office.SetViewportSizeAsync(1366, 900);
        await office.GotoAsync("/Study/Sessions");
        await office.GetByRole(AriaRole.Link, new() { Name = "安排学习会" }).ClickAsync();
        var next = office.GetByRole(AriaRole.Button, new() { Name = "下一步" });
        if (await next.IsVisibleAsync())
        {
            await next.ClickAsync();
        }

        await Expect(office.GetByLabel("学时", new() { Exact = true })).ToHaveAttributeAsync("step", "0.5");
        await office.Locator("#Input_Title").FillAsync("学时检查");
        await office.GetByLabel("学时", new() { Exact = true }).FillAsync("5");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(office.Locator(".alert-danger")).ToContainTextAsync("学时不能超过学习会的时长");
        await BrowserFixture.ShotAsync(office, "study-session-edit-hours-desktop");
        await office.SetViewportSizeAsync(375, 812);
        await BrowserFixture.ShotAsync(office, "study-session-edit-hours-phone");
        await phone.Context.CloseAsync();
        await office.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AReflectionIsWrittenOnAPhoneCheckedAndExhibited()
    {
        var phone = await fixture.NewPageAsync("phone");
        await fixture.SignInAsync(phone, "member");
        await phone.GotoAsync("/Study/Notes/Edit");
        await phone.GetByLabel("标题").FillAsync("学习群众路线的心得");
        await phone.GetByLabel("正文").FillAsync("联系本职工作，查找服务企业中的不足……");
        await BrowserFixture.ShotAsync(phone, "study-note-new-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(phone.GetByTestId("note-body")).ToContainTextAsync("联系本职工作");
        var url = phone.Url;

        var office = await fixture.NewPageAsync();
        await fixture.SignInAsync(office, "office");
        await office.GotoAsync("/Study/Notes?all=true");
        await Expect(office.GetByTestId("note-counts")).ToContainTextAsync("高新技术科");
        await BrowserFixture.ShotAsync(office, "study-notes-all-desktop");
        await office.GotoAsync(url);
        await office.GetByLabel("等次").SelectOptionAsync(new SelectOptionValue { Label = "优秀" });
        await office.GetByRole(AriaRole.Button, new() { Name = "保存检查结果" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "选入展评" }).ClickAsync();
        await Expect(office.GetByTestId("flash")).ToContainTextAsync("已选入展评");
        await BrowserFixture.ShotAsync(office, "study-note-checked-desktop");
        await office.GotoAsync("/Study/Notes/Exhibition");
        await Expect(office.GetByTestId("exhibition")).ToContainTextAsync("学习群众路线的心得");
        await BrowserFixture.ShotAsync(office, "study-exhibition-desktop");
        await phone.GotoAsync("/Study/Notes/Exhibition");
        await BrowserFixture.ShotAsync(phone, "study-exhibition-phone");
        await office.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
