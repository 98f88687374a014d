using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Briefings;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>
/// 补录: an office that adopts the product mid-campaign enters what it did before with the real dates — letters sent,
/// briefings sent up, milestones already past — marked and audited, and never outside the campaign or in the future.
/// </summary>
public sealed class BackfillTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ALetterSentBeforeItWasEnteredKeepsItsDateAndIsMarked()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        Dictionary<string, string> Fields(DateOnly sentOn, DateOnly dueOn, string title) => new()
        {
            ["CampaignId"] = campaign.Id.ToString(), ["Title"] = title, ["Body"] = "特致函征求意见。", ["Questions"] = "意见建议",
            ["SentOn"] = sentOn.ToString("yyyy-MM-dd"), ["DueOn"] = dueOn.ToString("yyyy-MM-dd"), ["Recipients"] = "市委组织部\n市人大代表联络处",
        };

        var future = await office.PostFormAsync("/Opinions/Letters", Fields(app.Today.AddDays(1), app.Today.AddDays(5), "明天的函"));
        (await future.ParseAsync()).ErrorsText().ShouldContain("发出日期不能晚于今天");
        var early = await office.PostFormAsync("/Opinions/Letters", Fields(campaign.StartsOn.AddDays(-1), campaign.StartsOn.AddDays(5), "活动前的函"));
        (await early.ParseAsync()).ErrorsText().ShouldContain("不能早于活动开始");
        var dueBeforeSent = await office.PostFormAsync("/Opinions/Letters", Fields(app.Today.AddDays(-20), app.Today.AddDays(-25), "截止在前的函"));
        (await dueBeforeSent.ParseAsync()).ErrorsText().ShouldContain("回复截止日期须晚于发出日期");
        (await app.WithDbAsync(db => db.SolicitationLetters.CountAsync(l => l.Title == "明天的函" || l.Title == "活动前的函" || l.Title == "截止在前的函"))).ShouldBe(0);

        var sent = await office.PostFormAsync("/Opinions/Letters", Fields(app.Today.AddDays(-20), app.Today.AddDays(-10), "补录的征求意见函"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await sent.ParseAsync()).ErrorsText());
        var letter = await app.WithDbAsync(db => db.SolicitationLetters.SingleAsync(l => l.Title == "补录的征求意见函"));
        letter.SentOn.ShouldBe(app.Today.AddDays(-20));
        var list = await office.GetDocumentAsync("/Opinions/Letters");
        list.QuerySelectorAll("[data-testid=letters] li").Single(li => li.TextContent.Contains("补录的征求意见函", StringComparison.Ordinal))
            .QuerySelector("[data-testid=backfilled]").ShouldNotBeNull();
        list.QuerySelectorAll("[data-testid=letters] li").Single(li => li.TextContent.Contains("四风", StringComparison.Ordinal))
            .QuerySelector("[data-testid=backfilled]").ShouldBeNull("the demo's letter was entered on the day it went out");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "backfill" && a.ObjectId == letter.Id.ToString()))).ShouldBeTrue();
    }

    [DbFact]
    public async Task ABriefingSentUpBeforeItWasEnteredIsRecordedOnThatDay()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var briefing = await app.WithDbAsync(db => db.Briefings.Where(b => b.Document!.Status == DocumentStatus.Approved).OrderBy(b => b.Number).FirstAsync());
        var url = $"/Briefings/Details?id={briefing.Id}";
        var before = DateOnly.FromDateTime(briefing.CreatedAt).AddDays(-3);
        before.ShouldBeGreaterThanOrEqualTo(campaign.StartsOn);

        await office.PostHandlerAsync(url, "Send", new Dictionary<string, string> { ["sentOn"] = campaign.StartsOn.AddDays(-1).ToString("yyyy-MM-dd"), ["sentTo"] = "市委督导组" });
        (await app.WithDbAsync(db => db.Briefings.Where(b => b.Id == briefing.Id).Select(b => b.SentOn).SingleAsync())).ShouldNotBe(campaign.StartsOn.AddDays(-1), "not before the campaign");

        (await office.PostHandlerAsync(url, "Send", new Dictionary<string, string> { ["sentOn"] = before.ToString("yyyy-MM-dd"), ["sentTo"] = "市委督导组" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Briefings.Where(b => b.Id == briefing.Id).Select(b => b.SentOn).SingleAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "backfill" && a.ObjectType == nameof(Briefing) && a.ObjectId == briefing.Id.ToString()))).ShouldBeTrue();
    }

    [DbFact]
    public async Task AMilestoneOfThePastIsAcceptedOnlyAsABackfill()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).FirstAsync());
        Dictionary<string, string> Fields(bool backfill) => new()
        {
            ["Input.Title"] = "召开动员大会（补录）", ["Input.PhaseId"] = phase.Id.ToString(), ["Input.Deadline"] = app.Today.AddDays(-30).ToString("yyyy-MM-dd"),
            ["Input.Backfill"] = backfill ? "true" : "false",
        };

        var refused = await office.PostFormAsync($"/Campaigns/Milestone?campaignId={campaign.Id}", Fields(backfill: false));
        (await refused.ParseAsync()).ErrorsText().ShouldContain("补录以往的节点请勾选");
        (await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Title == "召开动员大会（补录）"))).ShouldBeFalse();

        var accepted = await office.PostFormAsync($"/Campaigns/Milestone?campaignId={campaign.Id}", Fields(backfill: true));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await accepted.ParseAsync()).ErrorsText());
        var milestone = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.Title == "召开动员大会（补录）"));
        milestone.Deadline.ShouldBe(app.Today.AddDays(-30));
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "backfill" && a.ObjectId == milestone.Id.ToString()))).ShouldBeTrue();
    }
}
