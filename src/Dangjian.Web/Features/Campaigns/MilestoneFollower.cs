using Dangjian.Web.Features.Meetings;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Campaigns;

/// <summary>
/// Milestones that follow their records: a milestone bound to a kind of record (<see cref="Milestone.Follows"/>) is done
/// as soon as that record exists — a letter sent, the 民主生活会 held, the phase's 环节小结 or the 整改方案 approved — so
/// it never shows open and overdue beside the record that fulfils it. Run after each save of such a record (and of the
/// milestone itself); idempotent, and it never reopens a milestone.
/// </summary>
public sealed class MilestoneFollower(AppDbContext db, TimeProvider clock)
{
    public static string Label(MilestoneRecord kind) => kind switch
    {
        MilestoneRecord.LetterSent => "发出征求意见函",
        MilestoneRecord.DemocraticLifeMeeting => "召开民主生活会",
        MilestoneRecord.PhaseSummaryApproved => "本环节小结审核通过",
        MilestoneRecord.RectificationPlanApproved => "整改方案审核通过",
        MilestoneRecord.CampaignSummaryApproved => "活动总结审核通过",
        _ => kind.ToString(),
    };

    /// <summary>Completes the campaign's open milestones whose record now exists; saves, and returns how many it completed.</summary>
    public async Task<int> SyncAsync(Guid campaignId, CancellationToken ct = default)
    {
        var open = await db.Milestones.Where(m => m.CampaignId == campaignId && m.Status == MilestoneStatus.Open && m.Follows != null).ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var today = ChinaTime.Today(clock);
        var kinds = open.Select(m => m.Follows!.Value).ToHashSet();
        var letter = kinds.Contains(MilestoneRecord.LetterSent)
            && await db.SolicitationLetters.AnyAsync(l => l.CampaignId == campaignId && l.SentOn <= today, ct);
        var meeting = kinds.Contains(MilestoneRecord.DemocraticLifeMeeting)
            && await db.LifeMeetings.AnyAsync(m => m.CampaignId == campaignId && m.Kind == MeetingKind.DemocraticLife && m.HeldOn <= today, ct);
        var approved = await db.ApprovalDocuments
            .Where(d => d.CampaignId == campaignId && d.Status == DocumentStatus.Approved && d.UnitId == null
                && (d.Kind == DocumentKind.PhaseSummary || d.Kind == DocumentKind.RectificationPlan || d.Kind == DocumentKind.CampaignSummary))
            .Select(d => new { d.Kind, d.PhaseId }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        foreach (var m in open)
        {
            var fulfilled = m.Follows switch
            {
                MilestoneRecord.LetterSent => letter,
                MilestoneRecord.DemocraticLifeMeeting => meeting,
                MilestoneRecord.PhaseSummaryApproved => approved.Any(d => d.Kind == DocumentKind.PhaseSummary && d.PhaseId == m.PhaseId),
                MilestoneRecord.RectificationPlanApproved => approved.Any(d => d.Kind == DocumentKind.RectificationPlan),
                MilestoneRecord.CampaignSummaryApproved => approved.Any(d => d.Kind == DocumentKind.CampaignSummary),
                _ => false,
            };
            if (fulfilled)
            {
                (m.Status, m.CompletedAt) = (MilestoneStatus.Done, now);
                m.Evidence ??= $"已{Label(m.Follows!.Value)}，节点自动完成。";
                done++;
            }
        }

        if (done > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return done;
    }
}
