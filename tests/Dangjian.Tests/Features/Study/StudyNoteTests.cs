using System.Net;
using Dangjian.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Study;

public sealed class StudyNoteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ReflectionsAreCheckedExhibitedAndPrivateUntilThen()
    {
        var member = await app.SignedInClientAsync("member");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var empty = await member.PostFormAsync("/Study/Notes/Edit", new Dictionary<string, string> { ["CampaignId"] = campaign.ToString(), ["Kind"] = "Reflection", ["Title"] = "", ["Body"] = "" });
        (await empty.ParseAsync()).ErrorsText().ShouldContain("请填写标题");

        var written = await member.PostFormAsync("/Study/Notes/Edit", new Dictionary<string, string>
        {
            ["CampaignId"] = campaign.ToString(), ["Kind"] = "Reflection", ["Title"] = "践行群众路线的体会", ["Body"] = "通过学习，深刻认识到……",
        });
        written.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(written.Headers.Location!.OriginalString.Split("id=")[1]);

        var colleague = await app.SignedInClientAsync("leader");
        (await colleague.GetAsync(new Uri($"/Study/Notes/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var office = await app.SignedInClientAsync("office");
        var all = await office.GetDocumentAsync("/Study/Notes?all=true");
        all.QuerySelector("[data-testid=notes]")!.TextContent.ShouldContain("践行群众路线的体会");
        all.QuerySelector("[data-testid=note-counts]")!.TextContent.ShouldContain("高新技术科");

        await office.PostFormAsync($"/Study/Notes/Details?id={id}", new Dictionary<string, string> { ["exhibit"] = "true" }, action: "handler=Exhibit");
        (await app.WithDbAsync(db => db.StudyNotes.Where(n => n.Id == id).Select(n => n.ExhibitedAt).SingleAsync())).ShouldBeNull("an unchecked note cannot be exhibited");
        await office.PostFormAsync($"/Study/Notes/Details?id={id}", new Dictionary<string, string> { ["mark"] = "Excellent", ["comment"] = "联系实际，体会深刻。" }, action: "handler=Check");
        await office.PostFormAsync($"/Study/Notes/Details?id={id}", new Dictionary<string, string> { ["exhibit"] = "true" }, action: "handler=Exhibit");

        (await colleague.GetAsync(new Uri($"/Study/Notes/Details?id={id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await colleague.GetDocumentAsync("/Study/Notes/Exhibition")).QuerySelector("[data-testid=exhibition]")!.TextContent.ShouldContain("践行群众路线的体会");
        var edit = await member.GetAsync(new Uri($"/Study/Notes/Edit?id={id}", UriKind.Relative));
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a checked note is no longer editable");
        (await member.GetDocumentAsync($"/Study/Notes/Details?id={id}")).QuerySelector("[data-testid=mark]")!.TextContent.ShouldContain("优秀");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == "StudyNote" && e.ObjectId == id.ToString() && e.Action == "update"))).ShouldBeTrue();
    }

    [DbFact]
    public async Task AStudySummaryIsItsOwnKindCountedBesideNotesAndReflections()
    {
        var member = await app.SignedInClientAsync("member");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Select(c => c.Id).SingleAsync());
        var written = await member.PostFormAsync("/Study/Notes/Edit", new Dictionary<string, string>
        {
            ["Input.CampaignId"] = campaign.ToString(), ["Input.Kind"] = "StudySummary", ["Input.Title"] = "集中学习阶段学结", ["Input.Body"] = "本阶段学习了……",
        });
        written.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await written.ParseAsync()).ErrorsText());
        var bad = await member.PostFormAsync("/Study/Notes/Edit", new Dictionary<string, string>
        {
            ["Input.CampaignId"] = campaign.ToString(), ["Input.Kind"] = "Diary", ["Input.Title"] = "无此类别", ["Input.Body"] = "……",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK, "an unknown kind is refused on the form");
        (await bad.ParseAsync()).ErrorsText().ShouldContain("类别");
        (await bad.ParseAsync()).ErrorsText().ShouldNotContain("valid", Case.Insensitive, "the refusal is worded in Chinese");
        (await app.WithDbAsync(db => db.StudyNotes.CountAsync(n => n.Title == "无此类别"))).ShouldBe(0);

        var office = await app.SignedInClientAsync("office");
        var summaries = await office.GetDocumentAsync("/Study/Notes?all=true&kind=StudySummary");
        summaries.QuerySelector("[data-testid=notes]")!.TextContent.ShouldContain("集中学习阶段学结");
        summaries.QuerySelector("[data-testid=notes]")!.TextContent.ShouldNotContain("践行群众路线的体会");
        var counts = summaries.QuerySelector("[data-testid=note-counts]")!;
        counts.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ShouldContain("学结");
        var figures = await office.GetStringAsync(new Uri($"/api/v1/study/campaigns/{campaign}/figures", UriKind.Relative));
        figures.ShouldContain("\"studySummaries\":1");
    }
}
