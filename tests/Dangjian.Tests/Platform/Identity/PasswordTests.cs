using System.Net;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Platform.Identity;

public sealed class PasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Initial = "Passw0rd!x";

    [DbFact]
    public async Task NewAccountMustChangeItsPasswordBeforeAnythingElse()
    {
        var user = await app.CreateUserAsync([Roles.Member], Initial, mustChangePassword: true);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, Initial);

        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword");
        var api = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).ShouldContain("请先修改密码");
        (await client.GetDocumentAsync("/Account/ChangePassword")).QuerySelector("[data-testid=forced]").ShouldNotBeNull();

        var changed = await ChangeAsync(client, Initial, "Neues-Passw0rt");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var flags = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.MustChangePassword).SingleAsync());
        flags.ShouldBeFalse();
    }

    /// <summary>Someone who scanned a meeting's sign-in link before their first sign-in lands back on it once the password is set.</summary>
    [DbFact]
    public async Task ThePasswordStepReturnsToThePageThePersonWasOpeningAndOnlyToALocalOne()
    {
        var user = await app.CreateUserAsync([Roles.Member], Initial, mustChangePassword: true);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, Initial);

        var scanned = await client.GetAsync(new Uri("/Study/My?tab=notes", UriKind.Relative));
        scanned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var step = scanned.Headers.Location!.OriginalString;
        step.ShouldBe("/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString("/Study/My?tab=notes"));
        var form = await client.GetDocumentAsync(step);
        form.QuerySelector("form:not([action])").ShouldNotBeNull("the form posts back to the address with its returnUrl");

        var wrong = await client.PostFormAsync(step, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Not-the-current1",
            ["Input.NewPassword"] = "Neues-Passw0rt",
            ["Input.ConfirmPassword"] = "Neues-Passw0rt",
        });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.ParseAsync()).ErrorsText().ShouldContain("当前密码不正确");

        var changed = await client.PostFormAsync(step, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Initial,
            ["Input.NewPassword"] = "Neues-Passw0rt",
            ["Input.ConfirmPassword"] = "Neues-Passw0rt",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        changed.Headers.Location!.OriginalString.ShouldBe("/Study/My?tab=notes");

        var other = await app.CreateUserAsync([Roles.Member], Initial, mustChangePassword: true);
        var outsider = app.CreateBrowserLikeClient();
        await outsider.SignInAsync(other, Initial);
        var offsite = await outsider.PostFormAsync("/Account/ChangePassword?returnUrl=" + Uri.EscapeDataString("https://evil.example/"), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Initial,
            ["Input.NewPassword"] = "Neues-Passw0rt",
            ["Input.ConfirmPassword"] = "Neues-Passw0rt",
        });
        offsite.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [DbTheory]
    [InlineData(Initial, "Passw0rd!x", "Passw0rd!x", "最近5次")]
    [InlineData(Initial, "abcdefgh", "abcdefgh", "至少3类")]
    [InlineData(Initial, "Ab1!", "Ab1!", "至少需要8个字符")]
    [InlineData(Initial, "Another-Passw0rd", "Another-Passw0rt", "两次输入的新密码不一致")]
    [InlineData("Not-the-current1", "Another-Passw0rd", "Another-Passw0rd", "当前密码不正确")]
    public async Task BadNewPasswordsAreRefusedWithAReason(string current, string next, string confirm, string message)
    {
        var user = await app.CreateUserAsync([Roles.Member], Initial);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, Initial);

        var response = await client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, response.Headers.Location?.OriginalString);
        (await response.ParseAsync()).ErrorsText().ShouldContain(message);
        (await app.CreateBrowserLikeClient().PostLoginAsync(user, Initial)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the old password still works: nothing was half-saved");
    }

    [DbFact]
    public async Task TheLastFivePasswordsCannotBeReusedButTheSixthCan()
    {
        var user = await app.CreateUserAsync([Roles.Member], "Passw0rd!0");
        await app.WithUsersAsync(async users =>
        {
            var account = (await users.FindByNameAsync(user))!;
            for (var i = 1; i <= 5; i++)
            {
                (await users.ChangePasswordAsync(account, $"Passw0rd!{i - 1}", $"Passw0rd!{i}")).Succeeded.ShouldBeTrue();
            }

            var reuse = await users.ChangePasswordAsync(account, "Passw0rd!5", "Passw0rd!1");
            reuse.Succeeded.ShouldBeFalse();
            reuse.Errors.Single().Description.ShouldContain("最近5次");
            (await users.ChangePasswordAsync(account, "Passw0rd!5", "Passw0rd!0")).Succeeded.ShouldBeTrue();
            return 0;
        });
        var kept = await app.WithDbAsync(db => db.PasswordHistory.CountAsync(h => db.Users.Any(u => u.Id == h.UserId && u.UserName == user)));
        kept.ShouldBe(5);
    }

    [DbFact]
    public async Task ExpiredPasswordMustBeChangedAtSignIn()
    {
        var user = await app.CreateUserAsync([Roles.Member], Initial);
        await app.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.UserName == user);
            account.PasswordChangedAt = DateTime.UtcNow.AddDays(-91);
            return await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, Initial);

        var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        home.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword");
        var events = await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.UserName == user).Select(e => e.Kind).ToListAsync());
        events.ShouldContain(SecurityEventKind.PasswordExpired);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        client.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
}
