using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Talks;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Talks;

public sealed class TalkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    private Task<Guid> PersonAsync(string name) => app.WithDbAsync(db => db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [DbFact]
    public async Task TheFourMustTalksComeFromTheOrganizationAndTheDemoCountsTwentyFivePersonTimes()
    {
        var campaign = await CampaignAsync();
        var kinds = await app.WithDbAsync(db => db.TalkRequirements.Where(r => r.CampaignId == campaign).GroupBy(r => r.Kind).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N));

        // 王建国 is the 组长; four other team members; nine departments each with a 分管领导, a head and a deputy; the
        // supervision group talks with the five team members and the nine heads.
        kinds[TalkKind.PrincipalTeam].ShouldBe(4);
        kinds[TalkKind.TeamTeam].ShouldBe(6);
        kinds[TalkKind.LeaderHead].ShouldBe(9);
        kinds[TalkKind.HeadDeputy].ShouldBe(9);
        kinds[TalkKind.Supervision].ShouldBe(14);

        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Talks?campaignId={campaign}");
        page.QuerySelector("[data-testid=talks-held]")!.TextContent.Trim().ShouldBe("28", "25 of the roster and three 恳谈 with people outside it");
        var expected = Math.Round(100.0 * 25 / 42, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
        page.QuerySelector("[data-testid=coverage]")!.TextContent.Trim().ShouldBe(expected);
        var matrix = page.QuerySelector("[data-testid=matrix]")!;
        matrix.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).Skip(1).First().ShouldBe("王建国");
        matrix.QuerySelectorAll("tbody tr").Length.ShouldBe(5);
        (matrix.QuerySelectorAll(".dj-cell-done").Length + matrix.QuerySelectorAll(".dj-cell-open").Length).ShouldBe(20, "each of the ten team pairs appears twice");

        var open = await office.GetDocumentAsync($"/Talks?campaignId={campaign}&status=open");
        open.QuerySelectorAll("[data-testid=requirements] li").Length.ShouldBe(17);
        open.QuerySelectorAll("[data-testid=requirements] .dj-status-green").ShouldBeEmpty();

        var figures = await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}");
        (figures!.Talks, figures.Required, figures.Covered, figures.Guests).ShouldBe((28, 42, 25, 3));
        figures.ByKind.Values.Sum(k => k.Required).ShouldBe(42, "each kind's numbers reach the client, not an empty object");
        var raw = await office.GetStringAsync(new Uri($"/api/v1/talks/figures?campaignId={campaign}", UriKind.Relative));
        raw.ShouldContain("\"required\":");
        raw.ShouldNotContain("{}");
        var talks = await office.GetStringAsync(new Uri($"/api/v1/talks?campaignId={campaign}&pageSize=100", UriKind.Relative));
        talks.ShouldContain("\"total\":28");
        talks.ShouldContain("马志远（燕山大学教授）");
        talks.ShouldNotContain("希望多深入企业一线", Case.Sensitive, "what was said stays off the API");
        (await office.GetAsync(new Uri($"/api/v1/talks?campaignId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task WhatWasSaidIsReadOnlyByTheOfficeTheSupervisionGroupAndTheTwoPeopleAndEachReadingIsAudited()
    {
        var campaign = await CampaignAsync();
        var wang = await PersonAsync("王建国");
        var withWang = await app.WithDbAsync(db => db.Talks.Where(t => t.CampaignId == campaign && (t.InitiatorId == wang || t.PartnerId == wang)).Select(t => t.Id).FirstAsync());
        var without = await app.WithDbAsync(db => db.Talks.Where(t => t.CampaignId == campaign && t.InitiatorId != wang && t.PartnerId != wang).Select(t => t.Id).FirstAsync());

        var leader = await app.SignedInClientAsync("leader");
        (await leader.GetAsync(new Uri($"/Talks/Details?id={withWang}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leader.GetAsync(new Uri($"/Talks/Details?id={without}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var member = await app.SignedInClientAsync("member");
        (await member.GetAsync(new Uri($"/Talks/Details?id={withWang}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await member.GetDocumentAsync($"/Talks?campaignId={campaign}");
        list.QuerySelectorAll("[data-testid=talks] a").ShouldBeEmpty();
        list.QuerySelector("a[href^='/Talks/Edit']").ShouldBeNull();
        (await member.GetAsync(new Uri($"/Talks/Edit?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var supervisor = await app.SignedInClientAsync("supervisor");
        (await supervisor.GetAsync(new Uri($"/Talks/Details?id={without}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ViewSensitive && e.ObjectId == without.ToString()));
        audited.ShouldBe(1);
    }
}

/// <summary>Tests that add talks and people, on their own database so the demo figures above stay exact.</summary>
public sealed class TalkRecordingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());

    private Task<Guid> PersonAsync(string name) => app.WithDbAsync(db => db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    [DbFact]
    public async Task A恳谈WithSomeoneOutsideTheRosterIsRecordedByNameAndCountedOnce()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var url = $"/Talks/Edit?campaignId={campaign}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Outreach", ["Input.HeldOn"] = Today.ToString("yyyy-MM-dd"), ["Input.InitiatorId"] = (await PersonAsync("李红梅")).ToString(),
            ["Input.GuestName"] = "龐國芳", ["Input.GuestAffiliation"] = "燕山大学教授", ["Input.Topics"] = "恳谈日：听取对全市科技发展的意见", ["Input.Admonition"] = "None",
            ["Input.Raised"] = "建议设立科技成果转化专项资金。", ["Input.AsOpinion"] = "true",
        };
        var before = await app.WithDbAsync(db => db.Talks.CountAsync());
        var start = await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}");
        var bad = new (string Field, string Value, string Error)[]
        {
            ("Input.Kind", "TeamTeam", "名册以外的人员只能记录为“恳谈”或“其他谈心谈话”"),
            ("Input.GuestAffiliation", "", "请填写名册以外人员的单位和职务"),
            ("Input.PartnerId", (await PersonAsync("王建国")).ToString(), "谈话对象只能填一种"),
            ("Input.GuestName", new string('名', 60), "不超过50字"),
        };
        foreach (var (field, value, error) in bad)
        {
            var response = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { [field] = value });
            (await response.ParseAsync()).ErrorsText().ShouldContain(error, Case.Sensitive, field);
        }

        (await app.WithDbAsync(db => db.Talks.CountAsync())).ShouldBe(before, "nothing saved from a refused form");
        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var again = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.AsOpinion"] = "false", ["Input.HeldOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var talk = await app.WithDbAsync(db => db.Talks.Where(t => t.GuestName == "龐國芳").OrderBy(t => t.HeldOn).FirstAsync());
        talk.PartnerId.ShouldBeNull();
        talk.PairKey.ShouldBe(Talk.GuestKeyOf("龐國芳", "燕山大学教授"));
        var figures = await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}");
        (figures!.Talks - start!.Talks, figures.People - start.People, figures.Guests - start.Guests, figures.Covered - start.Covered).ShouldBe((2, 1, 1, 0), "two talks with one guest, counted once; no required pair covered");
        (await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.CampaignId == campaign && o.Text == "建议设立科技成果转化专项资金。"))).ShouldBeTrue();
        var details = await office.GetDocumentAsync($"/Talks/Details?id={talk.Id}");
        details.QuerySelector("h1")!.TextContent.ShouldContain("龐國芳（燕山大学教授）");
    }

    [DbFact]
    public async Task RecordingATalkClosesItsPairAndBadInputSavesNothing()
    {
        var campaign = await CampaignAsync();
        var requirement = await app.WithDbAsync(db => db.TalkRequirements
            .Where(r => r.CampaignId == campaign && r.Kind == TalkKind.HeadDeputy && !db.Talks.Any(t => t.CampaignId == campaign && t.PairKey == r.PairKey)).FirstAsync());
        var office = await app.SignedInClientAsync("office");
        var form = await office.GetDocumentAsync($"/Talks/Edit?campaignId={campaign}&requirementId={requirement.Id}");
        form.QuerySelector("#Input_PartnerId option[selected]")!.GetAttribute("value").ShouldBe(requirement.PersonBId.ToString());
        form.QuerySelector("#Input_Kind option[selected]")!.GetAttribute("value").ShouldBe("HeadDeputy");
        form.QuerySelector("#Input_Topics")!.GetAttribute("maxlength").ShouldBe(Talk.TopicsMax.ToString(CultureInfo.InvariantCulture));
        form.QuerySelector("#Input_HeldOn")!.GetAttribute("value").ShouldBe(Today.ToString("yyyy-MM-dd"));

        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "HeadDeputy", ["Input.HeldOn"] = Today.ToString("yyyy-MM-dd"), ["Input.InitiatorId"] = requirement.PersonAId!.Value.ToString(),
            ["Input.PartnerId"] = requirement.PersonBId.ToString(), ["Input.Topics"] = "对照“四风”交换意见", ["Input.Raised"] = "建议科室内部分工更明确。",
            ["Input.Admonition"] = "None", ["Input.AsOpinion"] = "true",
        };
        var url = $"/Talks/Edit?campaignId={campaign}";
        var before = await app.WithDbAsync(db => db.Talks.CountAsync());
        var start = await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}");
        var bad = new (string Field, string Value, string Error)[]
        {
            ("Input.HeldOn", Today.AddDays(1).ToString("yyyy-MM-dd"), "不晚于今天"),
            ("Input.PartnerId", requirement.PersonAId!.Value.ToString(), "不能是同一人"),
            ("Input.Topics", "", "谈话主题"),
            ("Input.Raised", new string('长', 100_000), "不超过1万字"),
            ("Input.Admonition", "Criticism", "写明提醒、批评的内容"),
            ("Input.Kind", "Nonsense", "有效值"),
            ("Input.InitiatorId", (await PersonAsync("孙磊")).ToString(), "请选择谈话人"),
        };
        foreach (var (field, value, error) in bad)
        {
            var response = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { [field] = value });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, field);
            (await response.ParseAsync()).ErrorsText().ShouldContain(error, Case.Sensitive, field);
        }

        var unknown = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.PartnerName"] = "查无此人" });
        (await unknown.ParseAsync()).ErrorsText().ShouldContain("查无此人");
        (await app.WithDbAsync(db => db.Talks.CountAsync())).ShouldBe(before);

        var made = await office.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var talk = await app.WithDbAsync(db => db.Talks.SingleAsync(t => t.CampaignId == campaign && t.PairKey == requirement.PairKey));
        talk.Raised.ShouldBe("建议科室内部分工更明确。");
        (await app.WithDbAsync(db => db.Opinions.AnyAsync(o => o.CampaignId == campaign && o.Channel == Channel.Talk && o.Text == "建议科室内部分工更明确。"))).ShouldBeTrue();
        var figures = await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}");
        (figures!.Talks, figures.Covered).ShouldBe((start!.Talks + 1, start.Covered + 1));

        // A member of staff talked with by name (约谈) counts too, without being on the required list.
        var byName = await office.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Input.Kind"] = "Other", ["Input.PartnerId"] = "", ["Input.PartnerName"] = "孙磊", ["Input.AsOpinion"] = "false" });
        byName.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await byName.ParseAsync()).ErrorsText());
        (await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}"))!.Talks.ShouldBe(start.Talks + 2);

        // Deleting asks first and reopens the pair.
        var details = await office.GetDocumentAsync($"/Talks/Details?id={talk.Id}");
        details.QuerySelector("form[data-confirm]").ShouldNotBeNull();
        (await office.PostFormAsync($"/Talks/Details?id={talk.Id}", new Dictionary<string, string>(), "Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetFromJsonAsync<TalkList.Figures>($"/api/v1/talks/figures?campaignId={campaign}"))!.Covered.ShouldBe(start.Covered);
    }

    [DbFact]
    public async Task TheSupervisionGroupRecordsOnlyItsOwnIndividualTalks()
    {
        var campaign = await CampaignAsync();
        var zhou = await PersonAsync("周海涛");
        var head = await PersonAsync("吴国平");
        var supervisor = await app.SignedInClientAsync("supervisor");
        var form = await supervisor.GetDocumentAsync($"/Talks/Edit?campaignId={campaign}");
        form.QuerySelectorAll("#Input_Kind option").Select(o => o.GetAttribute("value")).ShouldBe(["Supervision"]);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Supervision", ["HeldOn"] = Today.ToString("yyyy-MM-dd"), ["InitiatorId"] = zhou.ToString(), ["PartnerId"] = head.ToString(),
            ["Topics"] = "听取对领导班子作风的评价", ["Admonition"] = "None",
        };
        var url = $"/Talks/Edit?campaignId={campaign}";
        (await (await supervisor.PostFormAsync(url, new Dictionary<string, string>(fields) { ["Kind"] = "TeamTeam" })).ParseAsync()).ErrorsText().ShouldContain("只能记录督导组个别谈话");
        (await (await supervisor.PostFormAsync(url, new Dictionary<string, string>(fields) { ["InitiatorId"] = (await PersonAsync("喻晓军")).ToString() })).ParseAsync()).ErrorsText().ShouldContain("本人");
        var made = await supervisor.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        (await app.WithDbAsync(db => db.Talks.AnyAsync(t => t.PairKey == Talk.KeyOf(TalkKind.Supervision, null, head) && t.InitiatorId == zhou))).ShouldBeTrue();
        var list = await supervisor.GetDocumentAsync($"/Talks?campaignId={campaign}");
        list.QuerySelector("form[action*=Generate]").ShouldBeNull();
        var generate = await supervisor.PostHandlerAsync($"/Talks?campaignId={campaign}", "Generate");
        generate.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [DbFact]
    public async Task RegeneratingFollowsTheOrganizationAndKeepsPairsAlreadyTalked()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var same = await office.PostFormAsync($"/Talks?campaignId={campaign}", new Dictionary<string, string>(), "Generate");
        same.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetDocumentAsync($"/Talks?campaignId={campaign}")).QuerySelector(".alert-success")!.TextContent.ShouldContain("没有变化");

        // A new deputy in 政策法规科 adds one 正副职 pair; a deputy already talked with keeps the pair when moved away.
        var policy = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == "政策法规科").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.People.Add(new Person { Name = "新副科长", OrgUnitId = policy, PostRank = PostRank.MiddleDeputy, Title = "副科长" });
            return await db.SaveChangesAsync();
        });
        await office.PostFormAsync($"/Talks?campaignId={campaign}", new Dictionary<string, string>(), "Generate");
        (await office.GetDocumentAsync($"/Talks?campaignId={campaign}")).QuerySelector(".alert-success")!.TextContent.ShouldContain("新增1项，移除0项");
        var talked = await app.WithDbAsync(db => db.TalkRequirements.Where(r => r.CampaignId == campaign && r.Kind == TalkKind.HeadDeputy && db.Talks.Any(t => t.PairKey == r.PairKey)).Select(r => r.PersonBId).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == talked)).PostRank = PostRank.Staff;
            return await db.SaveChangesAsync();
        });
        await office.PostFormAsync($"/Talks?campaignId={campaign}", new Dictionary<string, string>(), "Generate");
        (await app.WithDbAsync(db => db.TalkRequirements.AnyAsync(r => r.CampaignId == campaign && r.PersonBId == talked && r.Kind == TalkKind.HeadDeputy))).ShouldBeTrue();
    }
}
