using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

/// <summary>
/// The campaign office's first-run guide on an empty install: each step is read from the records, shows its counts,
/// moves on as the office works through it, and is gone when done or hidden; other roles never see it.
/// </summary>
public sealed class FirstRunGuideTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    [DbFact]
    public async Task TheGuideWalksTheOfficeFromAnEmptyInstallToTheMobilizationMeetingThenDisappears()
    {
        var office = await app.CreateUserAsync([Roles.CampaignOffice]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(office, "Passw0rd!x");

        var home = await client.GetDocumentAsync("/");
        State(home, 1).ShouldBe("next");
        State(home, 2).ShouldBe("todo");
        Hint(home, 3).ShouldBe("先导入人员名单");
        home.QuerySelector("[data-testid=guide-step-1] a")!.GetAttribute("href").ShouldBe("/Organization");
        home.QuerySelector("[data-testid=guide-step-5] a").ShouldBeNull();

        (await client.PostFormAsync("/Organization", new Dictionary<string, string> { ["FirstUnitName"] = "市科技局" }, action: "handler=FirstUnit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home = await client.GetDocumentAsync("/");
        State(home, 1).ShouldBe("done");
        Hint(home, 1).ShouldBe("已有1个单位");
        State(home, 2).ShouldBe("next");
        home.QuerySelector("[data-testid=guide-step-2] a")!.GetAttribute("href").ShouldBe("/Organization/Import");

        var preview = await UploadAsync(client, Encoding.UTF8.GetBytes("姓名,所在单位\n向导一,市科技局/办公室\n向导二,市科技局/办公室\n向导三,市科技局/人事科"), "roster.csv");
        (await ConfirmAsync(client, preview.QuerySelector("input[name=token]")!.GetAttribute("value")!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home = await client.GetDocumentAsync("/");
        Hint(home, 1).ShouldBe("已有3个单位");
        Hint(home, 2).ShouldBe("已导入3人");
        State(home, 3).ShouldBe("next");
        Hint(home, 3).ShouldBe("3人还没有账号");

        var person = await app.WithDbAsync(db => db.People.Where(p => p.Name == "向导一").Select(p => p.Id).SingleAsync());
        var accountsPage = await client.GetDocumentAsync("/Organization/Accounts");
        var token = accountsPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["personIds"] = person.ToString(), ["userNames"] = "guide-one", ["__RequestVerificationToken"] = token }))
        {
            (await client.PostAsync(new Uri("/Organization/Accounts?handler=Create", UriKind.Relative), content)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        home = await client.GetDocumentAsync("/");
        State(home, 3).ShouldBe("done");
        Hint(home, 3).ShouldBe("已创建1个账号，2人还没有账号");
        State(home, 4).ShouldBe("next");
        home.QuerySelector("[data-testid=guide-step-4] a")!.GetAttribute("href").ShouldBe("/Campaigns/Create");

        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Parent == null).Select(u => u.Id).SingleAsync());
        var created = await client.PostFormAsync("/Campaigns/Create", new Dictionary<string, string>
        {
            ["TemplateKey"] = "mass-line", ["Title"] = "向导活动", ["ScopeUnitId"] = unit.ToString(), ["StartsOn"] = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        home = await client.GetDocumentAsync("/");
        Hint(home, 4).ShouldBe("已建1个活动，尚未启动");
        home.QuerySelector("[data-testid=guide-step-4] a")!.GetAttribute("href").ShouldBe($"/Campaigns/Details?id={campaign}");
        Hint(home, 5).ShouldBe("活动启动后安排");

        await client.PostFormAsync($"/Campaigns/Details?id={campaign}", new Dictionary<string, string>(), action: "handler=Start");
        home = await client.GetDocumentAsync("/");
        State(home, 4).ShouldBe("done");
        Hint(home, 4).ShouldBe("已建1个活动，1个进行中");
        State(home, 5).ShouldBe("next");
        var meetingLink = home.QuerySelector("[data-testid=guide-step-5] a")!.GetAttribute("href")!;
        meetingLink.ShouldBe($"/Study/Sessions/Edit?campaignId={campaign}&preset=mobilization");

        // The link opens the session form filled in for the 动员大会 of the running campaign, for everyone.
        var form = await client.GetDocumentAsync(meetingLink);
        form.QuerySelector("input[name='Input.Title']")!.GetAttribute("value").ShouldBe("动员大会");
        form.QuerySelector($"input[name='Input.UnitIds'][value='{unit}']")!.HasAttribute("checked").ShouldBeTrue();
        var date = form.QuerySelector("input[name='Input.Date']")!.GetAttribute("value")!;
        var phase = form.QuerySelector("select[name='Input.PhaseId'] option[selected]")!.GetAttribute("value")!;
        var scheduled = await client.PostFormAsync(meetingLink, new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Input.PhaseId"] = phase, ["Input.Kind"] = "Collective", ["Input.Title"] = "动员大会", ["Input.Date"] = date,
            ["Input.StartTime"] = "09:00", ["Input.EndTime"] = "11:00", ["Input.UnitIds"] = unit.ToString(),
        });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await scheduled.ParseAsync()).ErrorsText());

        home = await client.GetDocumentAsync("/");
        home.QuerySelector("[data-testid=first-run-guide]").ShouldBeNull();
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == office && u.FirstRunGuideHiddenAt != null))).ShouldBeFalse();
    }

    [DbFact]
    public async Task ThePersonCanHideTheGuideAndOtherRolesNeverSeeIt()
    {
        var office = await app.CreateUserAsync([Roles.CampaignOffice]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(office, "Passw0rd!x");
        (await client.GetDocumentAsync("/")).QuerySelector("[data-testid=first-run-guide]").ShouldNotBeNull();

        foreach (var role in new[] { Roles.Member, Roles.Leader, Roles.Supervisor })
        {
            var other = app.CreateBrowserLikeClient();
            await other.SignInAsync(await app.CreateUserAsync([role]), "Passw0rd!x");
            var page = await other.GetDocumentAsync("/");
            page.QuerySelector("h1").ShouldNotBeNull(role);
            page.QuerySelector("[data-testid=first-run-guide]").ShouldBeNull(role);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            var refused = await other.PostAsync(new Uri("/?handler=HideGuide", UriKind.Relative), content);
            Dangjian.Tests.Features.Campaigns.PhaseShiftTests.Denied(refused).ShouldBeTrue($"{role}: {refused.StatusCode} {refused.Headers.Location}");
        }

        var hidden = await client.PostFormAsync("/", new Dictionary<string, string>(), action: "handler=HideGuide");
        hidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == office));
        user.FirstRunGuideHiddenAt.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == "AppUser" && e.ObjectId == user.Id.ToString()))).ShouldBeTrue();

        // Remembered for the account: a new sign-in does not bring it back.
        var again = app.CreateBrowserLikeClient();
        await again.SignInAsync(office, "Passw0rd!x");
        var home = await again.GetDocumentAsync("/");
        home.QuerySelector("h1").ShouldNotBeNull();
        home.QuerySelector("[data-testid=first-run-guide]").ShouldBeNull();
    }

    private static string State(IHtmlDocument home, int step) =>
        home.QuerySelector($"[data-testid=guide-step-{step}]")?.GetAttribute("data-state") ?? throw new InvalidOperationException($"向导第{step}步不在首页上");

    private static string Hint(IHtmlDocument home, int step) => home.QuerySelector($"[data-testid=guide-hint-{step}]")!.TextContent.Trim();

    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetDocumentAsync("/Organization/Import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync(new Uri("/Organization/Import?handler=Upload", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ParseAsync();
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string uploadToken)
    {
        var page = await client.GetDocumentAsync("/Organization/Import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = uploadToken, ["fileName"] = "x", ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri("/Organization/Import?handler=Confirm", UriKind.Relative), content);
    }
}
