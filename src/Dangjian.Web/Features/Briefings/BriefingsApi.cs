using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Briefings;

/// <summary>A campaign's briefings over <c>/api/v1</c>: every issue for its office and supervision group, the published ones for everyone else (observers included), by <see cref="Campaigns.DocumentAccess"/>.</summary>
public static class BriefingsApi
{
    public sealed record BriefingDto(Guid Id, int Number, string Title, string Status, DateOnly? SentOn, string? SentTo, DateTime? PublishedAt);

    public static RouteGroupBuilder MapBriefingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/briefings", ListAsync).WithTags("简报").WithSummary("某活动的简报（期号、标题、审核状态、报送、发布）").RequirePermission(Permissions.CampaignsView);
        return api;
    }

    private static async Task<Results<Ok<List<BriefingDto>>, NotFound>> ListAsync(AppDbContext db, Campaigns.DocumentAccess documents, BriefingAccess briefings, Guid campaignId, CancellationToken ct)
    {
        Campaigns.Campaign campaign;
        try
        {
            campaign = (await documents.CampaignAsync(campaignId, ct)).Campaign;
        }
        catch (Platform.Web.NotFoundException)
        {
            return TypedResults.NotFound();
        }

        var rights = await briefings.RightsAsync(campaign, ct);
        return TypedResults.Ok(await db.Briefings.AsNoTracking().Where(b => b.CampaignId == campaignId).WhereIf(!rights.ReadDrafts, b => b.PublishedAt != null)
            .OrderBy(b => b.Number).Take(1000)
            .Select(b => new BriefingDto(b.Id, b.Number, b.Title, b.Document!.Status.ToString(), b.SentOn, b.SentTo, b.PublishedAt)).ToListAsync(ct));
    }
}
