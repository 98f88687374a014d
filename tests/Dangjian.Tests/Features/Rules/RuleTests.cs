using Dangjian.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Rules;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Rules;

/// <summary>The demo registry after its review round, the handbook, the API and who may see and keep rules.</summary>
public sealed class RuleRegistryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheDemoRegistryCarriesItsReviewRoundAndHistory()
    {
        var member = await app.SignedInClientAsync("member");
        var index = await member.GetDocumentAsync("/Rules");
        index.QuerySelector(".dj-page-title")!.TextContent.ShouldContain("现行8项，修订中0项，已废止2项");
        index.QuerySelector("a[href='/Rules/Edit']").ShouldBeNull("members read the registry but do not keep it");
        (await member.GetAsync(new Uri("/Rules/Edit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");

        var revised = await app.WithDbAsync(db => db.Rules.SingleAsync(r => r.Title == "市科技局公务接待管理办法（2026年修订）"));
        var details = await member.GetDocumentAsync($"/Rules/Details?id={revised.Id}");
        var history = details.QuerySelector("[data-testid=history]")!.TextContent;
        history.ShouldContain("替代了：市科技局机关公务接待管理规定");
        history.ShouldContain("来源整改事项：严格执行公务接待标准");
        var old = await member.GetDocumentAsync($"/Rules/Details?id={revised.ReplacesId}");
        old.QuerySelector("[data-testid=rule-status]")!.TextContent.ShouldBe("已废止");
        old.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("修订 — 接待标准");

        var review = await app.WithDbAsync(db => db.RuleReviews.SingleAsync());
        var reviewPage = await member.GetDocumentAsync($"/Rules/Review?id={review.Id}");
        reviewPage.QuerySelectorAll("[data-testid=decisions] > li").Length.ShouldBe(7);
        reviewPage.QuerySelector("[data-testid=decisions]")!.TextContent.ShouldContain("公务用车制度改革");

        var api = await member.GetFromJsonAsync<Paged<RulesApi.RuleDto>>("/api/v1/rules?status=Current&pageSize=100");
        api!.Total.ShouldBe(8);
        api.Items.ShouldContain(r => r.Title == "市科技局会议计划管理办法" && r.RectificationItemId != null);
        (await member.GetAsync(new Uri($"/api/v1/rules/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignedInClientAsync("observer")).GetAsync(new Uri("/api/v1/rules", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [DbFact]
    public async Task TheHandbookIsOneWordDocumentWithContents()
    {
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync("/Rules/Handbook");
        var contents = page.QuerySelector("[data-testid=contents]")!.TextContent;
        contents.ShouldContain("局党组理论学习中心组学习制度");
        contents.ShouldNotContain("市科技局公务用车管理规定", Case.Sensitive, "abolished rules stay out of the handbook");

        var response = await office.GetAsync(new Uri("/Rules/Handbook?handler=Download", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var xml = word.MainDocumentPart!.Document.Body!.InnerText;
        xml.ShouldContain("市科技局制度汇编");
        xml.ShouldContain("共收录现行制度8项");
        xml.ShouldContain("目  录");
        word.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Single().Text.ShouldContain("TOC");
        xml.ShouldNotContain("公务用车管理规定");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(Rule) && a.Action == "export"))).ShouldBeTrue();
    }
}

/// <summary>Registering, revising, abolishing and a review round, with every bad input refused (changes the registry, so kept apart).</summary>
public sealed class RuleKeepingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheOfficeRegistersRevisesAndReviewsRules()
    {
        var office = await app.SignedInClientAsync("office");
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.OrgUnitId"] = bureau.ToString(), ["Input.Number"] = "科办〔2026〕30号", ["Input.Title"] = "市科技局督查督办工作办法", ["Input.Category"] = "作风建设",
            ["Input.Issuer"] = "市科技局办公室", ["Input.IssuedOn"] = app.Today.ToString("yyyy-MM-dd"), ["Input.EffectiveOn"] = app.Today.ToString("yyyy-MM-dd"), ["Input.Text"] = "第一条 重点工作实行台账管理。",
        };
        var before = await app.WithDbAsync(db => db.Rules.CountAsync());
        foreach (var (field, value, error) in new (string, string, string)[]
        {
            ("Input.Title", "", "制度名称"),
            ("Input.Category", "", "类别"),
            ("Input.IssuedOn", app.Today.AddDays(1).ToString("yyyy-MM-dd"), "不能晚于今天"),
            ("Input.EffectiveOn", app.Today.AddDays(-1).ToString("yyyy-MM-dd"), "施行日期不能早于印发日期"),
            ("Input.OrgUnitId", Guid.NewGuid().ToString(), "所属单位"),
            ("Input.Text", new string('条', Rule.TextMax + 1), "10万字"),
            ("Input.Issuer", new string('办', Rule.IssuerMax + 1), "发文单位（不超过100字）"),
        })
        {
            var bad = await office.PostFormAsync("/Rules/Edit", new Dictionary<string, string>(fields) { [field] = value });
            bad.StatusCode.ShouldBe(HttpStatusCode.OK, field);
            (await bad.ParseAsync()).ErrorsText().ShouldContain(error, Case.Sensitive, field);
        }

        (await app.WithDbAsync(db => db.Rules.CountAsync())).ShouldBe(before, "nothing half-saved");
        var made = await office.PostFormAsync("/Rules/Edit", fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var rule = await app.WithDbAsync(db => db.Rules.SingleAsync(r => r.Title == "市科技局督查督办工作办法"));

        // A rule replaced by itself, and a second revision of an already revised rule, are refused.
        var self = await office.PostFormAsync($"/Rules/Edit?id={rule.Id}", new Dictionary<string, string>(fields) { ["ReplacesId"] = rule.Id.ToString(), ["Input.Version"] = rule.Version.ToString() });
        (await self.ParseAsync()).ErrorsText().ShouldContain("不能替代它自己");
        var oldReception = await app.WithDbAsync(db => db.Rules.Where(r => r.Title == "市科技局机关公务接待管理规定").Select(r => r.Id).SingleAsync());
        var twice = await office.PostFormAsync($"/Rules/Edit?id={rule.Id}", new Dictionary<string, string>(fields) { ["ReplacesId"] = oldReception.ToString(), ["Input.Version"] = rule.Version.ToString() });
        (await twice.ParseAsync()).ErrorsText().ShouldContain("已废止");

        // Revising: the new version replaces the old, which is abolished on the day the new one takes effect.
        var revision = await office.PostFormAsync($"/Rules/Edit?replacesId={rule.Id}", new Dictionary<string, string>(fields) { ["Input.Title"] = "市科技局督查督办工作办法（修订）", ["ReplacesId"] = rule.Id.ToString() });
        revision.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await revision.ParseAsync()).ErrorsText());
        var old = await app.WithDbAsync(db => db.Rules.SingleAsync(r => r.Id == rule.Id));
        (old.Status, old.AbolishedOn).ShouldBe((RuleStatus.Abolished, app.Today));
        var newer = await app.WithDbAsync(db => db.Rules.SingleAsync(r => r.ReplacesId == rule.Id));
        var again = await office.PostFormAsync($"/Rules/Edit?replacesId={newer.Id}", new Dictionary<string, string>(fields) { ["Input.Title"] = "第三版", ["ReplacesId"] = rule.Id.ToString() });
        (await again.ParseAsync()).ErrorsText().ShouldContain("已废止", Case.Sensitive, "only the newest version may be revised");

        // Abolishing needs a reason.
        (await office.PostFormAsync($"/Rules/Details?id={newer.Id}", new Dictionary<string, string> { ["reason"] = " " }, "handler=Abolish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Rules.Where(r => r.Id == newer.Id).Select(r => r.Status).SingleAsync())).ShouldBe(RuleStatus.Current);

        // A review round: it cannot close before every current rule has a decision; closing applies them.
        var start = await office.PostFormAsync("/Rules/Reviews", new Dictionary<string, string> { ["Title"] = "专项制度清理", ["OrgUnitId"] = bureau.ToString() });
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await start.ParseAsync()).ErrorsText());
        var reviewUrl = start.Headers.Location!.OriginalString;
        var second = await office.PostFormAsync("/Rules/Reviews", new Dictionary<string, string> { ["Title"] = "又一轮", ["OrgUnitId"] = bureau.ToString() });
        (await second.ParseAsync()).ErrorsText().ShouldContain("没有结束");
        var current = await app.WithDbAsync(db => db.Rules.Where(r => r.OrgUnitId == bureau && r.Status == RuleStatus.Current).Select(r => new { r.Id, r.Title }).ToListAsync());
        (await office.PostHandlerAsync(reviewUrl, "Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.RuleReviews.Where(r => r.Title == "专项制度清理").Select(r => r.ClosedOn).SingleAsync())).ShouldBeNull("undecided rules keep the round open");
        var noReason = await office.PostHandlerAsync(reviewUrl + $"&ruleId={current[0].Id}", "Decide", new Dictionary<string, string> { ["decision"] = "Keep", ["reason"] = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.RuleReviewDecisions.CountAsync(d => d.RuleId == current[0].Id && d.Reason == ""))).ShouldBe(0);
        foreach (var r in current)
        {
            var decision = r.Id == newer.Id ? "Abolish" : r.Title == "市科技局财务报销管理办法" ? "Revise" : "Keep";
            (await office.PostHandlerAsync(reviewUrl + $"&ruleId={r.Id}", "Decide", new Dictionary<string, string> { ["decision"] = decision, ["reason"] = "经研究决定。" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await office.PostHandlerAsync(reviewUrl + $"&ruleId={Guid.NewGuid()}", "Decide", new Dictionary<string, string> { ["decision"] = "Keep", ["reason"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PostHandlerAsync(reviewUrl, "Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Rules.Where(r => r.Id == newer.Id).Select(r => r.Status).SingleAsync())).ShouldBe(RuleStatus.Abolished);
        (await app.WithDbAsync(db => db.Rules.Where(r => r.Title == "市科技局财务报销管理办法").Select(r => r.Status).SingleAsync())).ShouldBe(RuleStatus.Revising);
        (await office.PostHandlerAsync(reviewUrl + $"&ruleId={current[1].Id}", "Decide", new Dictionary<string, string> { ["decision"] = "Abolish", ["reason"] = "改主意" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a closed round is final");

        // The unit office and members cannot keep the bureau's registry.
        var unit = await app.SignedInClientAsync("unit");
        (await unit.GetAsync(new Uri($"/Rules/Edit?id={rule.Id}", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied", Case.Sensitive, "no 制度 edit permission");
        (await unit.PostHandlerAsync($"/Rules/Details?id={rule.Id}", "Abolish", new Dictionary<string, string> { ["reason"] = "越权" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void ReplacementChainsNeverLoop()
    {
        var org = Guid.NewGuid();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var chain = new Dictionary<Guid, (Guid, RuleStatus, Guid?)> { [a] = (org, RuleStatus.Abolished, null), [b] = (org, RuleStatus.Abolished, a), [c] = (org, RuleStatus.Current, b) };
        RuleRules.CheckReplaces(c, c, org, chain)!.ShouldContain("自己");
        RuleRules.CheckReplaces(a, c, org, chain)!.ShouldContain("循环");
        RuleRules.CheckReplaces(Guid.NewGuid(), Guid.NewGuid(), org, chain)!.ShouldContain("本单位");
        RuleRules.CheckReplaces(Guid.NewGuid(), c, Guid.NewGuid(), chain)!.ShouldContain("本单位");
        RuleRules.CheckReplaces(Guid.NewGuid(), a, org, chain)!.ShouldContain("已废止");
        RuleRules.CheckReplaces(c, b, org, chain).ShouldBeNull("a rule keeps the link to the one it replaced");
        RuleRules.CheckReplaces(Guid.NewGuid(), c, org, chain).ShouldBeNull();
        RuleRules.CheckReplaces(Guid.NewGuid(), null, org, chain).ShouldBeNull();
    }
}
