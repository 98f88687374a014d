using System.Net;
using AngleSharp.Html.Dom;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Organization;

/// <summary>Accounts from the roster: one action for a unit, slips with one-time codes, the forced first password, and the end of an account.</summary>
public sealed class RosterAccountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheOfficeCreatesAccountsForAWholeUnitPrintsSlipsAndARerunSkipsThem()
    {
        var client = await app.SignedInClientAsync("office");
        var unit = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == "KJJ-ZCFG"));
        var roster = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnitId == unit.Id).Select(p => p.Id).ToListAsync());
        var having = await app.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId != null && roster.Contains(u.PersonId.Value)));
        roster.Count.ShouldBeGreaterThan(having);

        var review = await (await client.PostHandlerAsync($"/Organization/Accounts?unit={unit.Id}", "Review", new Dictionary<string, string> { ["all"] = "true" })).ParseAsync();

        var names = review.QuerySelectorAll("input[name=userNames]").Select(i => i.GetAttribute("value")!).ToList();
        names.Count.ShouldBe(roster.Count - having);
        names.ShouldAllBe(n => n.StartsWith("kjj-zcfg-", StringComparison.Ordinal));
        names.Distinct().Count().ShouldBe(names.Count);
        var ids = review.QuerySelectorAll("input[name=personIds]").Select(i => i.GetAttribute("value")!).ToList();
        names[0] = "zcfg.first";

        var slips = await CreateAsync(client, unit.Id, ids, names);

        slips.QuerySelector("[data-testid=counts]")!.TextContent.ShouldContain($"新开通{names.Count}个账号；已有账号跳过0人；未开通0人");
        var slip = slips.QuerySelectorAll("[data-testid=slip]").ToList();
        slip.Count.ShouldBe(names.Count);
        slip[0].QuerySelector("[data-testid=slip-user]")!.TextContent.ShouldBe("zcfg.first");
        slip[0].TextContent.ShouldContain("政策法规科");
        slip[0].QuerySelector("img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        slip[0].QuerySelector("[data-testid=slip-valid]")!.TextContent.ShouldBe(app.Today.AddDays(7).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture));
        slips.QuerySelector("[data-print]").ShouldNotBeNull();
        var code = slip[0].QuerySelector("[data-testid=slip-code]")!.TextContent.Trim();
        // Read off paper and typed on a phone: three groups of four, no 0/O or 1/l/I.
        code.ShouldMatch("^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$");
        var firstName = slip[0].QuerySelector("[data-testid=slip-name]")!.TextContent;
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "zcfg.first"));
        user.MustChangePassword.ShouldBeTrue();
        user.DisplayName.ShouldBe(firstName);
        user.PasswordHash!.ShouldNotContain(code);
        (await app.WithUsersAsync(async users => (await users.GetRolesAsync(user)).Single())).ShouldBe(Roles.Member);
        (await app.WithUsersAsync(users => users.CheckPasswordAsync(user, code))).ShouldBeTrue();
        (await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.Value == code))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.After!.Contains(code) || e.Summary!.Contains(code)))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "user-admin" && e.Summary!.StartsWith("为 ") && e.Summary.Contains("kjj-zcfg-")))).ShouldBeGreaterThanOrEqualTo(names.Count - 1);
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Summary == $"按花名册开通账号：新开通{names.Count}个，已有账号跳过0人，未开通0人"))).ShouldBeTrue();

        var again = await (await client.PostHandlerAsync($"/Organization/Accounts?unit={unit.Id}", "Review", new Dictionary<string, string> { ["all"] = "true" })).ParseAsync();
        again.QuerySelectorAll("input[name=userNames]").ShouldBeEmpty();
        again.QuerySelector("[data-testid=already]")!.TextContent.ShouldContain($"{roster.Count}人已有账号");
        var rerun = await CreateAsync(client, unit.Id, ids, names.Select(n => n + "x").ToList());
        rerun.QuerySelector("[data-testid=counts]")!.TextContent.ShouldContain($"新开通0个账号；已有账号跳过{names.Count}人");
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId != null && roster.Contains(u.PersonId.Value)))).ShouldBe(roster.Count);
    }

    [DbFact]
    public async Task CheckedPeopleGetRolesByPostRankAndBadUserNamesAreReportedInChinese()
    {
        var client = await app.SignedInClientAsync("office");
        var leader = await app.WithDbAsync(db => db.People.Where(p => p.Name == "张志强").Select(p => new { p.Id, p.PostRank }).SingleAsync());
        leader.PostRank.ShouldBe(PostRank.TeamMember);
        var staff = await app.WithDbAsync(db => db.People.Where(p => (p.OrgUnit!.Code == "KJJ-NCKJ" || p.OrgUnit.Code == "KJJ-BGS") && p.PostRank != PostRank.TeamMember && !db.Users.Any(u => u.PersonId == p.Id)).OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync());
        staff.Count.ShouldBe(2);

        var slips = await CreateAsync(client, null, [leader.Id.ToString(), staff[0].ToString(), staff[1].ToString()], ["zzq-leader", "坏 名字", "zzq-leader"]);

        slips.QuerySelector("[data-testid=counts]")!.TextContent.ShouldContain("新开通1个账号；已有账号跳过0人；未开通2人");
        var problems = slips.QuerySelector("[data-testid=problems]")!.TextContent;
        problems.ShouldContain("用户名只能包含英文字母、数字和 . _ - @。");
        problems.ShouldContain("用户名“zzq-leader”已被使用。");
        var account = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "zzq-leader"));
        account.PersonId.ShouldBe(leader.Id);
        (await app.WithUsersAsync(async users => (await users.GetRolesAsync(account)).Single())).ShouldBe(Roles.Leader);
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId == staff[0] || u.PersonId == staff[1]))).ShouldBe(0);
    }

    [DbTheory]
    [InlineData("leader")]
    [InlineData("member")]
    [InlineData("unit")]
    [InlineData("supervisor")]
    public async Task RolesThatDoNotKeepAccountsAreRefused(string role)
    {
        var client = await app.SignedInClientAsync(role);
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnit!.Code == "KJJ-RSJY" && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).FirstAsync());

        var page = await client.GetAsync(new Uri("/Organization/Accounts", UriKind.Relative));
        var token = (await (await client.GetAsync(new Uri("/", UriKind.Relative))).ParseAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var form = new FormUrlEncodedContent([new("personIds", person.ToString()), new("userNames", "denied-" + role), new("__RequestVerificationToken", token)]);
        var post = await client.PostAsync(new Uri("/Organization/Accounts?handler=Create", UriKind.Relative), form);

        page.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (page.StatusCode == HttpStatusCode.Redirect)
        {
            page.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        }

        post.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "denied-" + role || u.PersonId == person))).ShouldBeFalse();
    }

    [DbFact]
    public async Task TheSystemAdministratorCreatesAccountsButTheSecurityAdministratorMayNot()
    {
        var sysadmin = await app.AdminClientAsync(Roles.SystemAdmin);
        var secadmin = await app.AdminClientAsync(Roles.SecurityAdmin);
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnit!.Code == "KJJ-SCL" && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).FirstAsync());

        (await secadmin.GetAsync(new Uri("/Organization/Accounts", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var slips = await CreateAsync(sysadmin, null, [person.ToString()], ["scl-by-sysadmin"]);

        slips.QuerySelectorAll("[data-testid=slip]").Length.ShouldBe(1);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "scl-by-sysadmin" && u.PersonId == person))).ShouldBeTrue();
    }

    [DbFact]
    public async Task TheFirstSignInWithTheSlipForcesANewPasswordAndTheCodeThenStopsWorking()
    {
        var office = await app.SignedInClientAsync("office");
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnit!.Code == "KJJ-JHCW" && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).FirstAsync());
        var slips = await CreateAsync(office, null, [person.ToString()], ["jhcw-first"]);
        var code = slips.QuerySelector("[data-testid=slip-code]")!.TextContent.Trim();
        var member = app.CreateBrowserLikeClient();

        await member.SignInAsync("jhcw-first", code);
        var home = await member.GetAsync(new Uri("/", UriKind.Relative));
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldContain("/Account/ChangePassword");
        var weak = await member.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string> { ["Input.CurrentPassword"] = code, ["Input.NewPassword"] = "abc", ["Input.ConfirmPassword"] = "abc" });
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weak.ParseAsync()).ErrorsText().ShouldContain("密码至少需要");
        var changed = await member.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string> { ["Input.CurrentPassword"] = code, ["Input.NewPassword"] = "Qingfeng#2026x", ["Input.ConfirmPassword"] = "Qingfeng#2026x" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var withCode = await app.CreateBrowserLikeClient().PostLoginAsync("jhcw-first", code);
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.CreateBrowserLikeClient().SignInAsync("jhcw-first", "Qingfeng#2026x");
        (await app.WithDbAsync(db => db.UserTokens.AnyAsync(t => t.Name == RosterAccounts.ExpiryTokenName && db.Users.Any(u => u.Id == t.UserId && u.UserName == "jhcw-first")))).ShouldBeFalse();
    }

    [DbFact]
    public async Task AnExpiredCodeIsRefusedAndReprintingIssuesANewOne()
    {
        var office = await app.SignedInClientAsync("office");
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnit!.Code == "KJJ-GXJS" && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).FirstAsync());
        var old = (await CreateAsync(office, null, [person.ToString()], ["gxjs-late"])).QuerySelector("[data-testid=slip-code]")!.TextContent.Trim();
        app.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var late = await app.CreateBrowserLikeClient().PostLoginAsync("gxjs-late", old);
            late.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await late.ParseAsync()).ErrorsText().ShouldContain("首次登录码已过期");

            var later = await app.SignedInClientAsync("office");
            var reprint = await (await later.PostHandlerAsync("/Organization/Accounts", "Reissue", new Dictionary<string, string> { ["personIds"] = person.ToString() })).ParseAsync();
            var fresh = reprint.QuerySelector("[data-testid=slip-code]")!.TextContent.Trim();
            fresh.ShouldNotBe(old);
            reprint.QuerySelector("[data-testid=slip-user]")!.TextContent.ShouldBe("gxjs-late");
            (await app.CreateBrowserLikeClient().PostLoginAsync("gxjs-late", old)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.CreateBrowserLikeClient().SignInAsync("gxjs-late", fresh);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-8));
        }
    }

    [DbFact]
    public async Task DeletingAPersonFromTheRosterDisablesTheirAccount()
    {
        var office = await app.SignedInClientAsync("office");
        var person = await app.WithDbAsync(db => db.People.Where(p => p.OrgUnit!.Code == "KJJ-SHFZ" && !db.Users.Any(u => u.PersonId == p.Id)).Select(p => p.Id).FirstAsync());
        var code = (await CreateAsync(office, null, [person.ToString()], ["shfz-leaving"])).QuerySelector("[data-testid=slip-code]")!.TextContent.Trim();
        var member = app.CreateBrowserLikeClient();
        await member.SignInAsync("shfz-leaving", code);

        var delete = await office.PostHandlerAsync($"/Organization/People/Details?id={person}", "Delete");

        delete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "shfz-leaving").Select(u => u.IsDisabled).SingleAsync())).ShouldBeTrue();
        var again = await app.CreateBrowserLikeClient().PostLoginAsync("shfz-leaving", code);
        (await again.ParseAsync()).ErrorsText().ShouldContain("该账户已停用");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Summary!.Contains("停用其账号 shfz-leaving")))).ShouldBeTrue();
    }

    private static async Task<IHtmlDocument> CreateAsync(HttpClient client, Guid? unit, IReadOnlyList<string> personIds, IReadOnlyList<string> userNames)
    {
        var page = await client.GetDocumentAsync("/Organization/Accounts");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = personIds.Select(p => new KeyValuePair<string, string>("personIds", p))
            .Concat(userNames.Select(u => new KeyValuePair<string, string>("userNames", u)))
            .Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/Organization/Accounts?handler=Create" + (unit is null ? "" : $"&unit={unit}"), UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return await response.ParseAsync();
    }
}
