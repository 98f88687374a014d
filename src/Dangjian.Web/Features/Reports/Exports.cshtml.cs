using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// 台账导出: every ledger of a campaign in the layouts offices use, each downloaded by itself or all packed into one zip
/// in the browser (wwwroot/js/exports.js) with progress, while the page stays usable. Each file comes from its own
/// page's export — the same scope checks and audit entries as downloading it there.
/// </summary>
[RequirePermission(Permissions.CampaignsEdit)]
public sealed class ExportsModel(AppDbContext db, CampaignPicker picker, CampaignAccess access, LedgerAccess ledgers, AssessmentService assessments, TimeProvider clock) : CampaignPageModel
{
    /// <summary>One download: what it is, where it comes from, and its group on the page.</summary>
    public sealed record Export(string Group, string Name, string Description, string Url);

    public bool IsOffice { get; private set; }

    public List<Export> Exports { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("台账导出"));
        if (await ChooseAsync(picker.PickAsync(CampaignId, ct)) is not { } campaign)
        {
            return;
        }

        IsOffice = (await access.ActorAsync(campaign.Id, ct)).IsOffice;
        if (!IsOffice)
        {
            return;
        }

        var c = campaign.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        const string Campaign_ = "活动台账";
        Exports.Add(new(Campaign_, "整改台账", "各整改事项的四明确一承诺、任务分解、进度和销号情况", $"/Rectification?handler=Export&campaignId={c}"));
        Exports.Add(new(Campaign_, "意见汇总表", "征求到的意见建议原文，按收到日期", $"/Opinions?handler=Export&campaignId={c}"));
        Exports.Add(new(Campaign_, "意见梳理汇总表", "梳理出的问题及其来源意见", $"/Problems?handler=Export&campaignId={c}"));
        if (User.Can(Permissions.StudyEdit))
        {
            Exports.Add(new(Campaign_, "考勤汇总表", "各单位学习应到、实到、请假、缺勤、补学", $"/Study/Attendance?handler=Export&campaignId={c}"));
        }

        Exports.Add(new(Campaign_, "谈心谈话台账", "谈话双方、时间、方式、主题、提醒批评（不含谈话内容）", $"/Talks?handler=Export&campaignId={c}"));
        var appraisals = await db.Appraisals.AsNoTracking().Where(a => a.CampaignId == c && a.ClosesAt <= now).OrderBy(a => a.OpensAt)
            .Select(a => new { a.Id, a.Title }).Take(50).ToListAsync(ct);
        Exports.AddRange(appraisals.Select(a => new Export(Campaign_, $"民主测评汇总表：{a.Title}", "各测评对象的好、较好、一般、差票数和好及较好率", $"/Appraisal/Details?id={a.Id}&handler=Export")));
        var summary = await db.CampaignSummaries.AsNoTracking().Where(s => s.CampaignId == c && s.PhaseId == null).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (summary is { } s)
        {
            Exports.Add(new(Campaign_, "活动总结（Word）", "按GB/T 9704公文格式", $"/Reports/Summary?id={s}&handler=Word"));
        }

        const string Supervision = "督查督办";
        var visible = await (await ledgers.VisibleAsync(ct)).OrderBy(l => l.OwnerUnit!.Path).ThenBy(l => l.CreatedAt).Select(l => new { l.Id, l.Title }).Take(50).ToListAsync(ct);
        Exports.AddRange(visible.Select(l => new Export(Supervision, $"督办台账：{l.Title}", "逐项进度，按月列出调度情况", $"/Ledgers/Ledger?id={l.Id}&handler=Export")));
        var schemes = await assessments.VisibleAsync(ct);
        var periods = await (from p in db.AssessmentPeriods.AsNoTracking()
                             join sc in schemes on p.SchemeId equals sc.Id
                             where p.PublishedAt != null
                             orderby p.EndsOn descending
                             select new { p.Id, p.Label, sc.Name }).Take(8).ToListAsync(ct);
        Exports.AddRange(periods.Select(p => new Export(Supervision, $"考核排名表：{p.Name} {p.Label}", "各单位得分、分项得分和排名", $"/Ledgers/AssessmentPeriod?id={p.Id}&handler=Export")));
    }
}
