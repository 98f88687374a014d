using System.Globalization;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Opinions;
using Dangjian.Web.Features.Problems;
using Dangjian.Web.Features.Rectification;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// Every figure a campaign's summary quotes, taken from the records through each feature's own figures, as named
/// values with the page that shows the records behind them. The summary text is written from these, and a draft keeps
/// them so that a figure which changed since can be flagged.
/// </summary>
public sealed class SummaryFigures(AppDbContext db, StudyFigures study, ListeningFigures listening, RectificationProgress rectification, Research.ResearchFigures research, TimeProvider clock)
{
    /// <summary>A named figure: <see cref="Key"/> is stable, <see cref="Value"/> how the text quotes it, <see cref="Link"/> its records.</summary>
    public sealed record Figure(string Key, string Label, string Value, string Link);

    /// <summary>
    /// The named figures, the facts the text is written from, and the feature figures they came from (dashboards chart
    /// the latter, so both agree).
    /// </summary>
    public sealed record Report(List<Figure> Figures, SummaryFacts Facts, StudyFigures.Figures Study, ListeningFigures.Figures Listening, RectificationProgress.Figures Rectification)
    {
        public string this[string key] => Figures.FirstOrDefault(f => f.Key == key)?.Value ?? "0";

        public string? Link(string key) => Figures.FirstOrDefault(f => f.Key == key)?.Link;
    }

    /// <summary>How many named things of a kind (lectures, key opinions, items, rules) the facts carry.</summary>
    private const int Named = 10;

    public async Task<List<Figure>> ForCampaignAsync(Campaign campaign, Phase? phase = null, CancellationToken ct = default) =>
        (await ReportAsync(campaign, phase, ct: ct)).Figures;

    /// <summary>
    /// The figures and facts of the campaign, or of one phase: a phase counts only the records dated inside it (study by
    /// its phase, letters by the day they were sent, forums, talks and meetings by the day held, opinions by the day
    /// received, problems by the day recorded, rectification items started or closed in it, briefings published in it).
    /// Only a draft (<paramref name="narrative"/>) reads the named things and the text's extras (issuer, phases, lectures,
    /// titles, aspects, red flag, units' attendance); the dashboards and the figure table need the counts alone.
    /// </summary>
    public async Task<Report> ReportAsync(Campaign campaign, Phase? phase = null, bool narrative = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var c = campaign.Id;
        var today = ChinaTime.Today(clock);
        var s = await study.ForCampaignAsync(c, phase?.Id, ct);
        var l = await listening.ForCampaignAsync(c, ct);
        var r = await rectification.FiguresAsync(c, ct);
        var facts = await FactsAsync(campaign, phase, s, l, r, today, narrative, ct);
        return new Report(List(campaign, facts, s), facts, s, l, r);
    }

    /// <summary>
    /// The Party organization that issues the campaign's summaries (its 落款): the scope unit when it is one, else the 党组 or
    /// 党委 directly under it, named with 中共; the scope unit's own name when it has neither.
    /// </summary>
    public async Task<string> IssuerAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var scope = await db.OrgUnits.AsNoTracking().Where(u => u.Id == campaign.ScopeUnitId).Select(u => new { u.Id, u.Name, u.Kind }).SingleAsync(ct);
        var party = scope.Kind is OrgUnitKind.PartyCommittee or OrgUnitKind.PartyGroup or OrgUnitKind.GeneralBranch or OrgUnitKind.Branch
            ? scope.Name
            : await db.OrgUnits.Where(u => u.ParentId == scope.Id && (u.Kind == OrgUnitKind.PartyGroup || u.Kind == OrgUnitKind.PartyCommittee))
                .OrderBy(u => u.SortOrder).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return party is null ? scope.Name : party.StartsWith("中共", StringComparison.Ordinal) ? party : "中共" + party;
    }

    private async Task<SummaryFacts> FactsAsync(Campaign campaign, Phase? phase, StudyFigures.Figures s, ListeningFigures.Figures l, RectificationProgress.Figures r, DateOnly today, bool narrative, CancellationToken ct)
    {
        var c = campaign.Id;
        DateOnly? from = phase?.StartsOn, to = phase?.EndsOn;
        DateTime? fromUtc = from is { } f0 ? ChinaTime.StartOfDayUtc(f0) : null;
        DateTime? toUtc = to is { } t0 ? ChinaTime.StartOfDayUtc(t0.AddDays(1)) : null;
        var now = clock.GetUtcNow().UtcDateTime;

        var issuer = narrative ? await IssuerAsync(campaign, ct) : "";
        var phases = narrative && phase is null ? await db.Phases.Where(p => p.CampaignId == c).OrderBy(p => p.Order).Select(p => p.Name).ToListAsync(ct) : [];

        var sessions = db.StudySessions.Where(x => x.CampaignId == c && (phase == null || x.PhaseId == phase.Id) && x.EndsAt <= now);
        var mobilized = narrative ? await sessions.Where(x => x.Title.Contains(Features.FirstRunGuide.MeetingWord)).OrderBy(x => x.StartsAt).Select(x => (DateTime?)x.StartsAt).FirstOrDefaultAsync(ct) : null;
        var lectures = narrative
            ? await sessions.Where(x => x.Speaker != null && (x.Kind == SessionKind.PartyLecture || x.Kind == SessionKind.ExpertLecture))
                .OrderBy(x => x.StartsAt).Select(x => new { x.Speaker, x.Title }).Take(Named).ToListAsync(ct)
            : [];

        // Forum hosts in the order a document names leaders: 组长, 副组长, then by post (书记 before 副职), then name.
        var hostRows = await db.Forums.Where(x => x.CampaignId == c && (from == null || (x.HeldOn >= from && x.HeldOn <= to)))
            .GroupBy(x => new { x.HostPersonId, x.HostPerson!.Name, x.HostPerson.PostRank, x.HostPerson.Title })
            .Select(g => new { g.Key.HostPersonId, g.Key.Name, g.Key.PostRank, g.Key.Title, Forums = g.Count() }).OrderBy(h => h.Name).Take(Named * 3).ToListAsync(ct);
        var groupTitles = await db.CampaignMembers.Where(m => m.CampaignId == c && m.Group == CampaignGroup.LeadingGroup)
            .Select(m => new { m.PersonId, m.Title }).ToListAsync(ct);
        int GroupRank(Guid person) => groupTitles.Where(g => g.PersonId == person).Select(g => g.Title switch { "组长" => 0, "副组长" => 1, _ => 2 }).DefaultIfEmpty(3).Min();
        var hosts = hostRows
            .OrderBy(h => GroupRank(h.HostPersonId)).ThenBy(h => h.PostRank).ThenBy(h => TitleRank(h.Title)).ThenBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => (h.Name, h.Forums)).ToList();

        var keyProblems = db.Problems.Where(p => p.CampaignId == c && p.Source == ProblemSource.Opinions && p.MergedIntoId == null && (fromUtc == null || (p.CreatedAt >= fromUtc && p.CreatedAt < toUtc)));
        var keyOpinions = narrative ? await keyProblems.OrderBy(p => p.CreatedAt).ThenBy(p => p.Title).Select(p => p.Title).Take(Named).ToListAsync(ct) : [];
        var keyCount = await keyProblems.CountAsync(ct);

        var meetings = await db.LifeMeetings.Where(m => m.CampaignId == c && m.Kind != Meetings.MeetingKind.Briefing && (from == null || (m.HeldOn >= from && m.HeldOn <= to)) && m.HeldOn <= today)
            .Select(m => new { m.Kind, m.HeldOn }).ToListAsync(ct);

        var items = db.RectificationItems.Where(i => i.CampaignId == c && i.ParentId == null);
        var phaseItems = from is null ? items : items.Where(i => i.StartsOn >= from && i.StartsOn <= to);
        var closedItems = from is null ? items.Where(i => i.Status == ItemStatus.Closed) : items.Where(i => i.Status == ItemStatus.Closed && i.ClosedOn >= from && i.ClosedOn <= to);
        var overdueItems = phaseItems.Where(i => (i.Status == ItemStatus.NotStarted || i.Status == ItemStatus.InProgress) && i.Horizon != ProblemHorizon.LongTerm && i.DueOn < today);
        var closedTitles = narrative ? await closedItems.OrderBy(i => i.ClosedOn).ThenBy(i => i.SortOrder).Select(i => i.Title).Take(Named).ToListAsync(ct) : [];
        var overdueTitles = narrative ? await overdueItems.OrderBy(i => i.DueOn).ThenBy(i => i.SortOrder).Select(i => i.Title).Take(Named).ToListAsync(ct) : [];

        // Rules count by their link to the campaign (the rectification item they came from), never by organization and
        // dates: counted in full, named (a draft) by the first few of each.
        var linkedRules = db.Rules.Where(x => x.RectificationItemId != null && items.Any(i => i.Id == x.RectificationItemId)
            && (from == null || (x.IssuedOn >= from && x.IssuedOn <= to) || (x.AbolishedOn >= from && x.AbolishedOn <= to)));
        var ruleCounts = await linkedRules.GroupBy(x => 1).Select(g => new
        {
            Made = g.Count(x => x.ReplacesId == null && x.AbolishedOn == null),
            Revised = g.Count(x => x.ReplacesId != null && x.AbolishedOn == null),
            Abolished = g.Count(x => x.AbolishedOn != null),
        }).SingleOrDefaultAsync(ct);
        var rules = narrative
            ? await linkedRules.OrderBy(x => x.IssuedOn).ThenBy(x => x.Title).Select(x => new { x.Title, x.ReplacesId, x.AbolishedOn }).Take(Named * 3).ToListAsync(ct)
            : [];

        // Talks with people outside the roster (恳谈), in the campaign or the phase.
        var guestTalks = db.Talks.Where(t => t.CampaignId == c && t.PartnerId == null && (from == null || (t.HeldOn >= from && t.HeldOn <= to)) && t.HeldOn <= today);
        var guestCount = await guestTalks.GroupBy(t => 1).Select(g => new { Talks = g.Count(), People = g.Select(t => t.PairKey).Distinct().Count() }).SingleOrDefaultAsync(ct);
        var guestNames = narrative && guestCount is not null
            ? await guestTalks.GroupBy(t => t.GuestName!).Select(g => new { Name = g.Key, First = g.Min(t => t.HeldOn), Entered = g.Min(t => t.CreatedAt) }).OrderBy(g => g.First).ThenBy(g => g.Entered).ThenBy(g => g.Name).Select(g => g.Name).Take(Named).ToListAsync(ct)
            : [];

        var consultations = db.Consultations.Where(x => x.CampaignId == c && x.PublishedAt != null && x.OpensOn <= today && (from == null || (x.OpensOn <= to && x.ClosesOn >= from)));
        var consultationTitles = narrative ? await consultations.OrderBy(x => x.OpensOn).Select(x => x.Title).Take(Named).ToListAsync(ct) : [];
        var consultationComments = narrative
            ? await db.Opinions.CountAsync(o => o.CampaignId == c && o.ConsultationId != null && (from == null || (o.ReceivedOn >= from && o.ReceivedOn <= to)), ct)
            : 0;

        var facts = new SummaryFacts
        {
            Title = phase is null ? $"{campaign.Title}总结" : $"“{phase.Name}”环节小结",
            CampaignTitle = campaign.Title,
            Theme = campaign.Theme,
            Issuer = issuer,
            PhaseName = phase?.Name,
            StartsOn = phase?.StartsOn ?? campaign.StartsOn,
            EndsOn = phase?.EndsOn ?? campaign.EndsOn,
            Today = today,
            Phases = phases,
            MobilizedOn = mobilized is { } m0 ? DateOnly.FromDateTime(ChinaTime.ToLocal(m0)) : null,
            Sessions = s.SessionsHeld,
            SessionsByKind = s.SessionsByKind.Where(k => k.Held > 0).Select(k => (k.Label, k.Held)).ToList(),
            Lectures = lectures.Select(x => (x.Speaker!, x.Title)).ToList(),
            AttendanceRate = s.ExpectedAttendances > 0 ? s.AttendanceRate : null,
            MakeUps = s.MakeUpDone,
            Notes = s.Notes,
            Reflections = s.Reflections,
            StudySummaries = s.StudySummaries,
            NotesChecked = s.NotesChecked,
            NoteCheckRounds = s.NoteCheckRounds,
            Exhibited = s.Exhibited,
            Copies = phase is null ? s.CopiesDistributed : 0,
            Quizzes = s.Quizzes,
            QuizTakers = s.QuizTakers,
            ForumHosts = hosts,
            KeyOpinions = keyOpinions,
            KeyOpinionCount = keyCount,
            LifeMeetings = meetings.Where(m => m.Kind == Meetings.MeetingKind.DemocraticLife).Select(m => m.HeldOn).Order().ToList(),
            BranchMeetings = meetings.Count(m => m.Kind == Meetings.MeetingKind.OrganizationLife),
            ClosedTitles = closedTitles,
            OverdueTitles = overdueTitles,
            RulesMade = rules.Where(x => x.ReplacesId == null && x.AbolishedOn == null).Select(x => x.Title).ToList(),
            RulesRevised = rules.Where(x => x.ReplacesId != null && x.AbolishedOn == null).Select(x => x.Title).ToList(),
            RulesAbolished = rules.Where(x => x.AbolishedOn != null).Select(x => x.Title).ToList(),
            RulesMadeCount = ruleCounts?.Made ?? 0,
            RulesRevisedCount = ruleCounts?.Revised ?? 0,
            RulesAbolishedCount = ruleCounts?.Abolished ?? 0,
            GuestTalks = guestCount?.Talks ?? 0,
            Guests = guestCount?.People ?? 0,
            GuestNames = guestNames,
            Consultations = consultationTitles,
            ConsultationComments = consultationComments,
            Research = await research.ForCampaignAsync(c, from, to, ct),
        };
        return phase is null ? await CampaignWideAsync(facts, campaign, l, r, narrative, ct) : await PhaseAsync(facts, c, from!.Value, to!.Value, fromUtc!.Value, toUtc!.Value, today, phaseItems, closedItems, overdueItems, ct);
    }

    /// <summary>The campaign's summary quotes the same figures its dashboards chart.</summary>
    private async Task<SummaryFacts> CampaignWideAsync(SummaryFacts facts, Campaign campaign, ListeningFigures.Figures l, RectificationProgress.Figures r, bool narrative, CancellationToken ct)
    {
        var c = campaign.Id;
        var appraisal = l.Appraisals.FirstOrDefault(a => a.Closed);
        var counted = facts with
        {
            LettersSent = l.LettersSent,
            LettersReturned = l.LettersReturned,
            Forums = l.Forums,
            ForumAttendees = l.ForumAttendees,
            Opinions = l.Opinions,
            Affirmative = l.ByNature.GetValueOrDefault("肯定"),
            Suggestions = l.ByNature.GetValueOrDefault("建议"),
            Criticisms = l.ByNature.GetValueOrDefault("批评"),
            Channels = l.ByChannel.Where(x => x.Value > 0).OrderByDescending(x => x.Value).Select(x => (x.Key, x.Value)).ToList(),
            AppraisalIssued = appraisal?.Issued ?? 0,
            AppraisalReturned = appraisal?.Returned ?? 0,
            AppraisalGood = appraisal?.GoodShare,
            Talks = l.Talks.Talks,
            TalkCoverage = l.Talks.Required > 0 ? l.Talks.Coverage : null,
            TalksMissing = Math.Max(0, l.Talks.Required - l.Talks.Covered),
            Problems = r.Problems,
            ProblemsByCategory = r.ProblemsByCategory.Select(x => (x.Key, x.Value)).ToList(),
            Items = r.Items,
            Closed = r.Closed,
            Overdue = r.Overdue,
            Briefings = await db.Briefings.CountAsync(b => b.CampaignId == c && b.Document!.Status == DocumentStatus.Approved, ct),
            BriefingsSent = await db.Briefings.CountAsync(b => b.CampaignId == c && b.SentOn != null, ct),
        };
        if (!narrative)
        {
            return counted;
        }

        // The campaign's own 流动红旗: the latest published period of a scheme that belongs to the campaign.
        var flag = await db.AssessmentPeriods.Where(p => p.PublishedAt != null && p.FlagHolders != null && p.FlagHolders != "" && db.AssessmentSchemes.Any(x => x.Id == p.SchemeId && x.CampaignId == c))
            .OrderByDescending(p => p.EndsOn).Select(p => new { p.Label, p.FlagHolders }).FirstOrDefaultAsync(ct);
        var units = await study.AttendanceByUnitAsync(c, ct);
        var expected = units.Sum(u => u.Expected);
        var overall = expected == 0 ? 0 : 100.0 * units.Sum(u => u.Present) / expected;
        return counted with
        {
            LongTerm = await db.RectificationItems.CountAsync(i => i.CampaignId == c && i.ParentId == null && i.Status != ItemStatus.Closed && (i.Horizon == ProblemHorizon.LongTerm || i.Status == ItemStatus.LongTerm), ct),
            Aspects = await db.ProblemAspects.Where(a => a.CampaignId == c).OrderBy(a => a.Order).ThenBy(a => a.CreatedAt).Select(a => a.Title).Take(20).ToListAsync(ct),
            RedFlag = flag is null ? null : (flag.Label, flag.FlagHolders!),
            LowAttendanceUnits = units.Where(u => u.Expected >= 5 && u.Rate < overall - 15).OrderBy(u => u.Rate).Select(u => u.Unit).ToList(),
        };
    }

    /// <summary>A phase's summary counts what happened between its first and last day.</summary>
    private async Task<SummaryFacts> PhaseAsync(SummaryFacts facts, Guid c, DateOnly from, DateOnly to, DateTime fromUtc, DateTime toUtc, DateOnly today, IQueryable<RectificationItem> items, IQueryable<RectificationItem> closed, IQueryable<RectificationItem> overdue, CancellationToken ct)
    {
        var letters = await db.LetterRecipients.Where(x => db.SolicitationLetters.Any(t => t.Id == x.LetterId && t.CampaignId == c && t.SentOn >= from && t.SentOn <= to))
            .GroupBy(x => 1).Select(g => new { Sent = g.Count(), Returned = g.Count(x => x.ReturnedAt != null) }).SingleOrDefaultAsync(ct);
        var forums = await db.Forums.Where(x => x.CampaignId == c && x.HeldOn >= from && x.HeldOn <= to)
            .GroupBy(x => 1).Select(g => new { Count = g.Count(), Attendees = g.Sum(x => x.Attendees) }).SingleOrDefaultAsync(ct);
        var opinions = await db.Opinions.Where(o => o.CampaignId == c && o.ReceivedOn >= from && o.ReceivedOn <= to)
            .GroupBy(o => new { o.Nature, o.Channel }).Select(g => new { g.Key.Nature, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        var talks = await db.Talks.CountAsync(t => t.CampaignId == c && t.HeldOn >= from && t.HeldOn <= to && t.HeldOn <= today, ct);
        var problems = await db.Problems.Where(p => p.CampaignId == c && p.CreatedAt >= fromUtc && p.CreatedAt < toUtc)
            .GroupBy(p => p.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(ct);
        var briefings = await db.Briefings.CountAsync(b => b.CampaignId == c && b.Document!.Status == DocumentStatus.Approved && b.PublishedAt >= fromUtc && b.PublishedAt < toUtc, ct);
        var briefingsSent = await db.Briefings.CountAsync(b => b.CampaignId == c && b.SentOn >= from && b.SentOn <= to, ct);
        return facts with
        {
            LettersSent = letters?.Sent ?? 0,
            LettersReturned = letters?.Returned ?? 0,
            Forums = forums?.Count ?? 0,
            ForumAttendees = forums?.Attendees ?? 0,
            Opinions = opinions.Sum(o => o.Count),
            Affirmative = opinions.Where(o => o.Nature == Nature.Positive).Sum(o => o.Count),
            Suggestions = opinions.Where(o => o.Nature == Nature.Suggestion).Sum(o => o.Count),
            Criticisms = opinions.Where(o => o.Nature == Nature.Criticism).Sum(o => o.Count),
            Channels = opinions.GroupBy(o => o.Channel).OrderByDescending(g => g.Sum(o => o.Count)).Select(g => (OpinionLabels.Of(g.Key), g.Sum(o => o.Count))).ToList(),
            Talks = talks,
            Problems = problems.Sum(p => p.Count),
            ProblemsByCategory = problems.OrderBy(p => p.Category ?? (Topic)99).Select(p => (p.Category is { } t ? OpinionLabels.Of(t) : "待分类", p.Count)).ToList(),
            Items = await items.CountAsync(ct),
            Closed = await closed.CountAsync(ct),
            Overdue = await overdue.CountAsync(ct),
            Briefings = briefings,
            BriefingsSent = briefingsSent,
        };
    }

    /// <summary>书记 (not 副书记) first, then 正职 titles, then 副职.</summary>
    private static int TitleRank(string? title) =>
        title is null ? 3
        : title.Contains("书记", StringComparison.Ordinal) && !title.Contains("副书记", StringComparison.Ordinal) ? 0
        : title.StartsWith('副') || title.Contains("、副", StringComparison.Ordinal) ? 2
        : 1;

    private static List<Figure> List(Campaign campaign, SummaryFacts f, StudyFigures.Figures s)
    {
        var q = $"campaignId={campaign.Id}";
        static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
        var list = new List<Figure>
        {
            new("study.sessions", "组织集体学习（次）", I(f.Sessions), $"/Study/Sessions?{q}"),
            new("study.attendance", "学习出勤率", N(f.AttendanceRate ?? 0) + "%", $"/Study/Attendance?{q}"),
            new("study.makeup", "补学（人次）", I(f.MakeUps), $"/Study/Attendance?{q}"),
            new("study.notes", "学习笔记（篇）", I(f.Notes), $"/Study/Notes?{q}"),
            new("study.reflections", "心得体会（篇）", I(f.Reflections), $"/Study/Notes?{q}"),
            new("study.summaries", "学结（篇）", I(f.StudySummaries), $"/Study/Notes?{q}"),
            new("study.checked", "检查学习笔记（篇次）", I(f.NotesChecked), $"/Study/Notes?{q}"),
            new("study.checkRounds", "检查学习笔记（次）", I(f.NoteCheckRounds), $"/Study/Notes?{q}"),
            new("study.exhibited", "展评（篇）", I(f.Exhibited), $"/Study/Notes?{q}"),
            new("study.copies", "发放学习材料（份）", I(f.Copies), $"/Study/Materials?{q}"),
            new("study.quizzes", "理论测试（场）", I(f.Quizzes), $"/Study/Quizzes?{q}"),
            new("study.quizTakers", "参加测试（人）", I(f.QuizTakers), $"/Study/Quizzes?{q}"),
            new("letters.sent", "发放征求意见函（份）", I(f.LettersSent), $"/Opinions/Letters?{q}"),
            new("letters.returned", "收回征求意见函（份）", I(f.LettersReturned), $"/Opinions/Letters?{q}"),
            new("forums.held", "召开座谈会（次）", I(f.Forums), $"/Opinions/Forums?{q}"),
            new("forums.attendees", "座谈会参加（人次）", I(f.ForumAttendees), $"/Opinions/Forums?{q}"),
            new("opinions.total", "征求到意见建议（条）", I(f.Opinions), $"/Opinions?{q}"),
            new("opinions.affirmative", "其中肯定性意见（条）", I(f.Affirmative), $"/Opinions?{q}"),
            new("opinions.suggestions", "其中建议（条）", I(f.Suggestions), $"/Opinions?{q}"),
            new("opinions.criticisms", "其中批评（条）", I(f.Criticisms), $"/Opinions?{q}"),
            new("opinions.key", "梳理出重点意见（条）", I(f.KeyOpinionCount), $"/Problems?{q}"),
            new("appraisal.issued", "民主评议发出（份）", I(f.AppraisalIssued), $"/Appraisal?{q}"),
            new("appraisal.returned", "民主评议收回（份）", I(f.AppraisalReturned), $"/Appraisal?{q}"),
            new("appraisal.good", "综合评价较好以上", N(f.AppraisalGood ?? 0) + "%", $"/Appraisal?{q}"),
            new("talks.count", "开展谈心谈话（人次）", I(f.Talks), $"/Talks?{q}"),
            new("talks.coverage", "“四个必谈”覆盖率", N(f.TalkCoverage ?? 0) + "%", $"/Talks?{q}"),
            new("talks.guests", "恳谈名册以外人员（人）", I(f.Guests), $"/Talks?{q}"),
            new("research.groups", "调研组（个）", I(f.Research.Groups), $"/Research?{q}"),
            new("research.topics", "调研课题（个）", I(f.Research.Topics), $"/Research?{q}"),
            new("research.districts", "深入县区（个）", I(f.Research.Districts), $"/Research?{q}"),
            new("research.people", "调研座谈（人次）", I(f.Research.PeopleMet), $"/Research?{q}"),
            new("research.reports", "调研报告（篇）", I(f.Research.ReportCount), $"/Research?{q}"),
            new("research.shared", "成果交流的课题（个）", I(f.Research.Shared), $"/Research?{q}"),
            new("meetings.life", "召开民主生活会（次）", I(f.LifeMeetings.Count), $"/Meetings?{q}"),
            new("problems.total", "查摆问题（个）", I(f.Problems), $"/Problems?{q}"),
            new("rectification.items", "整改事项（项）", I(f.Items), $"/Rectification?{q}"),
            new("rectification.closed", "已销号（项）", I(f.Closed), $"/Rectification?{q}&status=Closed"),
            new("rectification.closedRate", "销号率", N(f.ClosedRate) + "%", $"/Rectification?{q}"),
            new("rectification.overdue", "逾期事项（项）", I(f.Overdue), $"/Rectification?{q}&status=overdue"),
            new("rules.made", "新建制度（项）", I(f.RulesMadeCount), "/Rules?status=Current"),
            new("rules.revised", "修订制度（项）", I(f.RulesRevisedCount), "/Rules"),
            new("rules.abolished", "废止制度（项）", I(f.RulesAbolishedCount), "/Rules?status=Abolished"),
            new("briefings.issued", "编发简报（期）", I(f.Briefings), $"/Briefings?{q}"),
            new("briefings.sent", "报送上级简报（期）", I(f.BriefingsSent), $"/Briefings?{q}"),
        };
        foreach (var kind in s.SessionsByKind.Where(k => k.Held > 0))
        {
            list.Add(new($"study.kind.{kind.Kind}", $"{kind.Label}（次）", I(kind.Held), $"/Study/Sessions?{q}&kind={kind.Kind}"));
        }

        foreach (var (target, units) in f.Research.UnitsByTarget)
        {
            list.Add(new($"research.units.{target}", $"调研走访{Research.ResearchLabels.Of(target)}（{Research.ResearchLabels.Measure(target)}）", I(units), $"/Research?{q}"));
        }

        foreach (var kind in f.Research.Outreach)
        {
            list.Add(new($"outreach.{kind.Kind}", $"{Research.ResearchLabels.Of(kind.Kind)}（项）", I(kind.Activities), $"/Research?{q}&view=outreach&kind={kind.Kind}"));
            list.Add(new($"outreach.{kind.Kind}.outings", $"{Research.ResearchLabels.Of(kind.Kind)}开展（次）", I(kind.Outings), $"/Research?{q}&view=outreach&kind={kind.Kind}"));
        }

        foreach (var (channel, count) in f.Channels)
        {
            list.Add(new($"opinions.channel.{channel}", $"意见渠道：{channel}（条）", I(count), $"/Opinions?{q}"));
        }

        foreach (var (host, forums) in f.ForumHosts)
        {
            list.Add(new($"forums.host.{host}", $"{host}主持座谈会（次）", I(forums), $"/Opinions/Forums?{q}"));
        }

        foreach (var (topic, count) in f.ProblemsByCategory)
        {
            list.Add(new($"problems.{topic}", $"查摆问题：{topic}（个）", I(count), $"/Problems?{q}"));
        }

        return list;
    }
}
