using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Research;

/// <summary>A campaign's 调研 and 载体 figures over <c>/api/v1</c>, for those who see the campaign, as its pages and summary count them.</summary>
public static class ResearchApi
{
    public sealed record UnitsDto(string Target, string Label, int Units);

    public sealed record OutreachDto(string Kind, string Label, int Activities, int Outings, int Units, int People);

    public sealed record FiguresDto(int Groups, int Topics, int Districts, int Outings, int PeopleMet, int Reports, int Shared, IReadOnlyList<UnitsDto> UnitsVisited, IReadOnlyList<OutreachDto> Outreach);

    public static RouteGroupBuilder MapResearchApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/research/figures", FiguresAsync).WithTags("调研与载体").WithSummary("调研组、课题、深入县区、走访单位、调研报告，及各类载体活动的开展情况").RequirePermission(Permissions.CampaignsView);
        return api;
    }

    private static async Task<Results<Ok<FiguresDto>, NotFound>> FiguresAsync(CampaignAccess access, ResearchFigures figures, Guid campaignId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        try
        {
            await access.FindAsync(campaignId, Permissions.CampaignsView, ct);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }

        var f = await figures.ForCampaignAsync(campaignId, from, to, ct);
        return TypedResults.Ok(new FiguresDto(
            f.Groups, f.Topics, f.Districts, f.Outings, f.PeopleMet, f.ReportCount, f.Shared,
            f.UnitsByTarget.Select(u => new UnitsDto(u.Target.ToString(), ResearchLabels.Of(u.Target), u.Units)).ToList(),
            f.Outreach.Select(k => new OutreachDto(k.Kind.ToString(), ResearchLabels.Of(k.Kind), k.Activities, k.Outings, k.Units, k.People)).ToList()));
    }
}
