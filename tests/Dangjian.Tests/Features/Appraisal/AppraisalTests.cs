using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Appraisal;

public sealed class AppraisalTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Guid> CreateAsync(HttpClient office, string title, int extraSlips, int paper, bool bureau)
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Input.Title"] = title, ["Input.Targets"] = "局领导班子\n王建国\n李红梅",
            ["Input.OpensOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"), ["Input.OpensTime"] = "00:00", ["Input.ClosesOn"] = today.AddDays(2).ToString("yyyy-MM-dd"), ["Input.ClosesTime"] = "18:00",
            ["Input.ExtraSlips"] = extraSlips.ToString(), ["Input.PaperIssued"] = paper.ToString(),
        };
        if (bureau)
        {
            fields["Input.UnitIds"] = unit.ToString();
        }

        var made = await office.PostFormAsync("/Appraisal/Edit", fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        return Guid.Parse(made.Headers.Location!.OriginalString.Split("id=")[1]);
    }

    private async Task<List<string>> SlipTokensAsync(Guid appraisal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var a = await db.Appraisals.SingleAsync(x => x.Id == appraisal);
        var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
        var codes = new List<string>();
        foreach (var id in await db.AppraisalVoters.Where(v => v.AppraisalId == appraisal && v.PersonId == null).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync())
        {
            codes.Add(await service.TokenForAsync(a, id));
        }

        return codes;
    }

    [DbFact]
    public async Task AMemberVotesOnceAnonymouslyAndNobodySeesResultsBeforeTheClose()
    {
        var office = await app.SignedInClientAsync("office");
        var bad = await office.PostFormAsync("/Appraisal/Edit", new Dictionary<string, string> { ["Input.Title"] = "x", ["Input.Targets"] = "", ["Input.ExtraSlips"] = "5001" });
        (await bad.ParseAsync()).ErrorsText().ShouldContain("测评对象");
        (await bad.ParseAsync()).ErrorsText().ShouldContain("投票码数量须在0到5000之间");
        var id = await CreateAsync(office, "班子民主测评", 0, 2, bureau: true);
        var people = await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnit!.Code.StartsWith("KJJ") && !p.IsRetired));
        (await app.WithDbAsync(db => db.AppraisalVoters.CountAsync(v => v.AppraisalId == id))).ShouldBe(people);
        (await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0, "no empty slots: online ballots exist only once cast");

        // The notification leads through sign-in to 我的测评票, which hands the code to the anonymous ballot in a form field.
        var memberUser = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member").Select(u => u.Id).SingleAsync());
        var notice = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == memberUser && n.Title.Contains("班子民主测评")).Select(n => n.Url!).SingleAsync());
        notice.ShouldBe($"/Appraisal/Vote?id={id}");
        var member = await app.SignedInClientAsync("member");
        (await member.GetDocumentAsync("/")).QuerySelector($"a[href='{notice}']").ShouldNotBeNull("the home page's to-do leads to the same place");
        var opener = (await member.GetDocumentAsync(notice)).QuerySelector("[data-testid=open-ballot]")!;
        var token = opener.QuerySelector("input[name=t]")!.GetAttribute("value")!;
        var opened = await member.PostFormAsync(notice, new Dictionary<string, string> { ["t"] = token }, "handler=Open");
        (await opened.ParseAsync()).QuerySelector("[data-testid=ballot] input[name=t]")!.GetAttribute("value").ShouldBe(token);
        var observer = await app.SignedInClientAsync("observer");
        (await observer.GetAsync(new Uri(notice, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only a voter of this appraisal gets a code");

        var link = $"/Public/Ballot?t={token}";
        var anonymous = app.CreateBrowserLikeClient();
        (await anonymous.GetDocumentAsync("/Public/Ballot")).QuerySelector("[data-testid=enter-code]").ShouldNotBeNull("without a code the page asks for one");
        (await anonymous.GetDocumentAsync(link)).QuerySelector("[data-testid=ballot]").ShouldNotBeNull();
        var forged = await anonymous.PostFormAsync("/Public/Ballot", new Dictionary<string, string> { ["t"] = "forged" });
        var forgedPage = await forged.ParseAsync();
        forgedPage.QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("投票码无效");
        forgedPage.QuerySelector("[data-testid=enter-code]").ShouldNotBeNull("an unknown code can be typed again");

        var page2 = await anonymous.GetDocumentAsync(link);
        page2.QuerySelector("[data-testid=ballot]").ShouldNotBeNull(page2.Body!.TextContent);
        var missing = await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good" });
        (await missing.ParseAsync()).QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("请对“王建国”作出评价");
        var unknown = await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good", ["g-2"] = "Good", ["g-3"] = "Good", ["g-9"] = "Poor" });
        (await unknown.ParseAsync()).QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("不符");
        var script = "<script>alert(1)</script>";
        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0, "refused ballots store nothing");

        var cast = await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good", ["g-2"] = "FairlyGood", ["g-3"] = "Good", ["Comment"] = script });
        (await cast.ParseAsync()).QuerySelector("[data-testid=ballot-done]").ShouldNotBeNull();
        (await anonymous.GetDocumentAsync(link)).QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("已经投过票");
        (await member.GetDocumentAsync(notice)).QuerySelector("[data-testid=vote-problem]")!.TextContent.ShouldContain("已经投过票");
        var antiforgery = page2.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var again = await anonymous.PostAsync(new Uri("/Public/Ballot", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Poor", ["g-2"] = "Poor", ["g-3"] = "Poor", ["__RequestVerificationToken"] = antiforgery }));
        (await again.ParseAsync()).QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("已经投过票");
        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(1);
        (await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0, "nothing in the clear before the close");

        var details = await office.GetDocumentAsync($"/Appraisal/Details?id={id}");
        details.QuerySelector("[data-testid=hidden-results]").ShouldNotBeNull();
        details.QuerySelector("[data-testid=tally]").ShouldBeNull("results stay hidden until the close, for the office too");
        details.QuerySelector("[data-testid=turnout]")!.TextContent.ShouldContain((people + 2).ToString());
        (await office.GetAsync(new Uri($"/Appraisal/Details?id={id}&handler=Export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Paper ballots: no more than were handed out.
        for (var i = 0; i < 2; i++)
        {
            await office.PostFormAsync($"/Appraisal/Details?id={id}", new Dictionary<string, string> { ["g-1"] = "Average", ["g-2"] = "Good", ["g-3"] = "Good" }, "Paper");
        }

        (await office.GetDocumentAsync($"/Appraisal/Details?id={id}")).QuerySelector("[data-testid=enter-paper]").ShouldBeNull("all paper forms are in");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var extra = await scope.ServiceProvider.GetRequiredService<AppraisalService>().EnterPaperAsync(await db.Appraisals.SingleAsync(a => a.Id == id), new Dictionary<int, string?> { [1] = "Poor", [2] = "Poor", [3] = "Poor" }, null);
            extra.ShouldNotBeNull().ShouldContain("已达发出数量");
        }

        (await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.AppraisalId == id && b.Paper))).ShouldBe(2);

        var close = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Id == id).Select(a => a.ClosesAt).SingleAsync()) - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        app.Clock.Advance(close);
        try
        {
            office = await app.SignedInClientAsync("office");
            var result = await office.GetDocumentAsync($"/Appraisal/Details?id={id}");
            var tally = result.QuerySelector("[data-testid=tally]")!;
            var team = tally.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("局领导班子"));
            team.TextContent.ShouldContain("33.3%", customMessage: "1 好 of 3 ballots (2 paper 一般)");
            result.QuerySelector("[data-testid=comments]")!.InnerHtml.ShouldContain("&lt;script&gt;", customMessage: "script in a comment is shown as text");
            (await office.GetAsync(new Uri($"/Appraisal/Details?id={id}&handler=Export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await anonymous.GetDocumentAsync(link)).QuerySelector("[data-testid=ballot-problem]")!.TextContent.ShouldContain("已经投过票");
            (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0, "the close opened every envelope");
            (await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.AppraisalId == id && !b.Paper))).ShouldBe(1);
        }
        finally
        {
            app.Clock.Advance(-close);
        }
    }

    [DbFact]
    public async Task BallotsCannotBeJoinedBackToVoters()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await CreateAsync(office, "匿名性检验", 5, 0, bureau: false);
        var tokens = await SlipTokensAsync(id);
        var anonymous = app.CreateBrowserLikeClient();
        foreach (var token in tokens.Take(3))
        {
            await anonymous.PostFormAsync($"/Public/Ballot?t={token}", new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good", ["g-2"] = "Good", ["g-3"] = "Average" });
        }

        var sealedColumns = (await app.WithDbAsync(SchemaInspector.DescribeAsync)).Where(l => l.StartsWith("column SealedBallots.", StringComparison.Ordinal)).Select(l => l.Split(' ')[1].Split('.')[1]).Order().ToList();
        sealedColumns.ShouldBe(["AppraisalId", "Envelope", "Id"], "a sealed ballot has no voter, token, person, user or time column");
        var envelopes = await app.WithDbAsync(db => db.SealedBallots.Where(b => b.AppraisalId == id).ToListAsync());
        envelopes.Count.ShouldBe(3);
        envelopes.ShouldAllBe(b => b.Id.Version == 4 && b.Envelope.Length == BallotSeal.EnvelopeBytes);
        await app.CloseAppraisalAsync(id);

        var schema = await app.WithDbAsync(SchemaInspector.DescribeAsync);
        var columns = schema.Where(l => l.StartsWith("column AppraisalBallots.", StringComparison.Ordinal)).Select(l => l.Split(' ')[1].Split('.')[1]).Order().ToList();
        columns.ShouldBe(["AppraisalId", "Comment", "Filled", "Grades", "Id", "Paper"], "no voter, token, person, user or time column");
        schema.Where(l => l.StartsWith("fk AppraisalBallots.", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains("-> Appraisals."));

        var ballots = await app.WithDbAsync(db => db.AppraisalBallots.Where(b => b.AppraisalId == id).ToListAsync());
        ballots.Count.ShouldBe(3);
        ballots.ShouldAllBe(b => b.Id.Version == 4, "random ids, not time-ordered ones");
        ballots.ShouldAllBe(b => b.Filled && b.Grades == "1:1,2:1,3:3");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == nameof(AppraisalBallot) || (e.ObjectType == nameof(Dangjian.Web.Features.Appraisals.Appraisal) && (e.Action == "vote" || e.Action == "unseal"))).ToListAsync());
        audit.ShouldNotContain(e => e.ObjectType == nameof(AppraisalBallot), "a ballot never appears in the audit log");
        audit.Count(e => e.Action == "vote" && e.ObjectId == id.ToString()).ShouldBe(3);
        audit.Count(e => e.Action == "unseal" && e.ObjectId == id.ToString()).ShouldBe(1, "other tests of the class close their own appraisals");
        audit.Where(e => e.Action == "vote").ShouldAllBe(e => e.After == null && e.Before == null);
        foreach (var b in ballots)
        {
            audit.ShouldNotContain(e => (e.Summary ?? "").Contains(b.Id.ToString()) || (e.ObjectId ?? "").Contains(b.Id.ToString()));
        }

        var voters = await app.WithDbAsync(db => db.AppraisalVoters.Where(v => v.AppraisalId == id).ToListAsync());
        voters.Count(v => v.Used).ShouldBe(3);
        voters.ShouldAllBe(v => v.UpdatedAt == v.CreatedAt, "using a token leaves no time on the voting right");
    }

    [DbFact]
    public async Task EveryVotingCodeCastsOneBallotUpToTheLastAndTheCloseOpensThemAll()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await CreateAsync(office, "逐张投票检验", 8, 0, bureau: false);
        var tokens = await SlipTokensAsync(id);
        tokens.Count.ShouldBe(8);
        var slips = await office.GetDocumentAsync($"/Appraisal/Slips?id={id}");
        slips.QuerySelectorAll("[data-testid=slip-code]").Select(c => c.TextContent.Trim()).Order().ShouldBe(tokens.Order(), "each slip prints its code for typing");
        slips.Body!.InnerHtml.ShouldNotContain("?t=", Case.Sensitive, "no code in a URL");
        var anonymous = app.CreateBrowserLikeClient();
        foreach (var token in tokens)
        {
            var done = await anonymous.PostFormAsync("/Public/Ballot", new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good", ["g-2"] = "Poor", ["g-3"] = "Average" }, "/Public/Ballot?handler=Open");
            (await done.ParseAsync()).QuerySelector("[data-testid=ballot]").ShouldNotBeNull("the code form opens the ballot");
            var cast = await anonymous.PostFormAsync($"/Public/Ballot?t={token}", new Dictionary<string, string> { ["t"] = token, ["g-1"] = "Good", ["g-2"] = "Poor", ["g-3"] = "Average" });
            (await cast.ParseAsync()).QuerySelector("[data-testid=ballot-done]").ShouldNotBeNull("every code casts a ballot");
        }

        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(8);
        await app.CloseAppraisalAsync(id);
        var ballots = await app.WithDbAsync(db => db.AppraisalBallots.Where(b => b.AppraisalId == id).ToListAsync());
        ballots.Count.ShouldBe(8);
        ballots.ShouldAllBe(b => b.Filled && b.Grades == "1:1,2:4,3:3" && !b.Paper);
    }

    [DbFact]
    public async Task TheDemoMobilizationAppraisalShowsEightyOutEightyBackAllGood()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Title.StartsWith("动员大会")).Select(a => a.Id).SingleAsync());
        var page = await office.GetDocumentAsync($"/Appraisal/Details?id={id}");
        page.QuerySelector("[data-testid=tally]")!.TextContent.ShouldContain("100.0%");
        page.QuerySelector("[data-testid=turnout]")!.TextContent.ShouldContain("80");
        page.Body!.TextContent.ShouldContain("发出80份，收回80份");
        var member = await app.SignedInClientAsync("member");
        (await member.GetDocumentAsync("/")).Body!.TextContent.ShouldContain("中层干部民主测评");

        var closed = await member.GetFromJsonAsync<AppraisalsApi.DetailDto>($"/api/v1/appraisals/{id}");
        closed!.Result!.Targets.ShouldAllBe(t => t.GoodShare == 100);
        (closed.Result.Issued, closed.Result.Returned).ShouldBe((80, 80));
        var open = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Title == "中层干部民主测评").Select(a => a.Id).SingleAsync());
        (await member.GetFromJsonAsync<AppraisalsApi.DetailDto>($"/api/v1/appraisals/{open}"))!.Result.ShouldBeNull("no results while it is open");
        (await app.CreateClient().GetAsync(new Uri($"/api/v1/appraisals/{open}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [DbFact]
    public async Task TheOfficeClosesARunningAppraisalEarlyAndItsTallyCountsAtOnce()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await CreateAsync(office, "纸质测评补录", 0, 3, bureau: false);
        var url = $"/Appraisal/Details?id={id}";
        foreach (var grade in new[] { "Good", "Good", "FairlyGood" })
        {
            (await office.PostHandlerAsync(url, "Paper", new Dictionary<string, string> { ["g-1"] = grade, ["g-2"] = grade, ["g-3"] = grade })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var denied = await (await app.SignedInClientAsync("member")).PostHandlerAsync(url, "Close");
        denied.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied", Case.Sensitive, "only the office ends an appraisal");
        (await office.GetDocumentAsync(url)).QuerySelector("[data-testid=close-early]").ShouldNotBeNull();
        (await office.PostHandlerAsync(url, "Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await office.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("已结束");
        page.QuerySelector("[data-testid=close-early]").ShouldBeNull();
        page.Body!.TextContent.ShouldContain("发出3份，收回3份");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "close-early" && a.ObjectId == id.ToString()))).ShouldBeTrue();
        await office.PostHandlerAsync(url, "Close");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "close-early" && a.ObjectId == id.ToString()))).ShouldBe(1, "a closed appraisal is not closed twice");
    }

    [DbFact]
    public async Task EightyBallotsGiveTheSeedsTally()
    {
        var office = await app.SignedInClientAsync("office");
        var id = await CreateAsync(office, "八十票测评", 80, 0, bureau: false);
        var tokens = await SlipTokensAsync(id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var grade = i < 60 ? "Good" : "FairlyGood";
                (await service.VoteAsync(tokens[i], new Dictionary<int, string?> { [1] = grade, [2] = grade, [3] = "Good" }, null)).ShouldBeNull();
            }
        }

        var closes = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Id == id).Select(a => a.ClosesAt).SingleAsync()) - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        app.Clock.Advance(closes);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tally = (await scope.ServiceProvider.GetRequiredService<AppraisalService>().TallyAsync(await db.Appraisals.SingleAsync(a => a.Id == id)))!;
            (tally.Issued, tally.Returned, tally.Valid).ShouldBe((80, 80, 80));
            tally.Turnout.ShouldBe(100);
            tally.Targets.ShouldAllBe(t => t.GoodShare == 100);
            tally.Targets[0].Counts[Grade.Good].ShouldBe(60);
        }
        finally
        {
            app.Clock.Advance(-closes);
        }
    }
}

/// <summary>A fixture with a tiny public rate limit.</summary>
public sealed class TightRateLimitAppFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PublicPerMinute"] = "3" };
}

public sealed class PublicRateLimitTests(TightRateLimitAppFactory app) : IClassFixture<TightRateLimitAppFactory>
{
    [DbFact]
    public async Task PublicPagesAreRateLimited()
    {
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(new Uri("/Public/Ballot?t=x", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await client.GetAsync(new Uri("/Public/Ballot?t=x", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("操作过于频繁");
    }
}
