using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Admin;

public sealed class AdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task SystemAdministratorCreatesAnAccountWhoseFirstSignInForcesANewPassword()
    {
        var admin = await app.AdminClientAsync(Roles.SystemAdmin);
        var person = await app.WithDbAsync(db => db.People.Where(p => p.Name == "冯静").Select(p => p.Id).SingleAsync());

        var created = await admin.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.UserName"] = "fengjing", ["Input.DisplayName"] = "冯静", ["Input.SelectedRoles"] = Roles.Member, ["Input.PersonId"] = person.ToString(),
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.GetDocumentAsync(created.Headers.Location!.OriginalString);
        var temporary = page.QuerySelector("[data-testid=temporary-password]")!.TextContent.Trim();
        temporary.Length.ShouldBe(14, "three groups of four joined by “-”");
        var user = app.CreateBrowserLikeClient();
        await user.SignInAsync("fengjing", temporary);
        (await user.GetAsync(new Uri("/", UriKind.Relative))).Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "user-admin" && e.Summary == "新建用户 fengjing"))).ShouldBeTrue();
    }

    [DbFact]
    public async Task TwoAdministratorDutiesOnOneAccountAreRefused()
    {
        var admin = await app.AdminClientAsync(Roles.SystemAdmin);
        using var content = new FormUrlEncodedContent(
        [
            new("Input.UserName", "twohats"), new("Input.DisplayName", "两职"),
            new("Input.SelectedRoles", Roles.SystemAdmin), new("Input.SelectedRoles", Roles.AuditAdmin),
            new("__RequestVerificationToken", (await admin.GetDocumentAsync("/Admin/Users/Edit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]);

        var response = await admin.PostAsync(new Uri("/Admin/Users/Edit", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).ErrorsText().ShouldContain("三员分立");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "twohats"))).ShouldBeFalse();
    }

    [DbFact]
    public async Task ResetUnlockAndDisableWorkAndAreAudited()
    {
        var admin = await app.AdminClientAsync(Roles.SystemAdmin);
        var target = await app.CreateUserAsync([Roles.Member]);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == target).Select(u => u.Id).SingleAsync());
        var stranger = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await stranger.PostLoginAsync(target, "wrong-Passw0rd");
        }

        await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", new Dictionary<string, string>(), action: "handler=Unlock");
        await app.CreateBrowserLikeClient().SignInAsync(target, "Passw0rd!x");
        await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", new Dictionary<string, string>(), action: "handler=ResetPassword");
        var temporary = (await admin.GetDocumentAsync($"/Admin/Users/Edit?id={id}")).QuerySelector("[data-testid=temporary-password]");
        var again = (await admin.GetDocumentAsync($"/Admin/Users/Edit?id={id}")).QuerySelector("[data-testid=temporary-password]");
        await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", new Dictionary<string, string>(), action: "handler=Disable");
        // The account's state is told only to whoever gives its (temporary) password.
        var disabled = await app.CreateBrowserLikeClient().PostLoginAsync(target, temporary!.TextContent.Trim());

        temporary.ShouldNotBeNull();
        again.ShouldBeNull("the temporary password is shown once, on the page right after the reset");
        (await disabled.ParseAsync()).ErrorsText().ShouldContain("已停用");
        var summaries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "user-admin" && e.ObjectId == id.ToString()).Select(e => e.Summary).ToListAsync());
        summaries.ShouldContain($"解锁 {target}");
        summaries.ShouldContain($"重置 {target} 的密码");
        summaries.ShouldContain($"停用 {target}");
    }

    [DbFact]
    public async Task SecurityAdministratorChangesARolesPermissionsButCannotHandOutAdministratorDuties()
    {
        var security = await app.AdminClientAsync(Roles.SecurityAdmin);
        var observer = await app.CreateUserAsync([Roles.Observer]);

        var grant = await security.PostFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = Roles.Observer, ["granted"] = "org.view" }, action: null);
        grant.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var content = new FormUrlEncodedContent(
        [
            new("role", Roles.Observer), new("granted", "org.view"), new("granted", "audit.view"),
            new("__RequestVerificationToken", (await security.GetDocumentAsync("/Admin/Roles")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        ]))
        {
            await security.PostAsync(new Uri("/Admin/Roles", UriKind.Relative), content);
        }

        var page = await security.GetDocumentAsync("/Admin/Roles");
        page.QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("不能授予业务角色");
        var granted = await app.WithDbAsync(db => (from c in db.RoleClaims join r in db.Roles on c.RoleId equals r.Id where r.Name == Roles.Observer && c.ClaimType == "perm" select c.ClaimValue).ToListAsync());
        granted.ShouldBe(["org.view"]);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(observer, "Passw0rd!x");
        (await client.GetAsync(new Uri("/Audit", UriKind.Relative))).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        var adminRole = await security.PostFormAsync("/Admin/Roles", new Dictionary<string, string> { ["role"] = Roles.AuditAdmin, ["granted"] = "org.view" });
        (await security.GetDocumentAsync("/Admin/Roles")).QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("不能修改");
        _ = adminRole;
    }
}

/// <summary>Its own application, because the policy applies process-wide.</summary>
public sealed class PolicyAppFactory : AppFactory;

public sealed class SecurityPolicyTests(PolicyAppFactory app) : IClassFixture<PolicyAppFactory>
{
    [DbFact]
    public async Task PolicyChangesApplyAtOnceAreValidatedAndAudited()
    {
        var security = await app.AdminClientAsync(Roles.SecurityAdmin);
        var fields = new Dictionary<string, string>
        {
            ["Input.PasswordMinLength"] = "10", ["Input.PasswordMinClasses"] = "3", ["Input.PasswordHistory"] = "5", ["Input.PasswordExpiryDays"] = "90",
            ["Input.LockoutThreshold"] = "3", ["Input.LockoutMinutes"] = "15", ["Input.IdleTimeoutMinutes"] = "30", ["Input.ApiTokenMaxDays"] = "365",
        };

        var weak = new Dictionary<string, string>(fields) { ["Input.LockoutThreshold"] = "50", ["Input.IdleTimeoutMinutes"] = "600" };
        var refused = await security.PostFormAsync("/Admin/Policy", weak);
        var errors = (await refused.ParseAsync()).ErrorsText();
        errors.ShouldContain("3到10次");
        errors.ShouldContain("5到60分钟");

        (await security.PostFormAsync("/Admin/Policy", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await app.CreateUserAsync([Roles.Member], "Passw0rd!xyz");
        var client = app.CreateBrowserLikeClient();
        string last = "";
        for (var i = 0; i < 3; i++)
        {
            last = (await (await client.PostLoginAsync(user, "wrong-Passw0rd")).ParseAsync()).ErrorsText();
        }

        last.ShouldContain("连续错误3次");
        var shortPassword = await app.WithUsersAsync(async users => await users.CreateAsync(new AppUser { UserName = "short" }, "Abcdef1!x"));
        shortPassword.Errors.ShouldContain(e => e.Description.Contains("至少需要10个字符", StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectType == "SecuritySettings"))).ShouldBeTrue();
    }
}
