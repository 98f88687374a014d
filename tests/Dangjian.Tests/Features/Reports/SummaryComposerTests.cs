using System.Text.RegularExpressions;
using Dangjian.Web.Features.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace Dangjian.Tests.Features.Reports;

/// <summary>What every drafted summary must be, whatever the records: the seeds' four parts, no zero, no placeholder, full-width punctuation.</summary>
public static partial class SummaryText
{
    public static readonly string[] Headings = ["一、基本情况", "二、主要做法", "三、主要收获和体会", "四、存在的问题和今后打算"];

    public static void ShouldReadAsWritten(string text)
    {
        foreach (var heading in Headings)
        {
            text.ShouldContain(heading);
        }

        LoneZero().Matches(text).Select(m => Around(text, m.Index)).ShouldBeEmpty("no figure of zero is printed");
        text.ShouldNotContain("(");
        text.ShouldNotContain(")");
        text.ShouldNotContain("请办公室");
        text.ShouldNotContain("，。");
        text.ShouldNotContain("。。");
        text.ShouldNotContain("；。");
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 12), Math.Min(24, text.Length - Math.Max(0, index - 12)));

    [GeneratedRegex(@"(?<![\d.])0(?![\d.])")]
    private static partial Regex LoneZero();
}

public sealed class SummaryComposerTests
{
    private static readonly DateOnly Start = new(2026, 3, 25);

    private static SummaryFacts Facts(int[] n, bool phase) => new()
    {
        Title = "活动总结",
        CampaignTitle = "园区深入学习实践科学发展观活动",
        Issuer = "中共工业园区党工委",
        PhaseName = phase ? "学习调研" : null,
        StartsOn = Start,
        EndsOn = Start.AddDays(140),
        Today = Start.AddDays(n[0] % 200),
        Phases = ["学习调研", "分析检查", "整改落实"],
        Sessions = n[1],
        SessionsByKind = n[1] > 0 ? [("集中学习", n[1])] : [],
        AttendanceRate = n[2] > 0 ? n[2] % 101 : null,
        MakeUps = n[3],
        Notes = n[4],
        Reflections = n[5],
        NotesChecked = n[6],
        NoteCheckRounds = Math.Min(n[6], 3),
        LettersSent = n[7],
        LettersReturned = Math.Min(n[7], n[8]),
        Forums = n[9],
        ForumAttendees = n[9] * n[10],
        ForumHosts = n[9] > 0 ? [("王建国", n[9])] : [],
        Opinions = n[11] + n[12],
        Affirmative = n[11],
        Suggestions = n[12],
        KeyOpinions = Enumerable.Range(1, n[13]).Select(i => $"重点意见{i}").ToList(),
        KeyOpinionCount = n[13],
        AppraisalIssued = n[14],
        AppraisalReturned = n[14],
        AppraisalGood = n[14] > 0 ? 100 : null,
        Talks = n[15],
        TalkCoverage = n[15] > 0 ? 50 : null,
        TalksMissing = n[16],
        Problems = n[17],
        ProblemsByCategory = n[17] > 0 ? [("其他", n[17])] : [],
        Items = n[18] + n[19],
        Closed = n[18],
        ClosedTitles = Enumerable.Range(1, Math.Min(n[18], 3)).Select(i => $"整改事项{i}").ToList(),
        Overdue = n[19],
        Briefings = n[20],
        BriefingsSent = Math.Min(n[20], n[21]),
    };

    [Fact]
    public void AnyRecordsReadAsASummaryWithoutZerosPlaceholdersOrHalfWidthBrackets()
    {
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 40), 22).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (n, phase) =>
        {
            var text = SummaryComposer.Compose(Facts(n, phase));
            SummaryText.ShouldReadAsWritten(text);
            return text.StartsWith("活动总结", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EveryFigureThatIsThereIsQuotedInASentence()
    {
        var n = Enumerable.Range(3, 22).ToArray();
        var text = SummaryComposer.Compose(Facts(n, phase: false));
        text.ShouldContain("组织集体学习4次");
        text.ShouldContain("发放征求意见函10份、收回10份");
        text.ShouldContain("共征求到意见建议29条（其中肯定性意见14条、建议15条）");
        text.ShouldContain("梳理出重点意见16条：一是重点意见1；二是重点意见2");
        text.ShouldContain("开展谈心谈话18人次");
        text.ShouldContain("王建国主持");
        text.ShouldContain("已销号21项");
        text.ShouldContain("已完成的有“整改事项1”“整改事项2”“整改事项3”等。");
        text.ShouldContain("还有22项整改事项逾期未完成");
        text.ShouldContain("分三个环节进行：“学习调研”“分析检查”“整改落实”");
        text.ShouldNotContain("其中其他", Case.Sensitive, "a single unclassified category is not a breakdown");
    }

    [Fact]
    public void RulesAreCountedInFullWhetherOrNotEachIsNamed()
    {
        var facts = Facts(Enumerable.Range(3, 22).ToArray(), phase: false) with
        {
            RulesMade = ["甲办法", "乙规定"], RulesMadeCount = 8, RulesRevised = ["丙制度"], RulesRevisedCount = 1, RulesAbolishedCount = 2,
        };
        var text = SummaryComposer.Compose(facts);
        text.ShouldContain("新建《甲办法》《乙规定》等8项制度，修订《丙制度》，废止制度2项");
        text.ShouldContain("新建和修订制度9项");
    }

    [Fact]
    public void ACampaignWithNothingRecordedGetsAShortSensibleDraft()
    {
        var text = SummaryComposer.Compose(Facts(new int[22], phase: false));
        SummaryText.ShouldReadAsWritten(text);
        text.ShouldContain("刚刚起步");
        text.Length.ShouldBeLessThan(600);
    }
}
