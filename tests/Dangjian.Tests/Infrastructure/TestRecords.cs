using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Infrastructure;

/// <summary>
/// Small records a test adds for itself (beside <see cref="TestCampaigns.AddCampaignAsync"/>), so it can assert on what it
/// made rather than on the demo's numbers: each adds the minimum valid row, <paramref name="with"/> sets anything else,
/// and each returns the new id.
/// </summary>
public static class TestRecords
{
    /// <summary>A department under the demo bureau (or under <paramref name="parentId"/>).</summary>
    public static Task<Guid> AddUnitAsync(this AppFactory app, string name, Guid? parentId = null, Action<OrgUnit>? with = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var parent = parentId is { } id ? await db.OrgUnits.SingleAsync(u => u.Id == id) : await db.OrgUnits.SingleAsync(u => u.Code == "KJJ");
            var unit = new OrgUnit { Name = name, Code = $"T{Guid.NewGuid():N}"[..12], Kind = OrgUnitKind.Department };
            unit.PlaceUnder(parent);
            with?.Invoke(unit);
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
    }

    /// <summary>A party member on the roster of <paramref name="unitId"/> (the demo bureau when not given).</summary>
    public static Task<Guid> AddPersonAsync(this AppFactory app, string name, Guid? unitId = null, Action<Person>? with = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var person = new Person
            {
                Name = name, Gender = Gender.Female, OrgUnitId = unitId ?? await db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync(),
                PostRank = PostRank.Staff, PartyStatus = PartyStatus.Full,
            };
            with?.Invoke(person);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
    }

    /// <summary>An opinion received today by letter, a suggestion unless <paramref name="with"/> says otherwise.</summary>
    public static Task<Guid> AddOpinionAsync(this AppFactory app, Guid campaignId, string text, Action<Opinion>? with = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var opinion = new Opinion { CampaignId = campaignId, Channel = Channel.Letter, ReceivedOn = app.Today, Text = text, Nature = Nature.Suggestion };
            with?.Invoke(opinion);
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            return opinion.Id;
        });
    }

    /// <summary>
    /// A rectification item of the campaign's own plan, from today to 30 days ahead, led by <paramref name="leaderId"/> and
    /// carried out by the campaign's unit; not published unless <paramref name="with"/> sets <see cref="RectificationItem.IsPublic"/>.
    /// </summary>
    public static Task<Guid> AddRectificationItemAsync(this AppFactory app, Guid campaignId, string title, Guid leaderId, Action<RectificationItem>? with = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithDbAsync(async db =>
        {
            var unitId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.ScopeUnitId).SingleAsync();
            var item = new RectificationItem { CampaignId = campaignId, Title = title, LeaderPersonId = leaderId, DepartmentId = unitId, StartsOn = app.Today, DueOn = app.Today.AddDays(30) };
            with?.Invoke(item);
            db.RectificationItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }
}
