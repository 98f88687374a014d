using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>A campaign in a selector, told apart from another of the same name by its dates and status.</summary>
public sealed record CampaignOption(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, CampaignStatus Status)
{
    public string Dates => $"{ChinaTime.DateText(StartsOn)}至{ChinaTime.DateText(EndsOn)}";

    public string Label => $"{Name}（{Dates}，{CampaignLabels.Of(Status)}）";
}

/// <summary>
/// The campaign selector of the per-campaign pages (talks, problems, rectification, meetings …) and of the top bar: the
/// campaigns the caller may see — run in their scope or by a unit above them — newest first, and the one asked for, else
/// the one last chosen (a cookie), else the running campaign the person takes part in, else the newest running one, else
/// the newest that has started — never an empty campaign still in preparation while another has run. The list is shared
/// by everyone of one scope through the figure cache and forgotten when a campaign is saved on this instance (every
/// campaign page shows it; at the province scale it was the costliest query of the 整改台账 but one).
/// </summary>
public sealed class CampaignPicker(AppDbContext db, ScopeGuard guard, FigureCache cache, CurrentUser me, IHttpContextAccessor http)
{
    private static readonly Type[] Listed = [typeof(Campaign)];

    private static readonly Type[] Membership = [typeof(Campaign), typeof(CampaignMember)];

    /// <summary>The cookie that remembers the campaign a person last chose (an id, checked against what they may see on every use).</summary>
    public const string CookieName = "dj.campaign";

    /// <summary>The campaign chosen for this request, for the top bar (<see cref="HttpContext.Items"/> key).</summary>
    private const string ChosenKey = "dj.campaign.chosen";

    public const int MaxListed = 200;

    public sealed record Pick(IReadOnlyList<CampaignOption> Campaigns, Campaign? Campaign);

    public Task<Pick> PickAsync(Guid? requested, CancellationToken ct = default) => PickAsync(requested, "campaigns", Visible, ct);

    /// <summary>
    /// The same selector over a narrower set of campaigns (the listening pages list only those whose material the caller
    /// reads); <paramref name="name"/> keys the cached list, so each set is cached apart.
    /// </summary>
    public async Task<Pick> PickAsync(Guid? requested, string name, Func<AppDbContext, DataScope, IQueryable<Campaign>> visibleTo, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(visibleTo);
        var scope = await guard.ScopeAsync(ct);
        var visible = visibleTo(db, scope);
        var list = await ListAsync(name, visibleTo, scope, ct);
        var id = await ChooseAsync(list, requested, ct);
        if (id is { } chosen)
        {
            if (requested == chosen)
            {
                Remember(chosen);
            }

            if (http.HttpContext is { } context)
            {
                context.Items[ChosenKey] = chosen;
            }
        }

        return new Pick(list, id is { } c ? await visible.SingleOrDefaultAsync(x => x.Id == c, ct) : null);
    }

    /// <summary>The top bar's switcher: the campaigns the caller may see and the current one (the page's own choice when it made one).</summary>
    public async Task<(IReadOnlyList<CampaignOption> Campaigns, Guid? Current)> SwitcherAsync(CancellationToken ct = default)
    {
        var scope = await guard.ScopeAsync(ct);
        var list = await ListAsync("campaigns", Visible, scope, ct);
        var current = http.HttpContext?.Items[ChosenKey] is Guid chosen && list.Any(c => c.Id == chosen) ? chosen : await ChooseAsync(list, null, ct);
        return (list, current);
    }

    /// <summary>Whether <paramref name="id"/> is a campaign the caller may see; if so it becomes their current campaign.</summary>
    public async Task<bool> SwitchAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await guard.ScopeAsync(ct);
        var list = await ListAsync("campaigns", Visible, scope, ct);
        if (list.All(c => c.Id != id))
        {
            return false;
        }

        Remember(id);
        return true;
    }

    private Task<IReadOnlyList<CampaignOption>> ListAsync(string name, Func<AppDbContext, DataScope, IQueryable<Campaign>> visibleTo, DataScope scope, CancellationToken ct) =>
        cache.GetAsync($"{name}:{scope.Key}", async (services, token) => (IReadOnlyList<CampaignOption>)await visibleTo(services.GetRequiredService<AppDbContext>(), scope)
            .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Select(c => new CampaignOption(c.Id, c.Title, c.StartsOn, c.EndsOn, c.Status)).Take(MaxListed).ToListAsync(token), Listed, ct);

    private async Task<Guid?> ChooseAsync(IReadOnlyList<CampaignOption> list, Guid? requested, CancellationToken ct)
    {
        if (list.Count == 0)
        {
            return null;
        }

        if (list.Any(c => c.Id == requested))
        {
            return requested;
        }

        if (Remembered() is { } remembered && list.Any(c => c.Id == remembered))
        {
            return remembered;
        }

        var running = list.Where(c => c.Status == CampaignStatus.Running).ToList();
        // Asked whenever something runs (not only when several do), so a page sends as many commands on a city as on a bureau.
        if (running.Count > 0 && await me.GetPersonIdAsync(ct) is { } person)
        {
            var mine = await cache.GetAsync($"my-campaigns:{person}", async (services, token) => (IReadOnlyList<Guid>)await services.GetRequiredService<AppDbContext>().CampaignMembers
                .Where(m => m.PersonId == person).Select(m => m.CampaignId).Distinct().ToListAsync(token), Membership, ct);
            if (running.FirstOrDefault(c => mine.Contains(c.Id)) is { } taking)
            {
                return taking.Id;
            }
        }

        return (running.FirstOrDefault() ?? list.FirstOrDefault(c => c.Status != CampaignStatus.Preparing) ?? list[0]).Id;
    }

    private Guid? Remembered() =>
        http.HttpContext?.Request.Cookies[CookieName] is { } value && Guid.TryParse(value, out var id) ? id : null;

    private void Remember(Guid id)
    {
        if (http.HttpContext is not { } context || Remembered() == id || context.Response.HasStarted)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, id.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(180),
        });
    }

    private static IQueryable<Campaign> Visible(AppDbContext db, DataScope scope) =>
        db.Campaigns.AsNoTracking().InScopeOrAbove(scope, c => c.ScopeUnit!.Path);
}
