using Dangjian.Web.Platform.Data;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Study;

public sealed class StudyWorkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

    private Task<Guid> CampaignAsync() => app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());

    [DbFact]
    public async Task TheSeedsStudyFiguresComeFromTheRecords()
    {
        var campaign = await CampaignAsync();
        var phase1 = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign && p.Order == 1).Select(p => p.Id).SingleAsync());
        var office = await app.SignedInClientAsync("office");
        var page = await office.GetDocumentAsync($"/Study/Index?campaignId={campaign}&phaseId={phase1}");
        page.QuerySelector("[data-testid=sessions-held]")!.TextContent.Trim().ShouldBe("5");
        page.QuerySelector("[data-testid=reflections]")!.TextContent.Trim().ShouldBe("13");
        page.QuerySelector("[data-testid=notes-checked]")!.TextContent.Trim().ShouldBe("15");
        page.QuerySelector("[data-testid=by-kind]")!.TextContent.ShouldContain("中心组学习会");

        var milestone = await app.WithDbAsync(db => db.Milestones.SingleAsync(m => m.CampaignId == campaign && m.Title == "局党组召开2次中心组学习会"));
        (milestone.DoneCount, milestone.Status).ShouldBe((2, MilestoneStatus.Done));

        var api = await office.GetFromJsonAsync<StudyFigures.Figures>($"/api/v1/study/campaigns/{campaign}/figures?phaseId={phase1}");
        api!.Reflections.ShouldBe(13);
        api.SessionsHeld.ShouldBe(5);
        (await office.GetAsync(new Uri($"/api/v1/study/campaigns/{campaign}/figures?phaseId={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task AttachmentsAreCheckedByContentAndReadableOnlyByThoseWhoMayReadTheNote()
    {
        var campaign = await CampaignAsync();
        var member = await app.SignedInClientAsync("member");
        var fields = new Dictionary<string, string> { ["CampaignId"] = campaign.ToString(), ["Input.Kind"] = "Reflection", ["Input.Title"] = "带附件的心得", ["Input.Body"] = "正文" };
        var form = await member.GetDocumentAsync("/Study/Notes/Edit");
        form.QuerySelector("textarea[name='Input.Body']")!.GetAttribute("maxlength").ShouldBe("20000", "the length comes from the entity, once");
        var empty = await member.PostMultipartAsync("/Study/Notes/Edit", new Dictionary<string, string>(fields) { ["Input.Body"] = " ", ["Input.Title"] = new string('心', StudyNote.TitleMax + 1) }, []);
        var emptyErrors = (await empty.ParseAsync()).ErrorsText();
        emptyErrors.ShouldContain("请填写正文（不超过2万字）");
        emptyErrors.ShouldContain("请填写标题（不超过200字）");

        var fake = await member.PostMultipartAsync("/Study/Notes/Edit", fields, [("attachment", "心得.pdf", Encoding.UTF8.GetBytes("这不是PDF"))]);
        var fakePage = await fake.ParseAsync();
        fakePage.QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("内容与扩展名不符");
        fakePage.QuerySelector("textarea[name='Input.Body']")!.TextContent.ShouldBe("正文", "the text stays in the form");
        var exe = await member.PostMultipartAsync("/Study/Notes/Edit", fields, [("attachment", "run.exe", [0x4D, 0x5A, 0x90])]);
        (await exe.ParseAsync()).QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("不支持该文件类型");
        var huge = await member.PostMultipartAsync("/Study/Notes/Edit", fields, [("attachment", "大.pdf", [.. Pdf, .. new byte[(10 * 1024 * 1024) + 1]])]);
        (await huge.ParseAsync()).QuerySelector("[data-testid=file-error]")!.TextContent.ShouldContain("大小限制");
        (await app.WithDbAsync(db => db.StudyNotes.CountAsync(n => n.Title == "带附件的心得"))).ShouldBe(0, "nothing half-saved");

        var saved = await member.PostMultipartAsync("/Study/Notes/Edit", fields, [("attachment", "心得.pdf", Pdf)]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var note = await app.WithDbAsync(db => db.StudyNotes.Where(n => n.Title == "带附件的心得").Select(n => n.Id).SingleAsync());
        var file = await app.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.OwnerId == note));
        file.Length.ShouldBe(Pdf.Length);
        var download = await member.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        var colleague = await app.SignedInClientAsync("leader");
        (await colleague.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "members see only their own notes until exhibited");
        (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var office = await app.SignedInClientAsync("office");
        (await office.GetAsync(new Uri($"/files/{file.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task MaterialsGoOutOneCopyPerPersonAndMembersMarkThemRead()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var added = await office.PostMultipartAsync("/Study/Materials/Edit", new Dictionary<string, string> { ["CampaignId"] = campaign.ToString(), ["Kind"] = "Guide", ["Title"] = "辅导读本" }, [("file", "辅导.pdf", Pdf)]);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await added.ParseAsync()).ErrorsText());
        var material = Guid.Parse(added.Headers.Location!.OriginalString.Split("id=")[1]);
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var people = await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgUnit!.Code.StartsWith("KJJ")));

        await office.PostFormAsync($"/Study/Materials/Details?id={material}", new Dictionary<string, string> { ["unitIds"] = bureau.ToString() }, "Distribute");
        await office.PostFormAsync($"/Study/Materials/Details?id={material}", new Dictionary<string, string> { ["unitIds"] = bureau.ToString() }, "Distribute");
        (await app.WithDbAsync(db => db.MaterialCopies.CountAsync(c => c.MaterialId == material))).ShouldBe(people, "人手一套, nobody twice");

        var member = await app.SignedInClientAsync("member");
        (await member.GetDocumentAsync("/Study/My")).QuerySelector("[data-testid=my-readings]")!.TextContent.ShouldContain("辅导读本");
        await member.PostFormAsync($"/Study/Materials/Details?id={material}", new Dictionary<string, string>(), "Read");
        (await app.WithDbAsync(db => db.MaterialCopies.CountAsync(c => c.MaterialId == material && c.ReadAt != null))).ShouldBe(1);
        (await member.GetDocumentAsync($"/Study/Materials/Details?id={material}")).QuerySelector("[data-testid=read]").ShouldNotBeNull();
        var token = (await member.GetDocumentAsync($"/Study/Materials/Details?id={material}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var distribute = await member.PostAsync(new Uri($"/Study/Materials/Details?id={material}&handler=Distribute", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["unitIds"] = bureau.ToString(), ["__RequestVerificationToken"] = token }));
        distribute.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await app.WithDbAsync(db => db.MaterialCopies.CountAsync(c => c.MaterialId == material))).ShouldBe(people);
    }

    [DbFact]
    public async Task AStudyPlanNeedsTheFourPointsAndGoesToTheSupervisionGroup()
    {
        var campaign = await CampaignAsync();
        var office = await app.SignedInClientAsync("office");
        var phase = await app.WithDbAsync(db => db.Phases.Where(p => p.CampaignId == campaign && p.Order == 2).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Input.Title"] = "第二环节学习计划", ["Input.Audience"] = "", ["Input.StartsOn"] = phase.StartsOn.ToString("yyyy-MM-dd"),
            ["Input.EndsOn"] = phase.EndsOn.ToString("yyyy-MM-dd"), ["Input.Topics"] = "对照检查\n批评与自我批评", ["Input.Outcome"] = "",
        };
        var missing = await office.PostFormAsync("/Study/Plans/Edit", fields);
        var errors = (await missing.ParseAsync()).ErrorsText();
        errors.ShouldContain("学习对象");
        errors.ShouldContain("预期成效");

        fields["Input.Audience"] = "局机关全体党员";
        fields["Input.Outcome"] = "每人撰写对照检查材料";
        fields["submit"] = "true";
        var submitted = await office.PostFormAsync("/Study/Plans/Edit", fields);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await submitted.ParseAsync()).ErrorsText());
        var plan = await app.WithDbAsync(db => db.StudyPlans.SingleAsync(p => p.Title == "第二环节学习计划"));
        var document = await app.WithDbAsync(db => db.ApprovalDocuments.SingleAsync(d => d.Id == plan.DocumentId));
        (document.Kind, document.Status).ShouldBe((DocumentKind.StudyPlan, DocumentStatus.Submitted));
        (await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == document.Id).Select(v => v.Body).SingleAsync())).ShouldContain("四、预期成效");

        var locked = await office.PostFormAsync($"/Study/Plans/Edit?id={plan.Id}", fields);
        (await locked.ParseAsync()).ErrorsText().ShouldContain("审核中");
    }

    [DbFact]
    public async Task AMemberAsksForLeaveAndTheOfficeDecides()
    {
        var session = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Title.StartsWith("学习交流讨论会")).Select(s => s.Id).SingleAsync());
        var member = await app.SignedInClientAsync("member");
        var empty = await member.PostFormAsync($"/Study/Sessions/Details?id={session}", new Dictionary<string, string> { ["reason"] = " " }, "Leave");
        empty.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var asked = await member.PostFormAsync($"/Study/Sessions/Details?id={session}", new Dictionary<string, string> { ["reason"] = "赴省厅参加培训" }, "Leave");
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = await app.WithDbAsync(db => db.SessionAttendees.SingleAsync(a => a.SessionId == session && a.Person!.Name == "孙磊"));
        row.LeaveRequestedAt.ShouldNotBeNull();
        row.Status.ShouldBe(AttendanceStatus.Expected);

        var office = await app.SignedInClientAsync("office");
        var campaign = await CampaignAsync();
        (await office.GetDocumentAsync($"/Study/Attendance?campaignId={campaign}")).QuerySelector("[data-testid=pending-leave]")!.TextContent.ShouldContain("赴省厅参加培训");
        var refusedWithoutReason = await office.PostFormAsync($"/Study/Sessions/Details?id={session}", new Dictionary<string, string> { ["act"] = "leave-refuse", ["note"] = "" }, $"attendeeId={row.Id}");
        refusedWithoutReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.SessionAttendees.SingleAsync(a => a.Id == row.Id))).LeaveRequestedAt.ShouldNotBeNull();
        await office.PostFormAsync($"/Study/Sessions/Details?id={session}", new Dictionary<string, string> { ["act"] = "leave-approve" }, $"attendeeId={row.Id}");
        (await app.WithDbAsync(db => db.SessionAttendees.SingleAsync(a => a.Id == row.Id))).Status.ShouldBe(AttendanceStatus.Leave);
    }

    [DbFact]
    public async Task TheStudyApiIsScopedAndRefusesBadInput()
    {
        var member = await app.SignedInClientAsync("member");
        var sessions = await member.GetFromJsonAsync<Paged<StudyApi.SessionDto>>("/api/v1/study/sessions");
        sessions!.Total.ShouldBeGreaterThanOrEqualTo(6);
        var lecture = sessions.Items.Single(s => s.Title == "主要负责同志讲专题党课");
        var sheet = await member.GetFromJsonAsync<StudyApi.AttendanceSheetDto>($"/api/v1/study/sessions/{lecture.Id}/attendance");
        sheet!.People.Count.ShouldBe(1, "a member sees only their own line");
        sheet.Expected.ShouldBe(37);

        (await member.PostAsJsonAsync("/api/v1/study/sign-in", new StudyApi.SignInRequest("forged.code.x"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var bad = await member.PostAsJsonAsync("/api/v1/study/reflections", new StudyApi.NoteRequest(Guid.NewGuid(), "Poem", "", ""));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var campaign = await CampaignAsync();
        var good = await member.PostAsJsonAsync("/api/v1/study/reflections", new StudyApi.NoteRequest(campaign, "Reflection", "接口提交的心得", "正文"));
        good.StatusCode.ShouldBe(HttpStatusCode.Created);

        var quiz = await app.WithDbAsync(db => db.Quizzes.Select(q => q.Id).FirstAsync());
        (await member.GetAsync(new Uri($"/api/v1/study/quizzes/{quiz}/results", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var office = await app.SignedInClientAsync("office");
        (await office.GetAsync(new Uri($"/api/v1/study/quizzes/{quiz}/results", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DbFact]
    public async Task OfficeAddsOnePersonToASessionInsideTheCampaignOnly()
    {
        var central = await app.WithDbAsync(db => db.StudySessions.Where(s => s.Kind == SessionKind.CentralGroup).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        var office = await app.SignedInClientAsync("office");
        int Count() => app.WithDbAsync(db => db.SessionAttendees.CountAsync(a => a.SessionId == central)).GetAwaiter().GetResult();
        var before = Count();
        await office.PostFormAsync($"/Study/Sessions/Details?id={central}", new Dictionary<string, string> { ["name"] = "周海涛" }, "AddPerson");
        Count().ShouldBe(before, "the supervision group is outside the campaign's units");
        await office.PostFormAsync($"/Study/Sessions/Details?id={central}", new Dictionary<string, string> { ["name"] = "孙磊" }, "AddPerson");
        Count().ShouldBe(before + 1);
        await office.PostFormAsync($"/Study/Sessions/Details?id={central}", new Dictionary<string, string> { ["name"] = "孙磊" }, "AddPerson");
        Count().ShouldBe(before + 1, "nobody is expected twice");
    }

    [DbFact]
    public async Task TheHomePageListsStudyToDos()
    {
        var member = await app.SignedInClientAsync("member");
        var home = (await member.GetDocumentAsync("/")).Body!.TextContent;
        home.ShouldContain("参加测试：群众路线知识测试");
        home.ShouldNotContain("检查学习笔记与心得");

        var office = await app.SignedInClientAsync("office");
        var officeHome = (await office.GetDocumentAsync("/")).Body!.TextContent;
        officeHome.ShouldContain("检查学习笔记与心得");

        var byPerson = (await office.GetDocumentAsync("/Study/Notes?all=true&byPerson=true")).QuerySelector("[data-testid=note-counts]")!;
        byPerson.QuerySelector("thead")!.TextContent.ShouldContain("姓名");
        byPerson.QuerySelectorAll("tbody tr").Length.ShouldBeGreaterThanOrEqualTo(13, "the thirteen demo writers, and anyone another test added");
    }
}
