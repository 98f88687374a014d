using Dangjian.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Opinions;

public sealed class OpinionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid campaign, IDictionary<string, string> fields, TimeSpan wait)
    {
        var form = await client.GetDocumentAsync($"/Public/Opinion?c={campaign}");
        var values = new Dictionary<string, string>(fields)
        {
            ["Stamp"] = form.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        app.Clock.Advance(wait);
        try
        {
            return await client.PostAsync(new Uri($"/Public/Opinion?c={campaign}", UriKind.Relative), new FormUrlEncodedContent(values));
        }
        finally
        {
            app.Clock.Advance(-wait);
        }
    }

    [DbFact]
    public async Task TheePublicLeavesAnOpinionAnonymouslyAndReadsTheReplyByCode()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var visitor = app.CreateBrowserLikeClient();
        (await visitor.GetDocumentAsync($"/Public/Opinion?c={Guid.NewGuid()}")).QuerySelector("[data-testid=box-closed]").ShouldNotBeNull();

        var before = await app.WithDbAsync(db => db.Opinions.CountAsync());
        var tooFast = await SubmitAsync(visitor, campaign, new Dictionary<string, string> { ["Input.Text"] = "会议太多" }, TimeSpan.Zero);
        (await tooFast.ParseAsync()).ErrorsText().ShouldContain("提交过快");
        var bot = await SubmitAsync(visitor, campaign, new Dictionary<string, string> { ["Input.Text"] = "buy now", ["Website"] = "http://spam" }, TimeSpan.FromSeconds(5));
        (await bot.ParseAsync()).QuerySelector("[data-testid=box-done]").ShouldBeNull();
        var huge = await SubmitAsync(visitor, campaign, new Dictionary<string, string> { ["Input.Text"] = new string('长', 100_000) }, TimeSpan.FromSeconds(5));
        (await huge.ParseAsync()).ErrorsText().ShouldContain("不超过2000字");
        var longName = await SubmitAsync(visitor, campaign, new Dictionary<string, string> { ["Input.Text"] = "会议太多", ["Input.Name"] = new string('名', Opinion.SubmitterNameMax + 1) }, TimeSpan.FromSeconds(5));
        (await longName.ParseAsync()).ErrorsText().ShouldContain("“姓名”不能超过50个字");
        (await app.WithDbAsync(db => db.Opinions.CountAsync())).ShouldBe(before, "refused submissions store nothing");

        var script = "<script>alert('x')</script>审批环节太多";
        var done = await SubmitAsync(visitor, campaign, new Dictionary<string, string> { ["Input.Text"] = script, ["Input.Concerns"] = "计划财务科" }, TimeSpan.FromSeconds(5));
        var code = (await done.ParseAsync()).QuerySelector("[data-testid=tracking-code]")!.TextContent.Trim();
        code.Length.ShouldBe(10);
        var stored = await app.WithDbAsync(db => db.Opinions.SingleAsync(o => o.Text == script));
        (stored.Channel, stored.SubmitterName, stored.SubmitterContact).ShouldBe((Channel.PublicBox, null, null));
        stored.TrackingHash.ShouldNotBe(code, "only a hash of the code is kept");

        (await visitor.GetDocumentAsync($"/Public/Reply?code={code.ToLowerInvariant()}")).QuerySelector("[data-testid=no-reply]").ShouldNotBeNull();
        (await visitor.GetDocumentAsync("/Public/Reply?code=ZZZZZZZZZZ")).QuerySelector("[data-testid=reply-not-found]").ShouldNotBeNull();

        var office = await app.SignedInClientAsync("office");
        var list = await office.GetDocumentAsync("/Opinions");
        list.QuerySelector("[data-testid=opinions]")!.InnerHtml.ShouldContain("&lt;script&gt;", customMessage: "script is shown as text");
        var saved = await office.PostFormAsync($"/Opinions/Edit?id={stored.Id}", new Dictionary<string, string>
        {
            ["Input.Text"] = "被改写的原文", ["Input.Nature"] = "Criticism", ["Input.Topic"] = "Bureaucratism", ["Input.Reply"] = "已责成计划财务科精简审批环节。", ["Input.Version"] = stored.Version.ToString(),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await saved.ParseAsync()).ErrorsText());
        var after = await app.WithDbAsync(db => db.Opinions.SingleAsync(o => o.Id == stored.Id));
        after.Text.ShouldBe(script, "原汁原味: the original text never changes");
        (after.Nature, after.Topic).ShouldBe((Nature.Criticism, Topic.Bureaucratism));
        (await visitor.GetDocumentAsync($"/Public/Reply?code={code}")).QuerySelector("[data-testid=reply-text]")!.TextContent.ShouldContain("精简审批环节");

        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Opinions/Edit?id={stored.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [DbFact]
    public async Task TheOfficeRecordsALetterAndTheCountsAndExportFollow()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var empty = await office.PostFormAsync("/Opinions/Edit", new Dictionary<string, string> { ["CampaignId"] = campaign.ToString(), ["Channel"] = "Letter", ["Text"] = "" });
        (await empty.ParseAsync()).ErrorsText().ShouldContain("照原文录入");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var future = await office.PostFormAsync("/Opinions/Edit", new Dictionary<string, string> { ["CampaignId"] = campaign.ToString(), ["Channel"] = "Letter", ["Text"] = "x", ["ReceivedOn"] = today.AddDays(3).ToString("yyyy-MM-dd") });
        (await future.ParseAsync()).ErrorsText().ShouldContain("不能晚于今天");
        var made = await office.PostFormAsync("/Opinions/Edit", new Dictionary<string, string>
        {
            ["Input.CampaignId"] = campaign.ToString(), ["Input.Channel"] = "Letter", ["Input.Text"] = "希望科技局多到企业走访。", ["Input.ReceivedOn"] = today.ToString("yyyy-MM-dd"), ["Input.Nature"] = "Suggestion",
        });
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var counts = (await office.GetDocumentAsync("/Opinions")).QuerySelector("[data-testid=opinion-counts]")!.TextContent;
        counts.ShouldContain("来信");
        counts.ShouldContain("建议");
        var export = await office.GetAsync(new Uri("/Opinions?handler=Export", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType!.ShouldContain("spreadsheetml");
        (await office.GetDocumentAsync("/Opinions/Box")).QuerySelector("[data-testid=box-link]")!.GetAttribute("href")!.ShouldContain($"/Public/Opinion?c={campaign}");
    }

    [DbFact]
    public async Task TheApiGivesTheCountsOnlyToThoseWhoseScopeCoversTheCampaign()
    {
        var office = await app.SignedInClientAsync("office");
        var counts = await office.GetFromJsonAsync<OpinionsApi.CountsDto>("/api/v1/opinions/counts");
        counts!.ByNature["肯定"].ShouldBe(10);
        counts.ByNature["建议"].ShouldBe(8);
        var letters = await office.GetFromJsonAsync<List<OpinionsApi.LetterDto>>("/api/v1/letters");
        letters!.ShouldContain(l => l.Sent == 50 && l.Returned == 39);
        (await office.GetFromJsonAsync<List<OpinionsApi.ForumDto>>("/api/v1/forums"))!.Count.ShouldBe(3);
        (await office.GetFromJsonAsync<Paged<OpinionsApi.OpinionDto>>("/api/v1/opinions?channel=PublicBox"))!.Items.ShouldAllBe(o => o.Channel == "PublicBox");
        (await office.GetAsync(new Uri("/api/v1/opinions?channel=Nonsense", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var member = await app.SignedInClientAsync("member");
        (await member.GetFromJsonAsync<OpinionsApi.CountsDto>("/api/v1/opinions/counts"))!.Total.ShouldBe(0, "opinions stay with the office that runs the campaign");
    }
}
