using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>Appraisals over <c>/api/v1/appraisals</c>: window and turnout always, the tally only after the close.</summary>
public static class AppraisalsApi
{
    public sealed record AppraisalDto(Guid Id, Guid CampaignId, string Title, DateTime OpensAt, DateTime ClosesAt, int Issued, int Returned);

    public sealed record TargetResultDto(string Target, int Good, int FairlyGood, int Average, int Poor, int Rated, double GoodShare);

    public sealed record ResultDto(int Issued, int Returned, int Valid, int Paper, double Turnout, IReadOnlyList<TargetResultDto> Targets, IReadOnlyList<string> Comments);

    public sealed record DetailDto(AppraisalDto Appraisal, IReadOnlyList<string> Targets, ResultDto? Result);

    public static RouteGroupBuilder MapAppraisalsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/appraisals").WithTags("民主测评").RequirePermission(Permissions.CampaignsView);
        group.MapGet("/", ListAsync).WithSummary("我能看到的活动中的民主测评，含发出和收回份数");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("一次测评；截止后才有结果（result 在截止前为 null）");
        return api;
    }

    private static async Task<Ok<List<AppraisalDto>>> ListAsync(AppDbContext db, ScopeGuard guard, CancellationToken ct)
    {
        var campaigns = db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).Select(c => c.Id);
        var items = await db.Appraisals.AsNoTracking().Where(a => campaigns.Contains(a.CampaignId)).OrderByDescending(a => a.OpensAt).Take(200)
            .Select(a => new AppraisalDto(a.Id, a.CampaignId, a.Title, a.OpensAt, a.ClosesAt, db.AppraisalVoters.Count(v => v.AppraisalId == a.Id) + a.PaperIssued, db.AppraisalBallots.Count(b => b.AppraisalId == a.Id && b.Filled) + db.SealedBallots.Count(b => b.AppraisalId == a.Id)))
            .ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Ok<DetailDto>> GetAsync(Guid id, AppDbContext db, AppraisalAccess access, AppraisalService service, CancellationToken ct)
    {
        var (appraisal, _, _) = await access.FindAsync(id, ct);
        var targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == id).OrderBy(t => t.Order).Select(t => t.Name).ToListAsync(ct);
        var (issued, returned) = await service.TurnoutAsync(appraisal, ct);
        var tally = await service.TallyAsync(appraisal, ct);
        var result = tally is null ? null : new ResultDto(tally.Issued, tally.Returned, tally.Valid, tally.Paper, tally.Turnout,
            tally.Targets.Select(t => new TargetResultDto(t.Target.Name, t.Counts.GetValueOrDefault(Grade.Good), t.Counts.GetValueOrDefault(Grade.FairlyGood), t.Counts.GetValueOrDefault(Grade.Average), t.Counts.GetValueOrDefault(Grade.Poor), t.Rated, t.GoodShare)).ToList(),
            tally.Comments);
        return TypedResults.Ok(new DetailDto(new AppraisalDto(appraisal.Id, appraisal.CampaignId, appraisal.Title, appraisal.OpensAt, appraisal.ClosesAt, issued, returned), targets, result));
    }
}
