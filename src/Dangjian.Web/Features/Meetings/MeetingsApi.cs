using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings;

/// <summary>
/// Life meetings and self-inspections over <c>/api/v1</c>: dates, attendance, counts and states — what reports need.
/// The words of criticism and of the materials stay on their pages, where reading them is restricted.
/// </summary>
public static class MeetingsApi
{
    public sealed record MeetingDto(Guid Id, string Kind, string Title, DateOnly HeldOn, int Expected, int Present, int Criticisms, int SelfCriticisms, DateOnly? ReportedOn, Guid? FollowsId, IReadOnlyDictionary<string, int> MemberGrades);

    public sealed record SelfInspectionDto(Guid Id, Guid? PersonId, string Status, int Versions, int Reviews, int Failed, int Comments);

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("查摆问题").RequirePermission(Permissions.CampaignsView);
        group.MapGet("/meetings", MeetingsAsync).WithSummary("民主生活会、组织生活会、通报会：出席、批评和自我批评条数、报送、民主评议党员结果");
        group.MapGet("/self-inspections", SelfInspectionsAsync).WithSummary("对照检查材料：状态、版本数、审核次数、不过关次数、征求意见条数");
        return api;
    }

    private static async Task<bool> VisibleAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, CancellationToken ct) =>
        await db.Campaigns.InScopeOrAbove(await guard.ScopeAsync(ct), c => c.ScopeUnit!.Path).AnyAsync(c => c.Id == campaignId, ct);

    private static async Task<Results<Ok<List<MeetingDto>>, NotFound>> MeetingsAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, CancellationToken ct)
    {
        if (!await VisibleAsync(db, guard, campaignId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.LifeMeetings.AsNoTracking().Where(m => m.CampaignId == campaignId).OrderBy(m => m.HeldOn).Take(500)
            .Select(m => new
            {
                m.Id, m.Kind, m.Title, m.HeldOn, m.ReportedOn, m.FollowsId,
                Expected = db.MeetingAttendees.Count(a => a.MeetingId == m.Id),
                Present = db.MeetingAttendees.Count(a => a.MeetingId == m.Id && a.AbsenceReason == null),
                Criticisms = db.Criticisms.Count(c => c.MeetingId == m.Id && c.ToPersonId != null),
                SelfCriticisms = db.Criticisms.Count(c => c.MeetingId == m.Id && c.ToPersonId == null),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var grades = (await db.MemberAppraisals.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).GroupBy(a => new { a.MeetingId, a.Grade })
            .Select(g => new { g.Key.MeetingId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct)).ToLookup(g => g.MeetingId);
        return TypedResults.Ok(rows.Select(r => new MeetingDto(r.Id, r.Kind.ToString(), r.Title, r.HeldOn, r.Expected, r.Present, r.Criticisms, r.SelfCriticisms, r.ReportedOn, r.FollowsId,
            grades[r.Id].OrderBy(g => g.Grade).ToDictionary(g => MeetingLabels.Of(g.Grade), g => g.Count))).ToList());
    }

    private static async Task<Results<Ok<List<SelfInspectionDto>>, NotFound>> SelfInspectionsAsync(AppDbContext db, ScopeGuard guard, Guid campaignId, CancellationToken ct)
    {
        if (!await VisibleAsync(db, guard, campaignId, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.SelfInspections.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.CreatedAt).Take(500)
            .Select(s => new
            {
                s.Id, s.PersonId,
                Status = db.ApprovalDocuments.Where(d => d.Id == s.DocumentId).Select(d => d.Status).Single(),
                Versions = db.DocumentVersions.Count(v => v.DocumentId == s.DocumentId),
                Reviews = db.SelfInspectionReviews.Count(r => r.SelfInspectionId == s.Id),
                Failed = db.SelfInspectionReviews.Count(r => r.SelfInspectionId == s.Id && r.Failed != ReviewCriteria.None),
                Comments = db.SelfInspectionComments.Count(c => c.SelfInspectionId == s.Id),
            }).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new SelfInspectionDto(r.Id, r.PersonId, r.Status.ToString(), r.Versions, r.Reviews, r.Failed, r.Comments)).ToList());
    }
}
