using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Opinions;

/// <summary>
/// 网上征求意见: a report put on the public site for a while; anyone comments without signing in, and each comment is an
/// opinion of the channel 网上征求意见 linked to it. A draft, a closed or a withdrawn one takes nothing.
/// </summary>
public sealed class ConsultationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpResponseMessage> CommentAsync(HttpClient client, Guid id, Dictionary<string, string> fields, TimeSpan wait)
    {
        // A page that takes no comment has no form: the token then comes from another public form, as a stale tab's would.
        var form = await client.GetDocumentAsync($"/Public/Consultation?id={id}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.GetDocumentAsync($"/Public/Opinion?c={await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync())}"))
                .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>(fields)
        {
            ["Stamp"] = form.QuerySelector("input[name=Stamp]")?.GetAttribute("value") ?? "",
            ["__RequestVerificationToken"] = token,
        };
        app.Clock.Advance(wait);
        try
        {
            return await client.PostAsync(new Uri($"/Public/Consultation?id={id}", UriKind.Relative), new FormUrlEncodedContent(values));
        }
        finally
        {
            app.Clock.Advance(-wait);
        }
    }

    [DbFact]
    public async Task AReportPutOnThePublicSiteTakesCommentsAsOpinionsUntilItIsTakenDown()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var office = await app.SignedInClientAsync("office");
        Dictionary<string, string> Fields(DateOnly opens, DateOnly closes) => new()
        {
            ["Input.Title"] = "分析检查报告（征求意见稿）", ["Input.Body"] = "一、基本情况\n二、存在的突出问题\n三、整改思路",
            ["Input.OpensOn"] = opens.ToString("yyyy-MM-dd"), ["Input.ClosesOn"] = closes.ToString("yyyy-MM-dd"),
        };
        var url = $"/Opinions/Consultations/Edit?campaignId={campaign.Id}";
        (await (await office.PostFormAsync(url, Fields(app.Today, app.Today.AddDays(-1)))).ParseAsync()).ErrorsText().ShouldContain("截止日期不能早于开始日期");
        (await (await office.PostFormAsync(url, Fields(campaign.StartsOn.AddDays(-3), app.Today))).ParseAsync()).ErrorsText().ShouldContain("须在活动期间内");
        (await (await office.PostFormAsync(url, new Dictionary<string, string>(Fields(app.Today, app.Today)) { ["Input.Body"] = "" })).ParseAsync()).ErrorsText().ShouldContain("请填写正文");
        (await app.WithDbAsync(db => db.Consultations.AnyAsync(c => c.Title == "分析检查报告（征求意见稿）"))).ShouldBeFalse();

        (await office.PostFormAsync(url, Fields(app.Today.AddDays(-2), app.Today.AddDays(7)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await app.WithDbAsync(db => db.Consultations.SingleAsync(c => c.Title == "分析检查报告（征求意见稿）"));
        var visitor = app.CreateBrowserLikeClient();
        (await visitor.GetDocumentAsync($"/Public/Consultation?id={document.Id}")).QuerySelector("[data-testid=consultation-missing]").ShouldNotBeNull("a draft is not public");
        var draftComment = await CommentAsync(visitor, document.Id, new Dictionary<string, string> { ["Input.Text"] = "草稿也能提意见吗" }, TimeSpan.FromSeconds(5));
        (await draftComment.ParseAsync()).ErrorsText().ShouldContain("不存在或已撤下");

        var list = $"/Opinions/Consultations?campaignId={campaign.Id}";
        (await office.PostHandlerAsync(list, "Publish", new Dictionary<string, string> { ["id"] = document.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await visitor.GetDocumentAsync($"/Public/Consultation?id={document.Id}");
        page.QuerySelector("[data-testid=consultation-body]")!.TextContent.ShouldContain("存在的突出问题");
        page.QuerySelector("[data-testid=consultation-form]").ShouldNotBeNull();

        var before = await app.WithDbAsync(db => db.Opinions.CountAsync());
        (await (await CommentAsync(visitor, document.Id, new Dictionary<string, string> { ["Input.Text"] = "太快了" }, TimeSpan.Zero)).ParseAsync()).ErrorsText().ShouldContain("提交过快");
        (await (await CommentAsync(visitor, document.Id, new Dictionary<string, string> { ["Input.Text"] = "机器人", ["Website"] = "http://spam" }, TimeSpan.FromSeconds(5))).ParseAsync())
            .QuerySelector("[data-testid=consultation-done]").ShouldBeNull();
        (await (await CommentAsync(visitor, document.Id, new Dictionary<string, string> { ["Input.Text"] = new string('长', 3000) }, TimeSpan.FromSeconds(5))).ParseAsync()).ErrorsText().ShouldContain("不超过2000字");
        (await app.WithDbAsync(db => db.Opinions.CountAsync())).ShouldBe(before, "refused comments store nothing");

        var done = await (await CommentAsync(visitor, document.Id, new Dictionary<string, string> { ["Input.Text"] = "报告对服务企业方面的问题查得不够深。" }, TimeSpan.FromSeconds(5))).ParseAsync();
        var code = done.QuerySelector("[data-testid=tracking-code]")!.TextContent.Trim();
        var opinion = await app.WithDbAsync(db => db.Opinions.SingleAsync(o => o.Text == "报告对服务企业方面的问题查得不够深。"));
        (opinion.Channel, opinion.ConsultationId, opinion.CampaignId, opinion.SubmitterName).ShouldBe((Channel.OnlineConsultation, (Guid?)document.Id, campaign.Id, (string?)null));
        opinion.TrackingHash.ShouldBe(Opinion.HashCode(code));
        var summary = await office.GetDocumentAsync($"/Opinions?campaignId={campaign.Id}&channel=OnlineConsultation");
        summary.Body!.TextContent.ShouldContain("报告对服务企业方面的问题查得不够深。");

        // Taken down: the public page and its form are gone, what came in stays; a published one cannot be deleted.
        (await office.PostHandlerAsync(list, "Delete", new Dictionary<string, string> { ["id"] = document.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Consultations.AnyAsync(c => c.Id == document.Id))).ShouldBeTrue();
        (await office.PostHandlerAsync(list, "Withdraw", new Dictionary<string, string> { ["id"] = document.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await visitor.GetDocumentAsync($"/Public/Consultation?id={document.Id}")).QuerySelector("[data-testid=consultation-missing]").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.Id == opinion.Id))).ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(Consultation) && a.ObjectId == document.Id.ToString()))).ShouldBeTrue();
    }

    [DbFact]
    public async Task AClosedConsultationShowsItsTextButTakesNoCommentAndOthersCannotPublish()
    {
        var campaign = await app.WithDbAsync(db => db.Campaigns.SingleAsync());
        var closed = await app.WithDbAsync(db => db.Consultations.Where(c => c.CampaignId == campaign.Id && c.PublishedAt != null).OrderBy(c => c.OpensOn).FirstAsync());
        closed.ClosesOn.ShouldBeLessThan(app.Today, "the demo's 实施方案 was open in the campaign's first fortnight");
        var visitor = app.CreateBrowserLikeClient();
        var page = await visitor.GetDocumentAsync($"/Public/Consultation?id={closed.Id}");
        page.QuerySelector("[data-testid=consultation-closed]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=consultation-form]").ShouldBeNull();
        var late = await CommentAsync(visitor, closed.Id, new Dictionary<string, string> { ["Input.Text"] = "迟到的意见" }, TimeSpan.FromSeconds(5));
        (await late.ParseAsync()).ErrorsText().ShouldContain("已结束");
        (await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.Text == "迟到的意见"))).ShouldBeFalse();

        var member = await app.SignedInClientAsync("member");
        var forged = await member.PostHandlerAsync($"/Opinions/Consultations?campaignId={campaign.Id}", "Withdraw", new Dictionary<string, string> { ["id"] = closed.Id.ToString() });
        forged.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Consultations.Where(c => c.Id == closed.Id).Select(c => c.PublishedAt).SingleAsync())).ShouldNotBeNull();

        var office = await app.SignedInClientAsync("office");
        var edit = await office.PostFormAsync($"/Opinions/Consultations/Edit?id={closed.Id}", new Dictionary<string, string>
        {
            ["Input.Version"] = Guid.NewGuid().ToString(), ["Input.Title"] = closed.Title, ["Input.Body"] = "改过的正文",
            ["Input.OpensOn"] = closed.OpensOn.ToString("yyyy-MM-dd"), ["Input.ClosesOn"] = closed.ClosesOn.ToString("yyyy-MM-dd"),
        });
        (await edit.ParseAsync()).ErrorsText().ShouldContain("已被他人修改");
    }
}
