using System.Globalization;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Platform.Data;

/// <summary>
/// Instances on one database (one key ring in it) that poll each other every half second, with the figure cache kept
/// for ten minutes: whatever reaches the other instance within the test did so through the poll, not by expiry.
/// </summary>
public class PollingInstancesFactory : AppFactory
{
    public PollingInstancesFactory()
    {
    }

    protected PollingInstancesFactory(TestDatabase shared)
        : base(shared)
    {
    }

    /// <summary>Another instance on this one's database.</summary>
    public PollingInstancesFactory SecondInstance() => new Second(Database);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:Store"] = "Database",
        ["Instances:PollSeconds"] = "0.5",
        ["Figures:CacheSeconds"] = "600",
    };

    private sealed class Second(TestDatabase shared) : PollingInstancesFactory(shared);
}

/// <summary>What one instance saves, the other enforces and shows within seconds (the documented two instances behind nginx).</summary>
public sealed class InstanceSyncTests(PollingInstancesFactory app) : IClassFixture<PollingInstancesFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [DbFact]
    public async Task ASecurityPolicySavedOnOneInstanceIsEnforcedByTheOtherWithinSeconds()
    {
        _ = app.Server;
        await using var second = app.SecondInstance();
        _ = second.Server;
        var userName = await app.CreateUserAsync([Roles.Member]);
        var policyOnSecond = second.Services.GetRequiredService<SecurityPolicy>();
        policyOnSecond.Current.LockoutThreshold.ShouldBe(5, "the configured default before the change");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var policy = scope.ServiceProvider.GetRequiredService<SecurityPolicy>();
            var tightened = policy.Snapshot();
            (tightened.LockoutThreshold, tightened.IdleTimeoutMinutes, tightened.PasswordMinLength) = (3, 7, 12);
            var errors = await policy.SaveAsync(scope.ServiceProvider.GetRequiredService<Dangjian.Web.Platform.Data.AppDbContext>(), tightened, null);
            errors.ShouldBeEmpty();
        }

        // The policy's fields are copied one by one on the polling thread: wait for the last of them.
        (await EventuallyAsync(() => Task.FromResult(policyOnSecond.Current.LockoutThreshold == 3 && policyOnSecond.Current.IdleTimeoutMinutes == 7)))
            .ShouldBeTrue("the second instance loads the saved policy");
        policyOnSecond.Current.PasswordMinLength.ShouldBe(12);
        second.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme)
            .ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(7), "the idle timeout of the second instance's sign-in cookie");

        // Enforced there: three wrong passwords sent to the second instance lock the account (five did before).
        var client = second.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            await client.PostLoginAsync(userName, "Wrong-Passw0rd!");
        }

        (await second.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!)))
            .ShouldBeTrue("locked out after the tightened threshold on the instance that did not save it");
    }

    [DbFact]
    public async Task FiguresCachedOnOneInstanceAreCountedAgainAfterASaveOnTheOther()
    {
        _ = app.Server;
        await using var second = app.SecondInstance();
        _ = second.Server;
        var campaignId = await app.DemoCampaignIdAsync();
        var office = await second.SignedInClientAsync("office");
        var url = new Uri($"/Rectification?campaignId={campaignId}", UriKind.Relative);
        var before = await office.GetStringAsync(url);
        var items = Stat(before, "items");
        Stat(await office.GetStringAsync(url), "items").ShouldBe(items, "kept in the second instance's cache");

        // Saved on the first instance: an item in the 整改台账 and a campaign for the picker.
        const string added = "另一实例新建的活动";
        await app.WithDbAsync(async db =>
        {
            var existing = await db.RectificationItems.Where(i => i.CampaignId == campaignId && i.ParentId == null).OrderBy(i => i.CreatedAt).FirstAsync();
            db.RectificationItems.Add(new RectificationItem
            {
                CampaignId = campaignId, Title = "另一实例新增的整改事项", LeaderPersonId = existing.LeaderPersonId, DepartmentId = existing.DepartmentId,
                StartsOn = existing.StartsOn, DueOn = existing.DueOn, Horizon = existing.Horizon, Status = ItemStatus.InProgress,
            });
            return await db.SaveChangesAsync();
        });
        await app.AddCampaignAsync(added);

        var recounted = await EventuallyAsync(async () =>
        {
            var page = await office.GetStringAsync(url);
            return Stat(page, "items") == items + 1 && page.Contains(added, StringComparison.Ordinal);
        });
        recounted.ShouldBeTrue("the second instance counts the 整改台账 and lists the campaigns again");
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }

    private static int Stat(string html, string testId)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return int.Parse(document.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim(), CultureInfo.InvariantCulture);
    }
}
