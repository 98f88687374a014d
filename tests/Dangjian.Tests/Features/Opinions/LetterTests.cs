using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Opinions;

public sealed class LetterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task FiftyLettersThirtyNineRepliesAndRepeatsAreFlagged()
    {
        var office = await app.SignedInClientAsync("office");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var names = Enumerable.Range(1, 50).Select(i => $"科技企业{i:00},企业").ToList();
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Title"] = "征求意见函", ["Body"] = "特致函征求意见。", ["Questions"] = "总体评价\n存在的问题\n意见建议",
            ["DueOn"] = today.AddDays(5).ToString("yyyy-MM-dd"), ["Recipients"] = string.Join('\n', names),
        };
        var badCategory = await office.PostFormAsync("/Opinions/Letters", new Dictionary<string, string>(fields) { ["Recipients"] = "某单位,外星人" });
        (await badCategory.ParseAsync()).ErrorsText().ShouldContain("类别须是");
        var lettersBefore = await app.WithDbAsync(db => db.SolicitationLetters.CountAsync());
        var sent = await office.PostFormAsync("/Opinions/Letters", fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await sent.ParseAsync()).ErrorsText());
        var letterId = Guid.Parse(sent.Headers.Location!.OriginalString.Split("id=")[1]);

        var again = await office.PostFormAsync("/Opinions/Letters", new Dictionary<string, string>(fields) { ["Recipients"] = "科技企业01,企业\n新对象,高校" });
        (await again.ParseAsync()).ErrorsText().ShouldContain("一窝蜂");
        (await app.WithDbAsync(db => db.SolicitationLetters.CountAsync())).ShouldBe(lettersBefore + 1, "a repeated solicitation needs confirmation");

        List<(Guid Id, string Token)> recipients;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var letter = await db.SolicitationLetters.SingleAsync(l => l.Id == letterId);
            var addressees = await db.LetterRecipients.Where(r => r.LetterId == letterId).OrderBy(r => r.Name).ToListAsync();
            var codes = await scope.ServiceProvider.GetRequiredService<LetterService>().CodesAsync(letter, addressees);
            recipients = addressees.Select(r => (r.Id, codes[r.Id])).ToList();
        }

        recipients.Count.ShouldBe(50);
        var visitor = app.CreateBrowserLikeClient();
        var first = await visitor.GetDocumentAsync($"/Public/Letter?t={recipients[0].Token}");
        first.Body!.TextContent.ShouldContain("科技企业01");
        first.Body.TextContent.ShouldNotContain("科技企业02", customMessage: "a link opens only its own addressee's letter");
        (await visitor.GetDocumentAsync("/Public/Letter?t=forged")).QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("链接无效");
        var empty = await visitor.PostFormAsync($"/Public/Letter?t={recipients[0].Token}", new Dictionary<string, string> { ["a-0"] = " " });
        (await empty.ParseAsync()).QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("至少填写一项");
        var replied = await visitor.PostFormAsync($"/Public/Letter?t={recipients[0].Token}", new Dictionary<string, string> { ["a-0"] = "总体较好", ["a-2"] = "多到企业走访" });
        (await replied.ParseAsync()).QuerySelector("[data-testid=letter-done]").ShouldNotBeNull();
        (await visitor.GetDocumentAsync($"/Public/Letter?t={recipients[0].Token}")).QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("已经回复过");
        var opinions = await app.WithDbAsync(db => db.Opinions.Where(o => o.LetterRecipientId == recipients[0].Id).OrderBy(o => o.Note).ToListAsync());
        opinions.Select(o => o.Text).ShouldBe(["总体较好", "多到企业走访"], ignoreOrder: true);
        opinions.ShouldAllBe(o => o.Channel == Channel.SolicitationLetter);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<LetterService>();
            var letter = await db.SolicitationLetters.SingleAsync(l => l.Id == letterId);
            foreach (var (id, _) in recipients.Skip(1).Take(37))
            {
                (await service.ReplyAsync(letter, await db.LetterRecipients.SingleAsync(r => r.Id == id), ["意见"], "网上")).ShouldBeNull();
            }
        }

        await office.PostFormAsync($"/Opinions/Letters/Details?id={letterId}", new Dictionary<string, string> { ["text"] = "书面回复：建议精简会议。" }, $"recipientId={recipients[38].Id}");
        var details = await office.GetDocumentAsync($"/Opinions/Letters/Details?id={letterId}");
        var counts = details.QuerySelector("[data-testid=letter-counts]")!.TextContent;
        counts.ShouldContain("50");
        counts.ShouldContain("39");
        (await app.WithDbAsync(db => db.LetterRecipients.CountAsync(r => r.LetterId == letterId && r.ReturnedVia == "纸质"))).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromDays(6));
        try
        {
            office = await app.SignedInClientAsync("office");
            (await office.GetDocumentAsync($"/Opinions/Letters/Details?id={letterId}")).QuerySelector("[data-testid=letter-counts]")!.TextContent.ShouldContain("11");
            await office.PostFormAsync($"/Opinions/Letters/Details?id={letterId}", new Dictionary<string, string>(), "Remind");
            (await app.WithDbAsync(db => db.LetterRecipients.CountAsync(r => r.LetterId == letterId && r.RemindedAt != null))).ShouldBe(11);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-6));
        }

        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Opinions/Letters/Print?id={letterId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
