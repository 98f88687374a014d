using System.Net;
using System.Text.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Campaigns;

public sealed class CampaignPagesAndApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ApiListsCampaignsPhasesMilestonesAndTheApprovalQueue()
    {
        var member = await ClientAsync("member");
        var supervisor = await ClientAsync("supervisor");
        var id = await CampaignAsync();

        using (var list = JsonDocument.Parse(await member.GetStringAsync(new Uri("/api/v1/campaigns", UriKind.Relative))))
        {
            list.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
        }

        using (var detail = JsonDocument.Parse(await member.GetStringAsync(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative))))
        {
            detail.RootElement.GetProperty("phases").GetArrayLength().ShouldBe(3);
            detail.RootElement.GetProperty("phases")[1].GetProperty("status").GetString().ShouldBe("InProgress");
        }

        using (var milestones = JsonDocument.Parse(await member.GetStringAsync(new Uri($"/api/v1/campaigns/{id}/milestones", UriKind.Relative))))
        {
            milestones.RootElement.EnumerateArray().Count(m => m.GetProperty("overdue").GetBoolean()).ShouldBe(2);
        }

        (await member.GetAsync(new Uri("/api/v1/approvals", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetStringAsync(new Uri("/api/v1/approvals", UriKind.Relative))).ShouldContain("局党组中心组学习计划");
        (await member.GetAsync(new Uri($"/api/v1/campaigns/{Guid.CreateVersion7()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task CalendarShowsTheMonthsDeadlines()
    {
        var office = await ClientAsync("office");
        var deadline = await app.WithDbAsync(db => db.Milestones.Where(m => m.Title == "撰写对照检查材料").Select(m => m.Deadline).SingleAsync());

        var page = await office.GetDocumentAsync($"/Campaigns/Phases?month={deadline:yyyy-MM}");

        page.QuerySelector("[data-testid=entries]")!.TextContent.ShouldContain("撰写对照检查材料");
        (await office.GetDocumentAsync("/Campaigns/Phases?month=2001-01")).QuerySelector("[data-testid=empty]").ShouldNotBeNull();
    }

    [DbFact]
    public async Task EditingTheCampaignKeepsPhasesInsideItAndEndingItStopsReminders()
    {
        var office = await ClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn, c.Version }).SingleAsync());
        var shrink = await office.PostFormAsync($"/Campaigns/Edit?id={campaign.Id}", new Dictionary<string, string>
        {
            ["Title"] = campaign.Title, ["StartsOn"] = campaign.StartsOn.ToString("yyyy-MM-dd"), ["EndsOn"] = campaign.StartsOn.AddDays(30).ToString("yyyy-MM-dd"),
        });
        (await shrink.ParseAsync()).ErrorsText().ShouldContain("会落在活动期间之外");

        var milestone = await app.WithDbAsync(db => db.Milestones.Where(m => m.Title == "建章立制").Select(m => m.Id).SingleAsync());
        (await office.PostFormAsync($"/Campaigns/Milestone?id={milestone}", new Dictionary<string, string>(), action: "handler=Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Id == milestone))).ShouldBeFalse();

        await office.PostFormAsync($"/Campaigns/Edit?id={campaign.Id}", new Dictionary<string, string>(), action: "handler=End");
        (await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CampaignStatus.Ended);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunOnceAsync()).ShouldBe(0);
    }

    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());

    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
