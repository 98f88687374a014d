using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Features.Study;

/// <summary>
/// QR sign-in is accepted only from an hour before a session's start to its end, names the session before and after,
/// and takes one tap for a signed-in person (someone not signed in signs in and comes back to the same session).
/// </summary>
public sealed class SignInWindowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TooEarlyIsRefusedInsideIsOneTapAndTooLateIsRefused()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var session = await NewSessionAsync("扫码窗口测试学习会", now.AddHours(3), now.AddHours(5));
        var member = await app.SignedInClientAsync("member");

        // Three hours before: the page names the session, says when sign-in opens and offers no button; a forged POST records nothing.
        var early = await member.GetDocumentAsync(SignInUrl(await CodeAsync(session)));
        Facts(early).ShouldContain("扫码窗口测试学习会");
        early.QuerySelector("[data-testid=sign-in-closed]")!.TextContent.ShouldContain($"签到尚未开始。本次学习会的扫码签到于 {ChinaTime.DateTimeText(now.AddHours(2))} 开放");
        early.QuerySelector("[data-testid=confirm-sign-in]").ShouldBeNull();
        var refused = await PostCodeAsync(member, await CodeAsync(session));
        (await refused.ParseAsync()).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("签到尚未开始");
        (await StatusAsync(session)).ShouldBe(AttendanceStatus.Expected);

        // Half an hour before the start: the window is open (the phone's sign-in timed out meanwhile: sign in again).
        var into = TimeSpan.FromMinutes(150);
        app.Clock.Advance(into);
        try
        {
            member = await app.SignedInClientAsync("member");
            var code = await CodeAsync(session);
            var page = await member.GetDocumentAsync(SignInUrl(code));
            var facts = Facts(page);
            facts.ShouldContain("扫码窗口测试学习会");
            facts.ShouldContain($"{ChinaTime.DateTimeText(now.AddHours(3))}–{ChinaTime.ToLocal(now.AddHours(5)):HH:mm}");
            facts.ShouldContain("局二楼小会议室");
            page.QuerySelector("[data-testid=signing-person]")!.TextContent.ShouldContain("孙磊");
            page.QuerySelector("[data-testid=confirm-sign-in]").ShouldNotBeNull();

            // One POST signs in, and the answer still names the session.
            var signed = await (await PostCodeAsync(member, code)).ParseAsync();
            signed.QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("签到成功");
            Facts(signed).ShouldContain("局二楼小会议室");
            (await StatusAsync(session)).ShouldBe(AttendanceStatus.Present);
            (await member.GetDocumentAsync(SignInUrl(code))).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("无需重复签到");
        }
        finally
        {
            app.Clock.Advance(-into);
        }
    }

    [DbFact]
    public async Task AfterTheEndTheSignInIsClosedAndSaysWhomToAsk()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var session = await NewSessionAsync("已结束的学习会", now.AddHours(-3), now.AddMinutes(-1));
        var member = await app.SignedInClientAsync("member");
        var code = await CodeAsync(session);

        var page = await member.GetDocumentAsync(SignInUrl(code));
        Facts(page).ShouldContain("已结束的学习会");
        var closed = page.QuerySelector("[data-testid=sign-in-closed]")!.TextContent;
        closed.ShouldContain("扫码签到已于");
        closed.ShouldContain("请联系组织本次学习会的活动办公室补登考勤");
        page.QuerySelector("[data-testid=confirm-sign-in]").ShouldBeNull();

        (await (await PostCodeAsync(member, code)).ParseAsync()).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("扫码签到已于");
        var api = await member.PostAsJsonAsync("/api/v1/study/sign-in", new StudyApi.SignInRequest(code));
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.Content.ReadAsStringAsync()).ShouldContain("扫码签到已于");
        (await StatusAsync(session)).ShouldBe(AttendanceStatus.Expected);
    }

    [DbFact]
    public async Task SomeoneNotSignedInSignsInAndComesBackToTheSameSession()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var session = await NewSessionAsync("扫码后登录的学习会", now.AddMinutes(20), now.AddHours(2));
        var code = await CodeAsync(session);
        var phone = app.CreateBrowserLikeClient();

        var scan = await phone.GetAsync(new Uri(SignInUrl(code), UriKind.Relative));
        scan.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = scan.Headers.Location!;
        var loginPath = login.IsAbsoluteUri ? login.PathAndQuery : login.OriginalString;
        loginPath.ShouldStartWith("/Account/Login?ReturnUrl=");
        var loginPage = await phone.GetDocumentAsync(loginPath);
        loginPage.QuerySelector("[data-testid=scan-context]").ShouldNotBeNull();
        Facts(loginPage).ShouldContain("扫码后登录的学习会");

        var signedIn = await phone.PostFormAsync(loginPath, new Dictionary<string, string> { ["Input.UserName"] = "member", ["Input.Password"] = AppFactory.DemoPassword, ["ReturnUrl"] = SignInUrl(code) });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe(SignInUrl(code));
        var back = await phone.GetDocumentAsync(SignInUrl(code));
        Facts(back).ShouldContain("扫码后登录的学习会");
        back.QuerySelector("[data-testid=confirm-sign-in]").ShouldNotBeNull();
        (await (await PostCodeAsync(phone, code)).ParseAsync()).QuerySelector("[data-testid=sign-in-result]")!.TextContent.ShouldContain("签到成功");
        (await StatusAsync(session)).ShouldBe(AttendanceStatus.Present);

        // A stale or foreign return address shows no session on the sign-in page.
        var other = app.CreateBrowserLikeClient();
        (await other.GetDocumentAsync("/Account/Login?ReturnUrl=%2FStudy%2FSignIn%3Fc%3Dnonsense")).QuerySelector("[data-testid=scan-context]").ShouldBeNull();
        (await other.GetDocumentAsync("/Account/Login?ReturnUrl=%2FStudy%2FMy")).QuerySelector("[data-testid=scan-context]").ShouldBeNull();
    }

    [DbFact]
    public async Task TheWindowIsConfigurable()
    {
        app.Services.GetRequiredService<IOptions<StudyOptions>>().Value.SignInOpensMinutesBefore.ShouldBe(60);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var session = new StudySession { Title = "配置测试", StartsAt = now.AddMinutes(30), EndsAt = now.AddMinutes(90), SignInSecret = StudyService.NewSecret() };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        new StudyService(db, app.Clock, Options.Create(new StudyOptions())).OutsideWindow(session).ShouldBeNull();
        new StudyService(db, app.Clock, Options.Create(new StudyOptions { SignInOpensMinutesBefore = 15 })).OutsideWindow(session)!.ShouldContain("签到尚未开始");
        var late = new StudySession { Title = "配置测试", StartsAt = now.AddMinutes(-90), EndsAt = now.AddMinutes(-10), SignInSecret = StudyService.NewSecret() };
        new StudyService(db, app.Clock, Options.Create(new StudyOptions())).OutsideWindow(late)!.ShouldContain("已于");
        new StudyService(db, app.Clock, Options.Create(new StudyOptions { SignInClosesMinutesAfter = 30 })).OutsideWindow(late).ShouldBeNull();
    }

    private static string SignInUrl(string code) => "/Study/SignIn?c=" + Uri.EscapeDataString(code);

    private static string Facts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("[data-testid=session-facts]")?.TextContent ?? throw new ShouldAssertException("the page does not name the session");

    /// <summary>Posts the sign-in form once, with a token from the home page (the sign-in page shows no form outside the window).</summary>
    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code)
    {
        var token = (await client.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["c"] = code, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri(SignInUrl(code), UriKind.Relative), content);
    }

    private async Task<string> CodeAsync(Guid session)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope.ServiceProvider.GetRequiredService<StudyService>().IssueCode(await db.StudySessions.SingleAsync(s => s.Id == session));
    }

    private Task<AttendanceStatus> StatusAsync(Guid session) =>
        app.WithDbAsync(db => db.SessionAttendees.Where(a => a.SessionId == session && a.Person!.Name == "孙磊").Select(a => a.Status).SingleAsync());

    /// <summary>A session of the demo campaign with 孙磊 (the demo member) expected.</summary>
    private Task<Guid> NewSessionAsync(string title, DateTime startsAt, DateTime endsAt) => app.WithDbAsync(async db =>
    {
        var campaign = await db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync();
        var session = new StudySession { CampaignId = campaign, Kind = SessionKind.Discussion, Title = title, StartsAt = startsAt, EndsAt = endsAt, Place = "局二楼小会议室", SignInSecret = StudyService.NewSecret() };
        db.StudySessions.Add(session);
        db.SessionAttendees.Add(new SessionAttendee { SessionId = session.Id, PersonId = await db.People.Where(p => p.Name == "孙磊").Select(p => p.Id).SingleAsync() });
        await db.SaveChangesAsync();
        return session.Id;
    });
}
