using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Problems;

/// <summary>Problems over <c>/api/v1</c>, each with the ids of the opinions it was consolidated from.</summary>
public static class ProblemsApi
{
    public sealed record ProblemDto(Guid Id, Guid CampaignId, string Title, string? Category, string? Horizon, string? Concerns, string Source, IReadOnlyList<Guid> OpinionIds);

    public static RouteGroupBuilder MapProblemsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/problems", ListAsync).WithTags("问题").RequirePermission(Permissions.CampaignsView).WithSummary("问题清单及每个问题依据的意见，分页");
        return api;
    }

    private static async Task<Results<Ok<Paged<ProblemDto>>, NotFound>> ListAsync(AppDbContext db, ListeningAccess listening, Guid campaignId, Topic? category, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await listening.ReadsAsync(campaignId, ct))
        {
            return TypedResults.NotFound();
        }

        var result = await db.Problems.AsNoTracking().Where(p => p.CampaignId == campaignId).WhereIf(category is not null, p => p.Category == category)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        var ids = result.Items.Select(p => p.Id).ToList();
        var links = (await db.ProblemOpinions.AsNoTracking().Where(l => ids.Contains(l.ProblemId) && db.Opinions.Any(o => o.Id == l.OpinionId))
            .Select(l => new { l.ProblemId, l.OpinionId }).ToListAsync(ct)).ToLookup(l => l.ProblemId, l => l.OpinionId);
        var items = result.Items.Select(p => new ProblemDto(p.Id, p.CampaignId, p.Title, p.Category?.ToString(), p.Horizon?.ToString(), p.Concerns, p.Source.ToString(), links[p.Id].ToList())).ToList();
        return TypedResults.Ok(new Paged<ProblemDto>(items, result.Total, result.Page, result.PageSize));
    }
}
