namespace Dangjian.Web.Features.Reports;

/// <summary>
/// What a 活动总结 or 环节小结 says, taken from the records of the campaign (or of the phase's dates): the counts and the
/// named things (lectures, forum hosts, key opinions, rectification items, rules) that <see cref="SummaryComposer"/> writes
/// into sentences. Every list is already in the order the text names it; every count may be zero (the text then leaves
/// the sentence out).
/// </summary>
public sealed record SummaryFacts
{
    public required string Title { get; init; }

    public required string CampaignTitle { get; init; }

    public string? Theme { get; init; }

    /// <summary>The issuing Party organization, e.g. 中共市科技局党组: the 落款 and the subject of the opening sentence.</summary>
    public required string Issuer { get; init; }

    /// <summary>The phase a 环节小结 covers; null for the campaign's summary.</summary>
    public string? PhaseName { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public DateOnly Today { get; init; }

    /// <summary>The campaign's phases in order (for the campaign's summary).</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];

    /// <summary>The day of the 动员大会 (a study session or meeting so named, or its milestone's completion).</summary>
    public DateOnly? MobilizedOn { get; init; }

    public int Sessions { get; init; }

    /// <summary>Sessions held per kind, e.g. (中心组学习, 3).</summary>
    public IReadOnlyList<(string Label, int Count)> SessionsByKind { get; init; } = [];

    /// <summary>Lectures and 党课 with their speaker: (speaker, title).</summary>
    public IReadOnlyList<(string Speaker, string Title)> Lectures { get; init; } = [];

    /// <summary>实到 ÷ 应到 in percent, null when no attendance was recorded.</summary>
    public double? AttendanceRate { get; init; }

    public int MakeUps { get; init; }

    public int Notes { get; init; }

    public int Reflections { get; init; }

    /// <summary>学结 written.</summary>
    public int StudySummaries { get; init; }

    public int NotesChecked { get; init; }

    /// <summary>检查学习笔记N次: the days on which notes were checked.</summary>
    public int NoteCheckRounds { get; init; }

    public int Exhibited { get; init; }

    public int Copies { get; init; }

    public int Quizzes { get; init; }

    public int QuizTakers { get; init; }

    public int LettersSent { get; init; }

    public int LettersReturned { get; init; }

    public int Forums { get; init; }

    public int ForumAttendees { get; init; }

    /// <summary>Who hosted the forums, in rank order (组长 first, then 副组长, then by post).</summary>
    public IReadOnlyList<(string Name, int Forums)> ForumHosts { get; init; } = [];

    public int Opinions { get; init; }

    public int Affirmative { get; init; }

    public int Suggestions { get; init; }

    public int Criticisms { get; init; }

    /// <summary>The channels opinions came in by, most used first.</summary>
    public IReadOnlyList<(string Channel, int Count)> Channels { get; init; } = [];

    /// <summary>The key opinions (problems grouped from opinions), by title.</summary>
    public IReadOnlyList<string> KeyOpinions { get; init; } = [];

    /// <summary>The 方面 the problems were grouped into, in order (归纳梳理为六个方面).</summary>
    public IReadOnlyList<string> Aspects { get; init; } = [];

    /// <summary>How many key opinions there are (<see cref="KeyOpinions"/> names the first of them).</summary>
    public int KeyOpinionCount { get; init; }

    public int AppraisalIssued { get; init; }

    public int AppraisalReturned { get; init; }

    public double? AppraisalGood { get; init; }

    public int Talks { get; init; }

    /// <summary>“四个必谈” covered, in percent; null when no talk is required.</summary>
    public double? TalkCoverage { get; init; }

    public int TalksMissing { get; init; }

    /// <summary>Talks with people outside the roster (恳谈), how many such people, and the first of their names.</summary>
    public int GuestTalks { get; init; }

    public int Guests { get; init; }

    public IReadOnlyList<string> GuestNames { get; init; } = [];

    /// <summary>Documents put on the public site for comment (网上征求意见), by title, and the comments they drew.</summary>
    public IReadOnlyList<string> Consultations { get; init; } = [];

    public int ConsultationComments { get; init; }

    /// <summary>调研 and 载体: groups, topics, 县区, units visited, reports, 成果交流, and the 载体 activities by kind.</summary>
    public Research.ResearchFigures.Figures Research { get; init; } = Dangjian.Web.Features.Research.ResearchFigures.Figures.Empty;

    /// <summary>民主生活会 held, by date.</summary>
    public IReadOnlyList<DateOnly> LifeMeetings { get; init; } = [];

    public int BranchMeetings { get; init; }

    public int Problems { get; init; }

    public IReadOnlyList<(string Category, int Count)> ProblemsByCategory { get; init; } = [];

    public int Items { get; init; }

    public int Closed { get; init; }

    public double ClosedRate => Items == 0 ? 0 : Math.Round(100.0 * Closed / Items, 1);

    public IReadOnlyList<string> ClosedTitles { get; init; } = [];

    public int Overdue { get; init; }

    public IReadOnlyList<string> OverdueTitles { get; init; } = [];

    public int LongTerm { get; init; }

    public IReadOnlyList<string> RulesMade { get; init; } = [];

    public IReadOnlyList<string> RulesRevised { get; init; } = [];

    public IReadOnlyList<string> RulesAbolished { get; init; } = [];

    /// <summary>How many rules were made, revised and abolished (the lists above name the first of them).</summary>
    public int RulesMadeCount { get; init; }

    public int RulesRevisedCount { get; init; }

    public int RulesAbolishedCount { get; init; }

    public int Briefings { get; init; }

    public int BriefingsSent { get; init; }

    /// <summary>The campaign's own 流动红旗 (a scheme linked to it): period label and holders.</summary>
    public (string Period, string Holders)? RedFlag { get; init; }

    /// <summary>Units whose attendance stayed well below the whole's, worst first.</summary>
    public IReadOnlyList<string> LowAttendanceUnits { get; init; } = [];
}
