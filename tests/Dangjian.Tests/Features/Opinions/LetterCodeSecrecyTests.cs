using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Opinions;

/// <summary>
/// 征求意见函 reply codes against the database reader of docs/security.md §1: nothing stored lets them work out an
/// addressee's code and answer in their place; the printed link carries the code only after <c>#</c>; letters issued
/// before keyed codes keep working with their printed codes but no longer hold what recomputes them.
/// </summary>
public sealed partial class LetterCodeSecrecyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex("^[A-Za-z0-9_-]{24}$")]
    private static partial Regex CodeShape();

    /// <summary>Sends a letter through the office's form and returns its id.</summary>
    private async Task<Guid> SendAsync(HttpClient office, params string[] names)
    {
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = (await app.DemoCampaignIdAsync()).ToString(), ["Title"] = "征求意见函" + tag, ["Body"] = "特致函征求意见。", ["Questions"] = "总体评价\n意见建议",
            ["DueOn"] = app.Today.AddDays(10).ToString("yyyy-MM-dd"), ["Recipients"] = string.Join('\n', names.Select(n => n + tag + ",企业")),
        };
        var sent = await office.PostFormAsync("/Opinions/Letters", fields);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await sent.ParseAsync()).ErrorsText());
        return Guid.Parse(sent.Headers.Location!.OriginalString.Split("id=")[1]);
    }

    /// <summary>The printed letters: addressee → (code, link).</summary>
    private static async Task<Dictionary<string, (string Code, string Url)>> PrintedAsync(HttpClient office, Guid letterId)
    {
        var page = await office.GetDocumentAsync($"/Opinions/Letters/Print?id={letterId}");
        return page.QuerySelectorAll("[data-testid=letter-page]").ToDictionary(
            p => p.QuerySelector("p.fw-semibold")!.TextContent.TrimEnd('：'),
            p => (p.QuerySelector("[data-testid=reply-code]")!.TextContent.Trim(), p.QuerySelector("[data-testid=reply-link]")!.GetAttribute("href")!));
    }

    /// <summary>Opens the letter the way the QR link's script does: the code posted from the code form, never in the address.</summary>
    private static async Task<HttpResponseMessage> OpenAsync(HttpClient visitor, string code) =>
        await visitor.PostFormAsync("/Public/Letter", new Dictionary<string, string> { ["t"] = code }, "handler=Open");

    private static string OldSchemeCode(string secret, Guid recipientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret), recipientId.ToByteArray()))[..24].Replace('+', '-').Replace('/', '_');

    [DbFact]
    public async Task NothingStoredLetsAReaderWorkOutAReplyCodeAndTheLinkKeepsItOutOfTheAddress()
    {
        var office = await app.SignedInClientAsync("office");
        var letterId = await SendAsync(office, "甲公司", "乙大学", "丙研究所");
        var printed = await PrintedAsync(office, letterId);
        printed.Count.ShouldBe(3);
        foreach (var (code, url) in printed.Values)
        {
            CodeShape().IsMatch(code).ShouldBeTrue($"a code is 24 URL-safe characters (about 124 bits once case is folded): {code}");
            url.ShouldEndWith("/Public/Letter#t=" + code, customMessage: "the code travels after #, which browsers never send");
            url.ShouldNotContain("?");
        }

        // The reader's material: every column of the letter, its addressees, every stored secret, the audit log.
        var (salt, recipients, secrets, audit) = await app.WithDbAsync(async db => (
            await db.SolicitationLetters.Where(l => l.Id == letterId).Select(l => l.TokenSecret).SingleAsync(),
            await db.LetterRecipients.Where(r => r.LetterId == letterId).Select(r => new { r.Id, r.Name, r.TokenHash }).ToListAsync(),
            await db.AppSecrets.Select(s => s.ProtectedValue).ToListAsync(),
            await db.AuditEntries.Where(e => e.ObjectId == letterId.ToString() || e.ObjectType == nameof(LetterRecipient)).Select(e => (e.Summary ?? "") + (e.Before ?? "") + (e.After ?? "")).ToListAsync()));
        salt.ShouldStartWith("k:");
        var saltBody = salt[2..];
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(text => !text.Contains(saltBody, StringComparison.Ordinal), "no salt or secret goes into the audit log");
        foreach (var r in recipients)
        {
            var code = printed[r.Name].Code;
            Opinion.HashCode(code).ShouldBe(r.TokenHash, "the stored hash is of the printed code");
            audit.ShouldAllBe(text => !text.Contains(code, StringComparison.Ordinal));

            // What the reader can try: the old recipe with the stored salt (or its base64 body) as the secret, or any stored
            // (protected) secret as the key — none gives a code the letter accepts.
            var guesses = new List<string>();
            foreach (var secret in new[] { salt, salt[2..] }.Concat(secrets))
            {
                var bytes = Encoding.UTF8.GetBytes(secret);
                guesses.Add(Convert.ToBase64String(HMACSHA256.HashData(bytes, r.Id.ToByteArray()))[..24].Replace('+', '-').Replace('/', '_'));
                byte[] message = [.. Encoding.UTF8.GetBytes("letter|" + salt + "|"), .. r.Id.ToByteArray()];
                guesses.Add(Convert.ToBase64String(HMACSHA256.HashData(bytes, message))[..24].Replace('+', '-').Replace('/', '_'));
            }

            guesses.Add(OldSchemeCode(Convert.ToBase64String(Convert.FromBase64String(salt[2..])), r.Id));
            guesses.ShouldAllBe(g => Opinion.HashCode(g) != r.TokenHash, "nothing in the database recomputes a code");
        }

        // The addressee, with the code from the link's fragment (posted by the page's script) or typed in.
        var visitor = app.CreateBrowserLikeClient();
        var form = await visitor.GetDocumentAsync("/Public/Letter");
        form.QuerySelector("form[data-code-from-hash] input[name=t]").ShouldNotBeNull("the page takes the code from #t= and posts it");
        form.QuerySelector("[data-testid=letter-problem]").ShouldBeNull("no code, no complaint");
        var first = recipients.OrderBy(r => r.Name).First();
        var opened = await (await OpenAsync(visitor, printed[first.Name].Code)).ParseAsync();
        opened.Body!.TextContent.ShouldContain(first.Name);
        var replyForm = opened.QuerySelector("[data-testid=letter-form]")!;
        replyForm.GetAttribute("action").ShouldBe("/Public/Letter", "the reply goes back with the code in a hidden field, not in the address");
        replyForm.QuerySelector("input[name=t]")!.GetAttribute("value").ShouldBe(printed[first.Name].Code);
        using (var reply = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["t"] = printed[first.Name].Code.ToLowerInvariant(), ["a-0"] = "总体较好" + tag, ["a-1"] = "多到企业走访",
            ["__RequestVerificationToken"] = replyForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }))
        {
            var done = await visitor.PostAsync(new Uri("/Public/Letter", UriKind.Relative), reply);
            (await done.ParseAsync()).QuerySelector("[data-testid=letter-done]").ShouldNotBeNull("a code typed in lower case still opens the letter");
        }

        (await app.WithDbAsync(db => db.Opinions.CountAsync(o => o.LetterRecipientId == first.Id && o.Text == "总体较好" + tag))).ShouldBe(1);
        (await (await OpenAsync(visitor, printed[first.Name].Code)).ParseAsync()).QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("已经回复过");

        // Bad codes: forged, overlong, empty — refused in Chinese, nothing saved.
        var opinions = await app.WithDbAsync(db => db.Opinions.CountAsync());
        foreach (var bad in new[] { "forged", new string('A', 65), " ", OldSchemeCode(Convert.ToBase64String(Encoding.UTF8.GetBytes(salt).Take(32).ToArray()), first.Id) })
        {
            var refused = await (await OpenAsync(visitor, bad)).ParseAsync();
            refused.QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("无效");
            refused.QuerySelector("[data-testid=letter-form]").ShouldBeNull();
        }

        (await app.WithDbAsync(db => db.Opinions.CountAsync())).ShouldBe(opinions);
        (await PrintedAsync(office, letterId)).Count.ShouldBe(2, "the printout lists those not yet answered");
    }

    [DbFact]
    public async Task ALetterFromBeforeKeepsItsPrintedCodesButNoLongerHoldsTheirSecret()
    {
        // A letter as the older version made it: the secret its codes are an HMAC of, stored in the letter's row.
        var oldSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var letter = new SolicitationLetter
        {
            CampaignId = await app.DemoCampaignIdAsync(), Title = "旧函" + tag, Body = "特致函征求意见。", Questions = "意见建议", SentOn = app.Today, DueOn = app.Today.AddDays(10), TokenSecret = oldSecret,
        };
        var recipients = new[] { "旧甲" + tag, "旧乙" + tag }.Select(n => new LetterRecipient { Id = Guid.CreateVersion7(), LetterId = letter.Id, Name = n, TokenHash = "" }).ToList();
        recipients.ForEach(r => r.TokenHash = Opinion.HashCode(OldSchemeCode(oldSecret, r.Id)));
        await app.WithDbAsync(async db =>
        {
            db.SolicitationLetters.Add(letter);
            db.LetterRecipients.AddRange(recipients);
            return await db.SaveChangesAsync();
        });

        // What start-up does (LetterRekey): the secret goes; once is enough.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<LetterService>();
            (await service.RekeyAsync()).ShouldBeGreaterThanOrEqualTo(1);
            (await service.RekeyAsync()).ShouldBe(0, "once is enough");
        }

        var stored = await app.WithDbAsync(async db => (
            Salt: await db.SolicitationLetters.Where(l => l.Id == letter.Id).Select(l => l.TokenSecret).SingleAsync(),
            Audit: await db.AuditEntries.Where(e => e.ObjectId == letter.Id.ToString()).Select(e => (e.Summary ?? "") + (e.Before ?? "") + (e.After ?? "")).ToListAsync()));
        stored.Salt.ShouldStartWith("k:");
        stored.Salt.ShouldNotContain(oldSecret);
        stored.Audit.ShouldContain(text => text.Contains("回复码改由服务器密钥生成", StringComparison.Ordinal), "the re-keying is audited");
        stored.Audit.ShouldAllBe(text => !text.Contains(oldSecret, StringComparison.Ordinal), "the replaced secret does not move into the audit log");

        // The printed codes still open the letter: by the old ?t= link and by the code form.
        var visitor = app.CreateBrowserLikeClient();
        (await visitor.GetDocumentAsync($"/Public/Letter?t={OldSchemeCode(oldSecret, recipients[0].Id)}")).Body!.TextContent.ShouldContain(recipients[0].Name);
        (await (await OpenAsync(visitor, OldSchemeCode(oldSecret, recipients[1].Id))).ParseAsync()).Body!.TextContent.ShouldContain(recipients[1].Name);

        // Nobody can print them again: the print page says so, and only the office re-issues them.
        var office = await app.SignedInClientAsync("office");
        var print = await office.GetDocumentAsync($"/Opinions/Letters/Print?id={letter.Id}");
        print.QuerySelectorAll("[data-testid=letter-page]").Length.ShouldBe(0);
        print.QuerySelector("[data-testid=letter-unprintable]")!.TextContent.ShouldContain(recipients[0].Name);
        var member = await app.SignedInClientAsync("member");
        var memberToken = (await member.GetDocumentAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = memberToken }))
        {
            var forged = await member.PostAsync(new Uri($"/Opinions/Letters/Print?id={letter.Id}&handler=Reissue", UriKind.Relative), content);
            forged.IsSuccessStatusCode.ShouldBeFalse();
            (forged.Headers.Location?.OriginalString ?? "").ShouldContain("/Account/AccessDenied", customMessage: "a member is refused");
        }

        (await app.WithDbAsync(db => db.LetterRecipients.Where(r => r.LetterId == letter.Id).Select(r => r.TokenHash).ToListAsync()))
            .ShouldBe(recipients.Select(r => r.TokenHash), ignoreOrder: true, "a refused re-issue changes nothing");

        var reissued = await office.PostFormAsync($"/Opinions/Letters/Print?id={letter.Id}", new Dictionary<string, string>(), "handler=Reissue");
        reissued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var printed = await PrintedAsync(office, letter.Id);
        printed.Count.ShouldBe(2);
        (await (await OpenAsync(visitor, OldSchemeCode(oldSecret, recipients[0].Id))).ParseAsync()).QuerySelector("[data-testid=letter-problem]")!.TextContent.ShouldContain("无效", customMessage: "re-issued codes replace the earlier ones");
        (await (await OpenAsync(visitor, printed[recipients[0].Name].Code)).ParseAsync()).Body!.TextContent.ShouldContain(recipients[0].Name);
    }
}
