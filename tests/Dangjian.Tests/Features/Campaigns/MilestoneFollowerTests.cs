using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Campaigns;

/// <summary>Milestones bound to a kind of record complete themselves when the record exists, and never show overdue beside it.</summary>
public sealed class MilestoneFollowerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheDemosMeetingAndApprovedSummariesCompleteTheirMilestones()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var milestones = await app.WithDbAsync(db => db.Milestones.Where(m => m.CampaignId == campaign && m.Follows != null).ToListAsync());
        milestones.Single(m => m.Title == "召开专题民主生活会").Status.ShouldBe(MilestoneStatus.Done, "the demo's 民主生活会 is recorded");
        milestones.Single(m => m.Title == "第二环节工作小结报督导组").Status.ShouldBe(MilestoneStatus.Done, "phase 2's 环节小结 is approved");
        milestones.Single(m => m.Title == "活动总结报上级").Status.ShouldBe(MilestoneStatus.Open, "the campaign's summary is not approved yet");
    }

    [DbFact]
    public async Task ALetterSentCompletesTheNewCampaignsLetterMilestoneAndAFollowingMilestoneAddedLaterCompletesOnSave()
    {
        var office = await app.SignedInClientAsync("office");
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var created = await office.PostFormAsync("/Campaigns/Create", new Dictionary<string, string>
        {
            ["TemplateKey"] = "mass-line", ["Title"] = "节点跟随记录的活动", ["StartsOn"] = app.Today.AddDays(-20).ToString("yyyy-MM-dd"), ["ScopeUnitId"] = bureau.ToString(), ["Theme"] = "",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Title == "节点跟随记录的活动"));
        await app.WithDbAsync(async db =>
        {
            (await db.Campaigns.SingleAsync(c => c.Id == campaign.Id)).Status = CampaignStatus.Running;
            return await db.SaveChangesAsync();
        });
        var letterMilestone = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.CampaignId == campaign.Id && m.Title == "发放征求意见函"));
        (letterMilestone.Follows, letterMilestone.Status).ShouldBe((MilestoneRecord.LetterSent, MilestoneStatus.Open));

        var sent = await office.PostFormAsync("/Opinions/Letters", new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.Id.ToString(), ["Title"] = "征求意见函", ["Body"] = "特致函征求意见。", ["Questions"] = "意见建议",
            ["SentOn"] = app.Today.AddDays(-5).ToString("yyyy-MM-dd"), ["DueOn"] = app.Today.AddDays(5).ToString("yyyy-MM-dd"), ["Recipients"] = "市委组织部",
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await sent.ParseAsync()).ErrorsText());
        var done = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.Id == letterMilestone.Id));
        done.Status.ShouldBe(MilestoneStatus.Done);
        done.Evidence!.ShouldContain("发出征求意见函");

        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Order).Select(p => p.Id).FirstAsync());
        var form = await office.GetDocumentAsync($"/Campaigns/Milestone?campaignId={campaign.Id}");
        form.QuerySelectorAll("select[name='Input.Follows'] option").Select(o => o.TextContent.Trim()).ShouldContain("发出征求意见函");
        var undefined = await office.PostFormAsync($"/Campaigns/Milestone?campaignId={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "未知依据的节点", ["Input.PhaseId"] = phase.ToString(), ["Input.Deadline"] = app.Today.AddDays(3).ToString("yyyy-MM-dd"), ["Input.Follows"] = "99",
        });
        (await undefined.ParseAsync()).ErrorsText().ShouldContain("“99”无效", Case.Sensitive, "an undefined record kind is refused in Chinese by the binder");
        (await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Title == "未知依据的节点"))).ShouldBeFalse();
        var added = await office.PostFormAsync($"/Campaigns/Milestone?campaignId={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "再次发放征求意见函", ["Input.PhaseId"] = phase.ToString(), ["Input.Deadline"] = app.Today.AddDays(3).ToString("yyyy-MM-dd"), ["Input.Follows"] = "LetterSent",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await added.ParseAsync()).ErrorsText());
        (await app.WithDbAsync(db => db.Milestones.Where(m => m.Title == "再次发放征求意见函").Select(m => m.Status).SingleAsync())).ShouldBe(MilestoneStatus.Done, "its record already exists");

        var meeting = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.CampaignId == campaign.Id && m.Title == "召开专题民主生活会"));
        meeting.Status.ShouldBe(MilestoneStatus.Open, "no 民主生活会 is recorded in this campaign; another campaign's does not count");
    }
}
