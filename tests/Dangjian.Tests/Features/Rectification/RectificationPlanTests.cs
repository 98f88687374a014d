using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Rectification;

/// <summary>Per-unit 整改方案 (本级 and each 直属单位) and the plan document written from the items.</summary>
public sealed class RectificationPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> UnitAsync(string name) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    [DbFact]
    public async Task EachUnitKeepsItsOwnPlanNumberingAndDocument()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var institute = await UnitAsync("科技情报研究所");
        var office = await app.SignedInClientAsync("office");

        var page = await office.GetDocumentAsync($"/Rectification?campaignId={campaign}");
        var rows = page.QuerySelectorAll("[data-testid=plans] tbody tr");
        rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).ShouldBe(["市科技局（本级）", "科技情报研究所", "生产力促进中心"]);
        rows[0].TextContent.ShouldContain("已通过", Case.Sensitive, "the bureau's 整改方案 was approved by the supervision group");
        rows[1].TextContent.ShouldContain("草稿");
        rows[2].TextContent.ShouldContain("未生成");
        rows[1].QuerySelectorAll("td")[1].TextContent.Trim().ShouldBe("2");

        var own = await office.GetDocumentAsync($"/Rectification?campaignId={campaign}&plan={institute}");
        own.QuerySelectorAll("[data-testid=rectification-items] > li").Select(li => li.QuerySelector("a")!.TextContent).ShouldBe(["提高科技查新和信息服务时效", "规范科技信息服务收费"]);
        (await office.GetAsync(new Uri($"/Rectification?campaignId={campaign}&plan={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var plans = (await office.GetFromJsonAsync<List<RectificationProgress.PlanFigures>>($"/api/v1/rectification/plans?campaignId={campaign}"))!;
        plans.Single(p => p.UnitId == institute).Items.ShouldBe(2);
        plans.Single(p => p.UnitId is null).Items.ShouldBe(5);

        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign && p.Order == 3).Select(p => p.Status).SingleAsync());
        phase.ShouldBe(PhaseStatus.InProgress, "the demo has reached 整改落实、建章立制");
        var document = await app.WithDbAsync(db => db.ApprovalDocuments.SingleAsync(d => d.CampaignId == campaign && d.Kind == DocumentKind.RectificationPlan && d.UnitId == null));
        var body = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == document.Id).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync());
        body.ShouldContain("一、整改事项（共5项，分解任务2项）");
        body.ShouldContain("（一）精简会议文件，清理规范检查评比");
        body.ShouldContain("1. 制定会议计划管理办法（办公室，");
        body.ShouldContain("建立或修订制度2项");
        body.ShouldNotContain("提高科技查新", Case.Sensitive, "the 直属单位's items stay in its own plan");
    }

    [DbFact]
    public async Task APlanWithoutItemsHasNothingToWrite()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var center = await UnitAsync("生产力促进中心");
        var office = await app.SignedInClientAsync("office");
        (await office.GetDocumentAsync($"/Rectification?campaignId={campaign}")).QuerySelector($"[data-plan='{center}'] form").ShouldBeNull("no 生成 button for an empty plan");
        var response = await office.PostHandlerAsync($"/Rectification?campaignId={campaign}&plan={center}", "Compose");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await office.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("还没有整改事项");
        (await app.WithDbAsync(db => db.ApprovalDocuments.AnyAsync(d => d.UnitId == center))).ShouldBeFalse();
        (await office.GetAsync(new Uri($"/Rectification?campaignId={campaign}&plan=nonsense", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void NumeralsAndTextFollowTheOfficialStyle()
    {
        (RectificationPlanText.Numeral(1), RectificationPlanText.Numeral(10), RectificationPlanText.Numeral(11), RectificationPlanText.Numeral(20), RectificationPlanText.Numeral(99))
            .ShouldBe(("一", "十", "十一", "二十", "九十九"));
        Should.Throw<ArgumentOutOfRangeException>(() => RectificationPlanText.Numeral(0));
        var parent = Guid.NewGuid();
        var text = RectificationPlanText.Compose("某单位整改方案",
        [
            new(parent, null, "事项甲", "问题甲", "目标甲", "措施甲", new(2026, 1, 1), new(2026, 3, 31), ProblemHorizon.Deadline, "张三", "副局长", "办公室", "承诺甲", "专项一", null),
            new(Guid.NewGuid(), parent, "任务甲一", null, null, null, new(2026, 1, 1), new(2026, 2, 1), ProblemHorizon.Immediate, "张三", null, "办公室", null, null, "某制度"),
            new(Guid.NewGuid(), null, "事项乙", null, "目标乙", "措施乙", new(2026, 1, 1), new(2027, 1, 1), ProblemHorizon.LongTerm, "李四", null, "科技科", null, null, null),
        ]);
        text.ShouldContain("一、整改事项（共2项，分解任务1项）");
        text.ShouldContain("（二）事项乙");
        text.ShouldContain("完成时限：2026年3月31日前完成");
        text.ShouldContain("长期坚持（2027年1月1日首次检查）");
        text.ShouldContain("1. 任务甲一（办公室，立即整改，2026年2月1日前完成）");
        text.ShouldContain("二、专项整治\n专项一：事项甲。".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        text.ShouldContain("三、建章立制");
        text.IndexOf("事项甲", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("事项乙", StringComparison.Ordinal));
    }
}

/// <summary>A 直属单位's office adds to and writes its own plan (changes the demo, so kept apart from the figures above).</summary>
public sealed class UnitRectificationPlanTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Guid> UnitAsync(string name) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    [DbFact]
    public async Task AUnitOfficeKeepsOnlyItsOwnPlan()
    {
        var campaign = await app.DemoCampaignIdAsync();
        var institute = await UnitAsync("科技情报研究所");
        var center = await UnitAsync("生产力促进中心");
        var people = await app.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Name, p => p.Id));
        var unit = await app.SignedInClientAsync("unit");

        // Not the campaign itself, nor the bureau's plan, nor another unit's, nor a bureau item.
        (await unit.GetAsync(new Uri($"/Campaigns/Edit?id={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unit.GetAsync(new Uri($"/Rectification/Edit?campaignId={campaign}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unit.GetAsync(new Uri($"/Rectification/Edit?campaignId={campaign}&planUnitId={center}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bureauItem = await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Title == "简化科技项目审批流程").Select(i => i.Id).SingleAsync());
        (await unit.GetAsync(new Uri($"/Rectification/Edit?id={bureauItem}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unit.PostHandlerAsync($"/Rectification?campaignId={campaign}&plan=own", "Compose")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var index = await unit.GetDocumentAsync($"/Rectification?campaignId={campaign}");
        index.QuerySelector("a[href*='/Rectification/Edit']")!.GetAttribute("href")!.ShouldContain($"planUnitId={institute}");
        index.QuerySelectorAll("[data-testid=plans] form").Length.ShouldBe(1, "only its own plan can be regenerated");

        var url = $"/Rectification/Edit?campaignId={campaign}&planUnitId={institute}";
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "公开科技文献借阅服务时间", ["Goal"] = "服务时间全部公开。", ["Measures"] = "在网站和服务大厅公布借阅时间和联系电话。",
            ["StartsOn"] = app.Today.ToString("yyyy-MM-dd"), ["DueOn"] = app.Today.AddDays(10).ToString("yyyy-MM-dd"), ["Horizon"] = "Deadline",
            ["LeaderPersonId"] = people["严华"].ToString(), ["DepartmentId"] = institute.ToString(), ["Weight"] = "1",
        };
        var before = await app.WithDbAsync(db => db.RectificationItems.CountAsync());
        var wrongDepartment = await unit.PostFormAsync(url, new Dictionary<string, string>(fields) { ["DepartmentId"] = (await UnitAsync("办公室")).ToString() });
        wrongDepartment.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrongDepartment.ParseAsync()).ErrorsText().ShouldContain("责任部门");
        var wrongLeader = await unit.PostFormAsync(url, new Dictionary<string, string>(fields) { ["LeaderPersonId"] = people["陶建军"].ToString() });
        (await wrongLeader.ParseAsync()).ErrorsText().ShouldContain("责任领导", Case.Sensitive, "another unit's head does not lead this plan");
        (await app.WithDbAsync(db => db.RectificationItems.CountAsync())).ShouldBe(before);

        var made = await unit.PostFormAsync(url, fields);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var item = await app.WithDbAsync(db => db.RectificationItems.SingleAsync(i => i.Title == "公开科技文献借阅服务时间"));
        (item.PlanUnitId, item.SortOrder).ShouldBe((institute, 3));
        var task = await unit.PostFormAsync($"/Rectification/Edit?campaignId={campaign}&parentId={item.Id}", new Dictionary<string, string>(fields) { ["Title"] = "制作服务时间公示牌", ["Goal"] = "", ["Measures"] = "" });
        task.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await task.ParseAsync()).ErrorsText());
        (await app.WithDbAsync(db => db.RectificationItems.Where(i => i.Title == "制作服务时间公示牌").Select(i => i.PlanUnitId).SingleAsync())).ShouldBe(institute, "a task follows its parent's plan");

        // The unit regenerates its own draft, edits and submits it; the bureau's approved plan stays read-only to it.
        var composed = await unit.PostFormAsync($"/Rectification?campaignId={campaign}", new Dictionary<string, string>(), $"plan={institute}");
        composed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var documentUrl = composed.Headers.Location!.OriginalString;
        documentUrl.ShouldStartWith("/Campaigns/Document?id=");
        var documentId = Guid.Parse(documentUrl.Split("id=")[1]);
        var body = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync());
        body.ShouldContain("共3项，分解任务1项");
        body.ShouldContain("（三）公开科技文献借阅服务时间");
        body.ShouldContain("责任领导：严华（所长）；责任部门：科技情报研究所");
        (await unit.GetDocumentAsync(documentUrl)).QuerySelector("button[formaction*=Submit]").ShouldNotBeNull();
        var submitted = await unit.PostHandlerAsync(documentUrl, "Submit", new Dictionary<string, string> { ["Body"] = body + "\n（经所务会研究）" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await submitted.ParseAsync()).ErrorsText());
        (await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.Id == documentId).Select(d => d.Status).SingleAsync())).ShouldBe(DocumentStatus.Submitted);

        var again = await unit.PostHandlerAsync($"/Rectification?campaignId={campaign}&plan={institute}", "Compose");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await unit.GetAsync(again.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("审核中");
        (await app.WithDbAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == documentId))).ShouldBe(1, "nothing rewritten while under review");

        var bureauPlan = await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.CampaignId == campaign && d.Kind == DocumentKind.RectificationPlan && d.UnitId == null).Select(d => d.Id).SingleAsync());
        var bureauPage = await unit.GetDocumentAsync($"/Campaigns/Document?id={bureauPlan}");
        bureauPage.QuerySelector("textarea[name=Body]").ShouldBeNull();
        var forged = await unit.PostHandlerAsync($"/Campaigns/Document?id={bureauPlan}", "Save", new Dictionary<string, string> { ["Body"] = "改写" });
        (await forged.ParseAsync()).ErrorsText().ShouldContain("只有活动办公室");
        var implementation = await app.WithDbAsync(db => db.ApprovalDocuments.Where(d => d.CampaignId == campaign && d.Kind == DocumentKind.Speech).Select(d => d.Id).SingleAsync());
        var speech = await unit.GetAsync(new Uri($"/Campaigns/Document?id={implementation}", UriKind.Relative));
        speech.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the edit permission over a unit below neither writes nor reads the bureau's speech draft");
    }
}
