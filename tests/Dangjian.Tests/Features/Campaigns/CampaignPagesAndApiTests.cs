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
        var member = await app.SignedInClientAsync("member");
        var supervisor = await app.SignedInClientAsync("supervisor");
        var id = await CampaignAsync();

        using (var list = JsonDocument.Parse(await member.GetStringAsync(new Uri("/api/v1/campaigns", UriKind.Relative))))
        {
            list.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
        }

        using (var detail = JsonDocument.Parse(await member.GetStringAsync(new Uri($"/api/v1/campaigns/{id}", UriKind.Relative))))
        {
            detail.RootElement.GetProperty("phases").GetArrayLength().ShouldBe(3);
            detail.RootElement.GetProperty("phases")[1].GetProperty("status").GetString().ShouldBe("Completed");
            detail.RootElement.GetProperty("phases")[2].GetProperty("status").GetString().ShouldBe("InProgress");
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
        var office = await app.SignedInClientAsync("office");
        var deadline = await app.WithDbAsync(db => db.Milestones.Where(m => m.Title == "撰写对照检查材料").Select(m => m.Deadline).SingleAsync());

        var page = await office.GetDocumentAsync($"/Campaigns/Phases?month={deadline:yyyy-MM}");

        page.QuerySelector("[data-testid=entries]")!.TextContent.ShouldContain("撰写对照检查材料");
        (await office.GetDocumentAsync("/Campaigns/Phases?month=2001-01")).QuerySelector("[data-testid=empty]").ShouldNotBeNull();
    }

    [DbFact]
    public async Task EditingTheCampaignKeepsPhasesInsideItAndEndingItStopsReminders()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn, c.Version }).SingleAsync());
        var shrink = await office.PostFormAsync($"/Campaigns/Edit?id={campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = campaign.Title, ["Input.StartsOn"] = campaign.StartsOn.ToString("yyyy-MM-dd"), ["Input.EndsOn"] = campaign.StartsOn.AddDays(30).ToString("yyyy-MM-dd"),
        });
        (await shrink.ParseAsync()).ErrorsText().ShouldContain("会落在活动期间之外");

        var milestone = await app.WithDbAsync(db => db.Milestones.Where(m => m.Title == "建章立制").Select(m => m.Id).SingleAsync());
        (await office.PostFormAsync($"/Campaigns/Milestone?id={milestone}", new Dictionary<string, string>(), action: "handler=Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Id == milestone))).ShouldBeFalse();

        await office.PostFormAsync($"/Campaigns/Edit?id={campaign.Id}", new Dictionary<string, string>(), action: "handler=End");
        (await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).Select(c => c.Status).SingleAsync())).ShouldBe(CampaignStatus.Ended);
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ReminderRunner>();
        await runner.RunOnceAsync();
        var keys = await app.WithDbAsync(db => db.ReminderLogs.Select(r => r.Key).ToListAsync());
        var ended = await app.WithDbAsync(db => db.Milestones.Where(m => m.CampaignId == campaign.Id).Select(m => m.Id.ToString("N")).ToListAsync());
        keys.ShouldNotContain(k => ended.Any(id => k.Contains(id, StringComparison.Ordinal)), "an ended campaign sends no reminders");
    }

    [DbFact]
    public async Task ACampaignSavedAsATemplateLaysOutTheSameShapeAgain()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync());
        (await office.PostFormAsync($"/Campaigns/Details?id={id}", new Dictionary<string, string> { ["name"] = "本局群众路线模板" }, action: "handler=SaveTemplate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var create = await office.GetDocumentAsync("/Campaigns/Create");
        var key = create.QuerySelectorAll("input[name='Input.TemplateKey']").Select(i => i.GetAttribute("value")!).Single(v => v.StartsWith("saved:", StringComparison.Ordinal));
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var made = await office.PostFormAsync("/Campaigns/Create", new Dictionary<string, string>
        {
            ["Input.TemplateKey"] = key, ["Input.Title"] = "按保存的模板新建", ["Input.ScopeUnitId"] = bureau.ToString(), ["Input.StartsOn"] = "2027-03-01",
        });

        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var copy = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "按保存的模板新建").Select(c => c.Id).SingleAsync());
        var original = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == id).OrderBy(p => p.Order).Select(p => p.Name).ToListAsync());
        (await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == copy).OrderBy(p => p.Order).Select(p => p.Name).ToListAsync())).ShouldBe(original);
        (await app.WithDbAsync(db => db.Milestones.CountAsync(m => m.CampaignId == copy))).ShouldBe(await app.WithDbAsync(db => db.Milestones.CountAsync(m => m.CampaignId == id)));
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri("/Campaigns/Create", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.Where(c => c.Title == "市科技局党的群众路线教育实践活动").Select(c => c.Id).SingleAsync());

}
