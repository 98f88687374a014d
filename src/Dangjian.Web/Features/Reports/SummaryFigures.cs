using System.Globalization;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// Every figure a campaign's summary quotes, taken from the records through each feature's own figures, as named
/// values with the page that shows the records behind them. The summary text is written from these, and a draft keeps
/// them so that a figure which changed since can be flagged.
/// </summary>
public sealed class SummaryFigures(AppDbContext db, StudyFigures study, ListeningFigures listening, RectificationProgress rectification)
{
    /// <summary>A named figure: <see cref="Key"/> is stable, <see cref="Value"/> how the text quotes it, <see cref="Link"/> its records.</summary>
    public sealed record Figure(string Key, string Label, string Value, string Link);

    /// <summary>The named figures and the feature figures they came from (dashboards chart the latter, so both agree).</summary>
    public sealed record Report(List<Figure> Figures, StudyFigures.Figures Study, ListeningFigures.Figures Listening, RectificationProgress.Figures Rectification)
    {
        public string this[string key] => Figures.FirstOrDefault(f => f.Key == key)?.Value ?? "0";

        public string? Link(string key) => Figures.FirstOrDefault(f => f.Key == key)?.Link;
    }

    public async Task<List<Figure>> ForCampaignAsync(Campaign campaign, Phase? phase = null, CancellationToken ct = default) =>
        (await ReportAsync(campaign, phase, ct)).Figures;

    public async Task<Report> ReportAsync(Campaign campaign, Phase? phase = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var c = campaign.Id;
        var s = await study.ForCampaignAsync(c, phase?.Id, ct);
        var l = await listening.ForCampaignAsync(c, ct);
        var r = await rectification.FiguresAsync(c, ct);
        var keyOpinions = await db.Problems.CountAsync(p => p.CampaignId == c && p.Source == Problems.ProblemSource.Opinions && p.MergedIntoId == null, ct);
        var hosts = await db.Forums.Where(f => f.CampaignId == c).GroupBy(f => f.HostPerson!.Name)
            .Select(g => new { Host = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Host).Take(20).ToListAsync(ct);
        var path = await db.OrgUnits.Where(u => u.Id == campaign.ScopeUnitId).Select(u => u.Path).SingleAsync(ct);
        var rulesMade = await db.Rules.CountAsync(x => x.OrgUnit!.Path.StartsWith(path) && x.IssuedOn >= campaign.StartsOn && x.IssuedOn <= campaign.EndsOn && x.ReplacesId == null, ct);
        var rulesRevised = await db.Rules.CountAsync(x => x.OrgUnit!.Path.StartsWith(path) && x.IssuedOn >= campaign.StartsOn && x.IssuedOn <= campaign.EndsOn && x.ReplacesId != null, ct);
        var rulesAbolished = await db.Rules.CountAsync(x => x.OrgUnit!.Path.StartsWith(path) && x.AbolishedOn >= campaign.StartsOn && x.AbolishedOn <= campaign.EndsOn && !db.Rules.Any(n => n.ReplacesId == x.Id), ct);
        var briefings = await db.Briefings.CountAsync(b => b.CampaignId == c && b.Document!.Status == DocumentStatus.Approved, ct);
        var briefingsSent = await db.Briefings.CountAsync(b => b.CampaignId == c && b.SentOn != null, ct);
        var flag = await db.AssessmentPeriods.Where(p => p.PublishedAt != null && db.AssessmentSchemes.Any(x => x.Id == p.SchemeId && x.OwnerUnitId == campaign.ScopeUnitId))
            .OrderByDescending(p => p.EndsOn).Select(p => new { p.Label, p.FlagHolders }).FirstOrDefaultAsync(ct);
        var appraisal = l.Appraisals.FirstOrDefault(a => a.Closed);
        var q = $"campaignId={c}";
        static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var list = new List<Figure>
        {
            new("study.sessions", "组织集体学习（次）", s.SessionsHeld.ToString(CultureInfo.InvariantCulture), $"/Study/Sessions?{q}"),
            new("study.attendance", "学习出勤率", N(s.AttendanceRate) + "%", $"/Study/Attendance?{q}"),
            new("study.makeup", "补学（人次）", s.MakeUpDone.ToString(CultureInfo.InvariantCulture), $"/Study/Attendance?{q}"),
            new("study.notes", "学习笔记（篇）", s.Notes.ToString(CultureInfo.InvariantCulture), $"/Study/Notes?{q}"),
            new("study.reflections", "心得体会（篇）", s.Reflections.ToString(CultureInfo.InvariantCulture), $"/Study/Notes?{q}"),
            new("study.checked", "检查学习笔记（篇次）", s.NotesChecked.ToString(CultureInfo.InvariantCulture), $"/Study/Notes?{q}"),
            new("study.exhibited", "展评（篇）", s.Exhibited.ToString(CultureInfo.InvariantCulture), $"/Study/Notes?{q}"),
            new("study.copies", "发放学习材料（份）", s.CopiesDistributed.ToString(CultureInfo.InvariantCulture), $"/Study/Materials?{q}"),
            new("study.quizzes", "理论测试（场）", s.Quizzes.ToString(CultureInfo.InvariantCulture), $"/Study/Quizzes?{q}"),
            new("study.quizTakers", "参加测试（人）", s.QuizTakers.ToString(CultureInfo.InvariantCulture), $"/Study/Quizzes?{q}"),
            new("letters.sent", "发放征求意见函（份）", l.LettersSent.ToString(CultureInfo.InvariantCulture), $"/Opinions/Letters?{q}"),
            new("letters.returned", "收回征求意见函（份）", l.LettersReturned.ToString(CultureInfo.InvariantCulture), $"/Opinions/Letters?{q}"),
            new("forums.held", "召开座谈会（次）", l.Forums.ToString(CultureInfo.InvariantCulture), $"/Opinions/Forums?{q}"),
            new("forums.attendees", "座谈会参加（人次）", l.ForumAttendees.ToString(CultureInfo.InvariantCulture), $"/Opinions/Forums?{q}"),
            new("opinions.total", "征求到意见建议（条）", l.Opinions.ToString(CultureInfo.InvariantCulture), $"/Opinions?{q}"),
            new("opinions.affirmative", "其中肯定性意见（条）", l.ByNature.GetValueOrDefault("肯定").ToString(CultureInfo.InvariantCulture), $"/Opinions?{q}"),
            new("opinions.suggestions", "其中建议（条）", l.ByNature.GetValueOrDefault("建议").ToString(CultureInfo.InvariantCulture), $"/Opinions?{q}"),
            new("opinions.criticisms", "其中批评（条）", l.ByNature.GetValueOrDefault("批评").ToString(CultureInfo.InvariantCulture), $"/Opinions?{q}"),
            new("opinions.key", "梳理出重点意见（条）", keyOpinions.ToString(CultureInfo.InvariantCulture), $"/Problems?{q}"),
            new("appraisal.issued", "民主评议发出（份）", (appraisal?.Issued ?? 0).ToString(CultureInfo.InvariantCulture), $"/Appraisal?{q}"),
            new("appraisal.returned", "民主评议收回（份）", (appraisal?.Returned ?? 0).ToString(CultureInfo.InvariantCulture), $"/Appraisal?{q}"),
            new("appraisal.good", "综合评价较好以上", N(appraisal?.GoodShare ?? 0) + "%", $"/Appraisal?{q}"),
            new("talks.count", "开展谈心谈话（人次）", l.Talks.Talks.ToString(CultureInfo.InvariantCulture), $"/Talks?{q}"),
            new("talks.coverage", "“四个必谈”覆盖率", N(l.Talks.Coverage) + "%", $"/Talks?{q}"),
            new("problems.total", "查摆问题（个）", r.Problems.ToString(CultureInfo.InvariantCulture), $"/Problems?{q}"),
            new("rectification.items", "整改事项（项）", r.Items.ToString(CultureInfo.InvariantCulture), $"/Rectification?{q}"),
            new("rectification.closed", "已销号（项）", r.Closed.ToString(CultureInfo.InvariantCulture), $"/Rectification?{q}&status=Closed"),
            new("rectification.closedRate", "销号率", N(r.ClosedRate) + "%", $"/Rectification?{q}"),
            new("rectification.overdue", "逾期事项（项）", r.Overdue.ToString(CultureInfo.InvariantCulture), $"/Rectification?{q}&status=overdue"),
            new("rules.made", "新建制度（项）", rulesMade.ToString(CultureInfo.InvariantCulture), "/Rules?status=Current"),
            new("rules.revised", "修订制度（项）", rulesRevised.ToString(CultureInfo.InvariantCulture), "/Rules"),
            new("rules.abolished", "废止制度（项）", rulesAbolished.ToString(CultureInfo.InvariantCulture), "/Rules?status=Abolished"),
            new("briefings.issued", "编发简报（期）", briefings.ToString(CultureInfo.InvariantCulture), $"/Briefings?{q}"),
            new("briefings.sent", "报送上级简报（期）", briefingsSent.ToString(CultureInfo.InvariantCulture), $"/Briefings?{q}"),
            new("redflag.holder", "流动红旗", flag is null ? "（未考核）" : $"{flag.Label}：{flag.FlagHolders}", "/Ledgers/RedFlag"),
        };
        foreach (var kind in s.SessionsByKind.Where(k => k.Held > 0))
        {
            list.Add(new($"study.kind.{kind.Kind}", $"{kind.Label}（次）", kind.Held.ToString(CultureInfo.InvariantCulture), $"/Study/Sessions?{q}&kind={kind.Kind}"));
        }

        foreach (var (channel, count) in l.ByChannel)
        {
            list.Add(new($"opinions.channel.{channel}", $"意见渠道：{channel}（条）", count.ToString(CultureInfo.InvariantCulture), $"/Opinions?{q}"));
        }

        foreach (var host in hosts)
        {
            list.Add(new($"forums.host.{host.Host}", $"{host.Host}主持座谈会（次）", host.Count.ToString(CultureInfo.InvariantCulture), $"/Opinions/Forums?{q}"));
        }

        foreach (var (topic, count) in r.ProblemsByCategory)
        {
            list.Add(new($"problems.{topic}", $"查摆问题：{topic}（个）", count.ToString(CultureInfo.InvariantCulture), $"/Problems?{q}"));
        }

        return new Report(list, s, l, r);
    }
}
