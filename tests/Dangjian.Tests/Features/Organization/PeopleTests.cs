using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

public sealed class PeopleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task IdNumberAndPhoneAreEncryptedAtRestMaskedInListsAndRevealedOnlyWithAnAuditEntry()
    {
        var id = PersonalIds.WithCheckDigit("33010619900307123");
        var client = await app.SignedInClientAsync("office");
        var created = await CreateAsync(client, "测试甲", id, "13912345678");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await created.ParseAsync()).ErrorsText());
        var personId = await app.WithDbAsync(db => db.People.Where(p => p.Name == "测试甲").Select(p => p.Id).SingleAsync());

        var raw = await RawRowAsync(personId);
        raw.ShouldNotContain(id);
        raw.ShouldNotContain("13912345678");
        var list = await client.GetStringAsync(new Uri("/Organization/People?q=测试甲", UriKind.Relative));
        list.ShouldContain(id[..6] + "********" + id[^4..]);
        list.ShouldContain("139****5678");
        list.ShouldNotContain(id);

        var revealed = await client.PostFormAsync($"/Organization/People/Details?id={personId}", new Dictionary<string, string>(), action: "field=id");
        (await revealed.ParseAsync()).QuerySelector("[data-testid=id-full]")!.TextContent.ShouldBe(id);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "view-sensitive" && e.ObjectId == personId.ToString()).Select(e => e.UserName).ToListAsync());
        audited.ShouldBe(["office"]);
        var createEntry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "create" && e.ObjectId == personId.ToString()).Select(e => e.After).SingleAsync());
        createEntry.ShouldNotBeNull();
        createEntry.ShouldNotContain(id);
        createEntry.ShouldContain("\"IdNumberCipher\":\"***\"");
    }

    [DbTheory]
    [InlineData("330106199003071230", "校验位不正确")]
    [InlineData("33010619900307", "应为18位")]
    [InlineData("330106199013071236", "出生日期不正确")]
    public async Task InvalidIdNumbersAreRefusedAndNothingIsSaved(string idNumber, string message)
    {
        var client = await app.SignedInClientAsync("office");
        var before = await app.WithDbAsync(db => db.People.CountAsync());

        var response = await CreateAsync(client, "测试乙", idNumber, null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).ErrorsText().ShouldContain(message);
        (await app.WithDbAsync(db => db.People.CountAsync())).ShouldBe(before);
    }

    [DbFact]
    public async Task DuplicateIdNumberIsRefusedEvenAgainstADeletedPerson()
    {
        var id = PersonalIds.WithCheckDigit("33010619850101002");
        var client = await app.SignedInClientAsync("office");
        (await CreateAsync(client, "测试丙", id, null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = await app.WithDbAsync(db => db.People.Where(p => p.Name == "测试丙").Select(p => p.Id).SingleAsync());
        (await client.PostFormAsync($"/Organization/People/Details?id={first}", new Dictionary<string, string>(), action: "handler=Delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await CreateAsync(client, "测试丁", id, null);

        (await again.ParseAsync()).ErrorsText().ShouldContain("已在系统中登记");
        (await app.WithDbAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => p.Name == "测试丁"))).ShouldBe(0);
    }

    [DbFact]
    public async Task ConcurrentEditsNeverOverwriteSilentlyAndKeepTheLaterInput()
    {
        var person = await app.WithDbAsync(db => db.People.Where(p => p.Name == "许文").Select(p => new { p.Id, p.OrgUnitId }).SingleAsync());
        var first = await app.SignedInClientAsync("office");
        var second = await app.SignedInClientAsync("office");
        var firstForm = await FormAsync(first, person.Id);
        var secondForm = await FormAsync(second, person.Id);

        firstForm["Input.Title"] = "第一位的修改";
        (await PostAsync(first, person.Id, firstForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondForm["Input.Title"] = "第二位的修改";
        var conflict = await PostAsync(second, person.Id, secondForm);

        conflict.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await conflict.ParseAsync();
        page.ErrorsText().ShouldContain("被他人修改");
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("第二位的修改");
        (await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Title).SingleAsync())).ShouldBe("第一位的修改");

        var retry = Fields(page);
        (await PostAsync(second, person.Id, retry)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Title).SingleAsync())).ShouldBe("第二位的修改");
    }

    [DbFact]
    public async Task DeletedPeopleCanBeRestored()
    {
        var client = await app.SignedInClientAsync("office");
        var id = await app.WithDbAsync(db => db.People.Where(p => p.Name == "施颖").Select(p => p.Id).SingleAsync());

        await client.PostFormAsync($"/Organization/People/Details?id={id}", new Dictionary<string, string>(), action: "handler=Delete");
        (await client.GetDocumentAsync("/Organization/People?q=施颖")).QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        var deletedPage = await client.GetDocumentAsync("/Organization/People?deleted=true");
        deletedPage.QuerySelector("main")!.TextContent.ShouldContain("施颖", customMessage: deletedPage.QuerySelector("main")!.TextContent);
        await client.PostFormAsync("/Organization/People?deleted=true", new Dictionary<string, string>(), action: $"id={id}");

        (await app.WithDbAsync(db => db.People.AnyAsync(p => p.Id == id))).ShouldBeTrue();
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectId == id.ToString()).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("delete");
        actions.ShouldContain("restore");
    }

    [DbFact]
    public async Task MemberCannotEditPeople()
    {
        var member = app.CreateBrowserLikeClient();
        await member.SignInAsync("member");

        var response = await member.GetAsync(new Uri("/Organization/People/Edit", UriKind.Relative));

        response.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [DbFact]
    public async Task APartyMemberSitsInABranchOrPartyCellAndNobodyElseDoes()
    {
        var client = await app.SignedInClientAsync("office");
        var (sun, cell, branch, department) = await app.WithDbAsync(async db => (
            await db.People.Where(p => p.Name == "孙磊").Select(p => new { p.Id, p.BranchId }).SingleAsync(),
            await db.OrgUnits.Where(u => u.Code == "KJJ-JGDZB-2").Select(u => u.Id).SingleAsync(),
            await db.OrgUnits.Where(u => u.Code == "KJJ-JGDZB").Select(u => u.Id).SingleAsync(),
            await db.OrgUnits.Where(u => u.Code == "KJJ-GXJS").Select(u => u.Id).SingleAsync()));
        var firstCell = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-JGDZB-1").Select(u => (Guid?)u.Id).SingleAsync());
        sun.BranchId.ShouldBe(firstCell, "the demo puts 高新技术科 in the first 党小组");
        (await app.WithDbAsync(db => db.People.Where(p => p.Name == "王建国").Select(p => p.BranchId).SingleAsync())).ShouldBe(firstCell, "a leader too: 双重组织生活");
        (await app.WithDbAsync(db => db.People.Where(p => p.Name == "沈佳").Select(p => p.BranchId).SingleAsync())).ShouldBeNull("群众 sit in no branch");

        var form = await FormAsync(client, sun.Id);
        form["Input.BranchId"].ShouldBe(firstCell.ToString());
        var notABranch = await PostAsync(client, sun.Id, new Dictionary<string, string>(form) { ["Input.BranchId"] = department.ToString() });
        (await notABranch.ParseAsync()).ErrorsText().ShouldContain("所在党组织须是在用的党支部、党总支或党小组");
        var nonMember = await PostAsync(client, sun.Id, new Dictionary<string, string>(form) { ["Input.PartyStatus"] = "NonMember", ["Input.JoinedPartyOn"] = "", ["Input.FullMemberOn"] = "" });
        (await nonMember.ParseAsync()).ErrorsText().ShouldContain("入党积极分子和群众不填所在党组织");
        (await app.WithDbAsync(db => db.People.Where(p => p.Id == sun.Id).Select(p => p.BranchId).SingleAsync())).ShouldBe(firstCell, "nothing saved from a refused form");

        var moved = await PostAsync(client, sun.Id, new Dictionary<string, string>(form) { ["Input.BranchId"] = cell.ToString() });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await moved.ParseAsync()).ErrorsText());
        (await client.GetDocumentAsync($"/Organization/People/Details?id={sun.Id}")).QuerySelector("[data-testid=branch]")!.TextContent.ShouldBe("第二党小组");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == sun.Id.ToString() && e.Action == "update" && e.After!.Contains(cell.ToString())))).ShouldBeTrue();
        var members = await client.GetDocumentAsync($"/Organization/People?unit={cell}");
        members.QuerySelector("[data-testid=people]")!.TextContent.ShouldContain("孙磊", Case.Sensitive, "choosing a 党小组 lists its members, whatever department they work in");
        var retired = await PostAsync(client, sun.Id, new Dictionary<string, string>(await FormAsync(client, sun.Id)) { ["Input.BranchId"] = branch.ToString() });
        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the branch itself is a valid 所在党组织");
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpClient client, string name, string? idNumber, string? phone)
    {
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ-BGS").Select(u => u.Id).SingleAsync());
        return await client.PostFormAsync($"/Organization/People/Edit?unitId={unit}", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.OrgUnitId"] = unit.ToString(),
            ["Input.Gender"] = "Unknown",
            ["Input.PartyStatus"] = "Full",
            ["Input.PostRank"] = "Staff",
            ["Input.IdNumber"] = idNumber ?? "",
            ["Input.Phone"] = phone ?? "",
        });
    }

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, Guid id) =>
        Fields(await client.GetDocumentAsync($"/Organization/People/Edit?id={id}"));

    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var form = page.Forms.First(f => !(f.GetAttribute("action") ?? "").Contains("Logout", StringComparison.Ordinal));
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type");
            if (type == "checkbox" && !input.HasAttribute("checked"))
            {
                continue;
            }

            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var select in form.QuerySelectorAll("select[name]"))
        {
            fields[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? select.QuerySelector("option")?.GetAttribute("value") ?? "";
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/Organization/People/Edit?id={id}", UriKind.Relative), content);
    }

    /// <summary>Every column of the person's row as the database stores it, read without EF.</summary>
    private Task<string> RawRowAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"People\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (values.Any(v => v is not null && v.Equals(id.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                rows.Add(string.Join("|", values));
            }
        }

        rows.Count.ShouldBe(1);
        return rows[0];
    });
}
