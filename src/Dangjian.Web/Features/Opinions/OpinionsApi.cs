using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>Opinions, solicitation letters and forums over <c>/api/v1</c>, for the campaigns run in the caller's scope.</summary>
public static class OpinionsApi
{
    public sealed record OpinionDto(Guid Id, Guid CampaignId, string Channel, DateOnly ReceivedOn, string Text, string? Concerns, string? Nature, string? Topic, bool Replied, Guid? ForumId, Guid? LetterRecipientId);

    public sealed record CountsDto(int Total, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyDictionary<string, int> ByNature, IReadOnlyDictionary<string, int> ByTopic);

    public sealed record LetterDto(Guid Id, Guid CampaignId, string Title, DateOnly SentOn, DateOnly DueOn, int Sent, int Returned);

    public sealed record ForumDto(Guid Id, Guid CampaignId, string Title, DateOnly HeldOn, Guid HostPersonId, string Groups, int Attendees, int Opinions);

    public static RouteGroupBuilder MapOpinionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("征求意见").RequirePermission(Permissions.CampaignsView);
        group.MapGet("/opinions", ListAsync).WithSummary("意见汇总（原文），可按活动、渠道、性质筛选，分页");
        group.MapGet("/opinions/counts", CountsAsync).WithSummary("意见按渠道、性质、类别的条数");
        group.MapGet("/letters", LettersAsync).WithSummary("征求意见函及发出、收回份数");
        group.MapGet("/forums", ForumsAsync).WithSummary("座谈会及会上意见条数");
        group.MapGet("/listening", ListeningAsync).WithSummary("一个活动听取意见的全部数字：意见条数（按性质、渠道、类别）、征求意见函发出与收回、座谈会、民主测评、谈心谈话、问题梳理");
        return api;
    }

    private static async Task<Ok<Paged<OpinionDto>>> ListAsync(AppDbContext db, ListeningAccess listening, Guid? campaignId, Channel? channel, Nature? nature, int? page, int? pageSize, CancellationToken ct)
    {
        var campaigns = await listening.CampaignIdsAsync(campaignId, ct);
        var result = await db.Opinions.AsNoTracking().Where(o => campaigns.Contains(o.CampaignId))
            .WhereIf(channel is not null, o => o.Channel == channel)
            .WhereIf(nature is not null, o => o.Nature == nature)
            .OrderByDescending(o => o.ReceivedOn).ThenBy(o => o.Id)
            .ToPageAsync(page ?? 1, pageSize ?? PagedQueryExtensions.DefaultPageSize, ct);
        var items = result.Items.Select(o => new OpinionDto(o.Id, o.CampaignId, o.Channel.ToString(), o.ReceivedOn, o.Text, o.Concerns, o.Nature?.ToString(), o.Topic?.ToString(), o.Reply is not null, o.ForumId, o.LetterRecipientId)).ToList();
        return TypedResults.Ok(new Paged<OpinionDto>(items, result.Total, result.Page, result.PageSize));
    }

    private static async Task<Ok<CountsDto>> CountsAsync(AppDbContext db, ListeningAccess listening, Guid? campaignId, CancellationToken ct)
    {
        var campaigns = await listening.CampaignIdsAsync(campaignId, ct);
        var rows = await db.Opinions.AsNoTracking().Where(o => campaigns.Contains(o.CampaignId))
            .GroupBy(o => new { o.Channel, o.Nature, o.Topic }).Select(g => new { g.Key.Channel, g.Key.Nature, g.Key.Topic, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(new CountsDto(
            rows.Sum(r => r.Count),
            rows.GroupBy(r => OpinionLabels.Of(r.Channel)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            rows.GroupBy(r => r.Nature is { } n ? OpinionLabels.Of(n) : "待分类").ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            rows.GroupBy(r => r.Topic is { } t ? OpinionLabels.Of(t) : "待分类").ToDictionary(g => g.Key, g => g.Sum(r => r.Count))));
    }

    private static async Task<Results<Ok<ListeningFigures.Figures>, NotFound>> ListeningAsync(AppDbContext db, ListeningAccess listening, ListeningFigures figures, Guid campaignId, CancellationToken ct)
    {
        var campaigns = await listening.CampaignIdsAsync(campaignId, ct);
        return await campaigns.AnyAsync(ct) ? TypedResults.Ok(await figures.ForCampaignAsync(campaignId, ct)) : TypedResults.NotFound();
    }

    private static async Task<Ok<List<LetterDto>>> LettersAsync(AppDbContext db, ListeningAccess listening, Guid? campaignId, CancellationToken ct)
    {
        var campaigns = await listening.CampaignIdsAsync(campaignId, ct);
        return TypedResults.Ok(await db.SolicitationLetters.AsNoTracking().Where(l => campaigns.Contains(l.CampaignId)).OrderByDescending(l => l.SentOn).Take(200)
            .Select(l => new LetterDto(l.Id, l.CampaignId, l.Title, l.SentOn, l.DueOn, db.LetterRecipients.Count(r => r.LetterId == l.Id), db.LetterRecipients.Count(r => r.LetterId == l.Id && r.ReturnedAt != null)))
            .ToListAsync(ct));
    }

    private static async Task<Ok<List<ForumDto>>> ForumsAsync(AppDbContext db, ListeningAccess listening, Guid? campaignId, CancellationToken ct)
    {
        var campaigns = await listening.CampaignIdsAsync(campaignId, ct);
        return TypedResults.Ok(await db.Forums.AsNoTracking().Where(f => campaigns.Contains(f.CampaignId)).OrderByDescending(f => f.HeldOn).Take(200)
            .Select(f => new ForumDto(f.Id, f.CampaignId, f.Title, f.HeldOn, f.HostPersonId, f.Groups, f.Attendees, db.Opinions.Count(o => o.ForumId == f.Id)))
            .ToListAsync(ct));
    }
}
