using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Opinions;

public sealed class ForumTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ForumsCountPerLeaderAndTheirOpinionsJoinTheList()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var office = await app.SignedInClientAsync("office");
        var rule = (await office.GetDocumentAsync("/Opinions/Forums")).QuerySelector("[data-testid=leader-rule]")!;
        rule.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("王建国")).TextContent.ShouldContain("已达到");
        rule.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("张志强")).TextContent.ShouldContain("差1次");
        var milestone = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.CampaignId == campaign && m.Title == "主要负责同志至少召开2次座谈会"));
        (milestone.DoneCount, milestone.Status).ShouldBe((2, MilestoneStatus.Done));

        var zhang = await app.WithDbAsync(db => db.People.Where(p => p.Name == "张志强").Select(p => p.Id).SingleAsync());
        var outsider = await app.WithDbAsync(db => db.People.Where(p => p.Name == "孙磊").Select(p => p.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "基层群众座谈会", ["Input.HeldOn"] = today.ToString("yyyy-MM-dd"), ["Input.HostPersonId"] = zhang.ToString(), ["Input.Groups"] = "基层群众", ["Input.Attendees"] = "15",
        };
        var url = $"/Opinions/Forums/Edit?campaignId={campaign}";
        var future = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.HeldOn"] = today.AddDays(2).ToString("yyyy-MM-dd") });
        (await future.ParseAsync()).ErrorsText().ShouldContain("不晚于今天");
        var notLeader = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.HostPersonId"] = outsider.ToString() });
        (await notLeader.ParseAsync()).ErrorsText().ShouldContain("班子成员");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Attendees"] = "0" })).ParseAsync()).ErrorsText().ShouldContain("参加人数须在1到10000之间");
        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var forum = Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);

        (await office.GetDocumentAsync("/Opinions/Forums")).QuerySelector("[data-testid=leader-rule]")!.QuerySelectorAll("tbody tr")
            .First(r => r.TextContent.Contains("张志强")).TextContent.ShouldContain("已达到");
        await office.PostFormAsync($"/Opinions/Forums/Details?id={forum}", new Dictionary<string, string> { ["text"] = "希望开通网上办事指南。", ["nature"] = "Suggestion" }, "Opinion");
        var raised = await app.WithDbAsync(db => db.Opinions.SingleAsync(o => o.ForumId == forum));
        (raised.Channel, raised.Nature).ShouldBe((Channel.Forum, Nature.Suggestion));
        (await office.GetDocumentAsync("/Opinions?channel=Forum")).QuerySelector("[data-testid=opinions]")!.TextContent.ShouldContain("网上办事指南");

        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Opinions/Forums/Details?id={forum}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the opinions raised there are listening material");
        (await member.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
