using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>
/// The top bar's campaign switcher (issue 21): each campaign told apart by its dates and status, the running campaign as
/// the default rather than a newer empty one, a choice that holds on every page, and no switching to a campaign outside
/// the caller's scope.
/// </summary>
public sealed class CampaignSwitcherTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ANewerCampaignStillInPreparationDoesNotBecomeTheDefault()
    {
        var running = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Status == CampaignStatus.Running).OrderBy(c => c.CreatedAt).Select(c => c.Title).FirstAsync());
        await app.AddCampaignAsync("明年筹备中的活动", records: (_, c) => (c.Status, c.StartsOn, c.EndsOn) = (CampaignStatus.Preparing, app.Today.AddDays(200), app.Today.AddDays(400)));
        var office = await app.SignedInClientAsync("office");

        var home = await office.GetDocumentAsync("/");

        home.QuerySelector("[data-testid=campaign-health] h2")!.TextContent.ShouldBe(running);
        var options = home.QuerySelectorAll("#dj-campaign-top option").Select(o => o.TextContent).ToList();
        options.ShouldContain(o => o.StartsWith("明年筹备中的活动（", StringComparison.Ordinal) && o.Contains("筹备", StringComparison.Ordinal) && o.Contains(app.Today.AddDays(200).ToString("yyyy-MM-dd"), StringComparison.Ordinal));
        home.QuerySelector("#dj-campaign-top option[selected]")!.TextContent.ShouldStartWith(running + "（");
    }

    [DbFact]
    public async Task TwoCampaignsOfOneNameAreToldApart()
    {
        await app.AddCampaignAsync("同名活动", records: (_, c) => (c.StartsOn, c.EndsOn, c.Status) = (app.Today.AddDays(-400), app.Today.AddDays(-300), CampaignStatus.Ended));
        await app.AddCampaignAsync("同名活动", records: (_, c) => (c.StartsOn, c.EndsOn, c.Status) = (app.Today.AddDays(-200), app.Today.AddDays(-100), CampaignStatus.Ended));
        var office = await app.SignedInClientAsync("office");

        var named = (await office.GetDocumentAsync("/Briefings")).QuerySelectorAll("#dj-campaign-top option").Select(o => o.TextContent).Where(t => t.StartsWith("同名活动", StringComparison.Ordinal)).ToList();

        named.Count.ShouldBe(2);
        named.Distinct().Count().ShouldBe(2, "their dates tell them apart");
    }

    [DbFact]
    public async Task AChosenCampaignIsCurrentOnEveryPageUntilAnotherIsChosen()
    {
        var first = await app.DemoCampaignIdAsync();
        var second = await app.AddCampaignAsync("切换到的活动");
        var office = await app.SignedInClientAsync("office");

        using var switched = await office.PostFormAsync("/", new Dictionary<string, string> { ["campaignId"] = second.ToString(), ["returnUrl"] = $"/Briefings?campaignId={first}&page=2" }, "handler=Switch");

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe($"/Briefings?campaignId={second}");
        (await office.GetDocumentAsync("/Meetings")).QuerySelector("#dj-campaign-top option[selected]")!.GetAttribute("value").ShouldBe(second.ToString());
        (await office.GetDocumentAsync("/")).QuerySelector("[data-testid=campaign-health] h2")!.TextContent.ShouldBe("切换到的活动");

        // A page asked for another campaign by its address shows that one, and it becomes the current one.
        (await office.GetDocumentAsync($"/Talks?campaignId={first}")).QuerySelector("#dj-campaign-top option[selected]")!.GetAttribute("value").ShouldBe(first.ToString());
        (await office.GetDocumentAsync("/Meetings")).QuerySelector("#dj-campaign-top option[selected]")!.GetAttribute("value").ShouldBe(first.ToString());
    }

    [DbFact]
    public async Task ACampaignOutsideTheCallersScopeCannotBeChosen()
    {
        var foreign = await app.AddCampaignAsync("外单位的活动", foreign: true);
        await app.AddCampaignAsync("本局另一项活动", records: (_, c) => c.Status = CampaignStatus.Ended);
        var office = await app.SignedInClientAsync("office");
        var before = (await office.GetDocumentAsync("/")).QuerySelector("[data-testid=campaign-health] h2")!.TextContent;

        using var refused = await office.PostFormAsync("/", new Dictionary<string, string> { ["campaignId"] = foreign.ToString(), ["returnUrl"] = "/" }, "handler=Switch");
        using var forged = await office.PostFormAsync("/", new Dictionary<string, string> { ["campaignId"] = "not-a-guid", ["returnUrl"] = "/" }, "handler=Switch");

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        forged.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith(CampaignPicker.CookieName + "=", StringComparison.Ordinal));
        (await office.GetDocumentAsync("/")).QuerySelector("[data-testid=campaign-health] h2")!.TextContent.ShouldBe(before);
        (await office.GetDocumentAsync("/")).QuerySelectorAll("#dj-campaign-top option").ShouldNotContain(o => o.TextContent.StartsWith("外单位的活动", StringComparison.Ordinal));
    }

    [DbFact]
    public async Task AnOffsiteReturnAddressIsNotFollowed()
    {
        var campaign = await app.AddCampaignAsync("可切换的活动", records: (_, c) => c.Status = CampaignStatus.Ended);
        var office = await app.SignedInClientAsync("office");

        using var response = await office.PostFormAsync("/", new Dictionary<string, string> { ["campaignId"] = campaign.ToString(), ["returnUrl"] = "https://example.com/phish" }, "handler=Switch");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("/Campaigns/Details?id=abc", "/Campaigns/Details?id={0}")]
    [InlineData("/Rectification?campaignId=abc&status=2&page=3", "/Rectification?campaignId={0}")]
    [InlineData("/Study/My", "/Study/My")]
    [InlineData("/Rectification/Item?id=abc#top", "/Rectification/Item?id=abc")]
    public void TheSwitcherReturnsToThePageWithTheChosenCampaign(string from, string expected)
    {
        var id = Guid.CreateVersion7();
        CampaignSwitch.Retarget(from, id).ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, id));
    }
}
