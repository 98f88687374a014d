using System.Globalization;
using System.Text;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// Drafts a 活动总结 or 环节小结 the way the seeds write one: four parts (一、基本情况；二、主要做法；三、主要收获和体会；
/// 四、存在的问题和今后打算), narrative sentences with each figure as evidence of what was done, named things named, nothing
/// that is zero or absent printed, full-width punctuation. The office edits the draft afterwards.
/// </summary>
public static class SummaryComposer
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>How many named things a sentence lists before it says 等.</summary>
    private const int Named = 5;

    public static string Compose(SummaryFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var text = new StringBuilder();
        text.AppendLine(f.Title).AppendLine();
        text.AppendLine(Lead(f)).AppendLine();
        text.AppendLine("一、基本情况");
        text.AppendLine(Basics(f)).AppendLine();
        text.AppendLine("二、主要做法");
        var practices = Practices(f);
        if (practices.Count == 0)
        {
            text.AppendLine(f.PhaseName is null ? "活动各项工作正按照实施方案逐步展开。" : "本环节各项工作正按照实施方案逐步展开。");
        }

        for (var i = 0; i < practices.Count; i++)
        {
            text.AppendLine($"（{Numeral(i)}）{practices[i]}");
        }

        text.AppendLine();
        text.AppendLine("三、主要收获和体会");
        text.AppendLine(Gains(f)).AppendLine();
        text.AppendLine("四、存在的问题和今后打算");
        foreach (var paragraph in Shortcomings(f))
        {
            text.AppendLine(paragraph);
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static string Lead(SummaryFacts f)
    {
        var theme = string.IsNullOrWhiteSpace(f.Theme) ? "" : $"，紧紧围绕“{f.Theme.Trim()}”的主题";
        return f.PhaseName is null
            ? $"按照上级统一部署，{f.Issuer}自{LongDate(f.StartsOn)}起开展{f.CampaignTitle}{theme}，精心组织，扎实推进，现将活动开展情况总结如下。"
            : $"按照{f.CampaignTitle}实施方案，“{f.PhaseName}”环节自{LongDate(f.StartsOn)}起开展，现将本环节工作小结如下。";
    }

    private static string Basics(SummaryFacts f)
    {
        var who = f.PhaseName is null ? "活动" : "本环节";
        var end = f.EndsOn < f.Today ? f.EndsOn : f.Today;
        var days = end.DayNumber - f.StartsOn.DayNumber + 1;
        var text = new StringBuilder();
        if (days > 0)
        {
            text.Append(f.EndsOn < f.Today
                ? $"{who}自{ShortDate(f.StartsOn, f.StartsOn)}起至{ShortDate(f.EndsOn, f.StartsOn)}止，历时{N(days)}天"
                : $"{who}自{ShortDate(f.StartsOn, f.StartsOn)}起，到目前历时{N(days)}天");
        }
        else
        {
            text.Append($"{who}定于{ShortDate(f.StartsOn, f.StartsOn)}开始");
        }

        if (f.PhaseName is null && f.Phases.Count > 1)
        {
            text.Append($"，分{ChineseCount(f.Phases.Count)}个环节进行：{string.Concat(f.Phases.Select(p => $"“{p}”"))}");
        }

        text.Append('。');
        if (f.MobilizedOn is { } mobilized)
        {
            text.Append($"{ShortDate(mobilized, f.StartsOn)}，{f.Issuer}召开动员大会，对{(f.PhaseName is null ? "活动" : "各项工作")}作出安排部署。");
        }

        var scale = Clauses(
            f.Sessions > 0 ? $"组织集体学习{N(f.Sessions)}次" : null,
            f.Research.Topics > 0 ? $"开展调研课题{N(f.Research.Topics)}个" : f.Research.Outings > 0 ? $"走访调研{N(f.Research.Outings)}次" : null,
            f.Opinions > 0 ? $"征求到意见建议{N(f.Opinions)}条" : null,
            f.Opinions == 0 && f.Talks > 0 ? $"开展谈心谈话{N(f.Talks)}人次" : null,
            f.Problems > 0 ? $"查摆问题{N(f.Problems)}个" : null,
            f.Items > 0 ? $"制定整改事项{N(f.Items)}项" + (f.Closed > 0 ? $"、已销号{N(f.Closed)}项" : "") : null);
        text.Append(scale.Length > 0
            ? $"{(f.PhaseName is null ? "活动开展以来" : "本环节")}，共{scale}。"
            : $"目前{who}各项工作刚刚起步。");
        return text.ToString();
    }

    private static List<string> Practices(SummaryFacts f)
    {
        var list = new List<string>();
        var study = new StringBuilder();
        if (f.Sessions > 0)
        {
            study.Append($"组织集体学习{N(f.Sessions)}次");
            var kinds = f.SessionsByKind.Where(k => k.Count > 0).ToList();
            if (kinds.Count > 1)
            {
                study.Append($"，其中{string.Join("、", kinds.Select(k => $"{k.Label}{N(k.Count)}次"))}");
            }

            study.Append('。');
            if (f.Lectures.Count > 0)
            {
                study.Append($"{string.Join("，", f.Lectures.Take(Named).Select(l => $"{l.Speaker}讲授{Book(l.Title)}"))}{(f.Lectures.Count > Named ? "等" : "")}。");
            }

            if (f.AttendanceRate is { } rate)
            {
                study.Append($"集体学习出勤率达到{Pct(rate)}");
                study.Append(f.MakeUps > 0 ? $"，对缺席的同志安排补学{N(f.MakeUps)}人次。" : "。");
            }
            else if (f.MakeUps > 0)
            {
                study.Append($"对缺席的同志安排补学{N(f.MakeUps)}人次。");
            }
        }

        // 「撰写心得体会和学结各13篇」 when the two are equal, as seed 004 writes it.
        var reflections = f.Reflections > 0 && f.Reflections == f.StudySummaries
            ? $"心得体会和学结各{N(f.Reflections)}篇"
            : string.Join("、", new[] { f.Reflections > 0 ? $"心得体会{N(f.Reflections)}篇" : null, f.StudySummaries > 0 ? $"学结{N(f.StudySummaries)}篇" : null }.OfType<string>());
        var writing = string.Join("、", new[] { f.Notes > 0 ? $"学习笔记{N(f.Notes)}篇" : null, reflections.Length > 0 ? reflections : null }.OfType<string>());
        if (writing.Length > 0)
        {
            study.Append($"党员干部撰写{writing}");
            study.Append(f.NoteCheckRounds > 0 ? $"，不定期检查学习笔记{N(f.NoteCheckRounds)}次（{N(f.NotesChecked)}篇次）" : f.NotesChecked > 0 ? $"，检查学习笔记{N(f.NotesChecked)}篇次" : "");
            study.Append(f.Exhibited > 0 ? $"，展评优秀笔记和心得{N(f.Exhibited)}篇" : "");
            study.Append('。');
        }

        var materials = Clauses(
            f.Copies > 0 ? $"发放学习材料{N(f.Copies)}份" : null,
            f.Quizzes > 0 ? $"组织理论测试{N(f.Quizzes)}场" + (f.QuizTakers > 0 ? $"、{N(f.QuizTakers)}人参加" : "") : null);
        if (materials.Length > 0)
        {
            study.Append($"{materials}。");
        }

        if (study.Length > 0)
        {
            list.Add("抓好学习教育。" + study);
        }

        if (ResearchText(f) is { } research)
        {
            list.Add("深入调查研究。" + research);
        }

        if (OutreachText(f) is { } outreach)
        {
            list.Add("用好活动载体。" + outreach);
        }

        var listening = new StringBuilder();
        if (f.Channels.Count > 1)
        {
            listening.Append($"采取{string.Join("、", f.Channels.Take(Named).Select(x => x.Channel))}等方式，开门纳谏，广开言路。");
        }

        var ways = Clauses(
            f.LettersSent > 0 ? $"发放征求意见函{N(f.LettersSent)}份" + (f.LettersReturned > 0 ? $"、收回{N(f.LettersReturned)}份" : "") : null,
            f.Forums > 0 ? $"召开座谈会{N(f.Forums)}次" + (f.ForumAttendees > 0 ? $"、与会{N(f.ForumAttendees)}人次" : "")
                + (f.ForumHosts.Count > 0 ? $"（{string.Join("、", f.ForumHosts.Select(h => h.Name))}{(f.ForumHosts.Count > 1 ? "分别" : "")}主持）" : "") : null);
        if (ways.Length > 0)
        {
            listening.Append($"{ways}。");
        }

        if (f.Consultations.Count > 0)
        {
            // 「（征求意见稿）」 belongs to the draft's title, not to how the summary names the document.
            var titles = string.Concat(f.Consultations.Select(t => Book(t.Replace("（征求意见稿）", "", StringComparison.Ordinal))));
            listening.Append($"把{titles}挂在网上，广泛征求社会各界的意见和建议" + (f.ConsultationComments > 0 ? $"，收到网上意见{N(f.ConsultationComments)}条。" : "。"));
        }

        if (f.Opinions > 0)
        {
            var natures = new[] { (f.Affirmative, "肯定性意见"), (f.Suggestions, "建议"), (f.Criticisms, "批评") }.Where(x => x.Item1 > 0).ToList();
            listening.Append($"共征求到意见建议{N(f.Opinions)}条");
            if (natures.Count > 1 || (natures.Count == 1 && natures[0].Item1 != f.Opinions))
            {
                listening.Append($"（其中{string.Join("、", natures.Select(x => $"{x.Item2}{N(x.Item1)}条"))}）");
            }

            listening.Append(f.KeyOpinionCount > 0 ? $"，梳理出重点意见{N(f.KeyOpinionCount)}条" + KeyOpinions(f) : "。");
        }
        else if (f.KeyOpinionCount > 0)
        {
            listening.Append($"梳理出重点意见{N(f.KeyOpinionCount)}条" + KeyOpinions(f));
        }

        if (f.Aspects.Count > 0)
        {
            listening.Append($"对征求到的意见建议归纳梳理为{ChineseCount(f.Aspects.Count)}个方面：{Enumerate(f.Aspects.Select(a => a.TrimEnd('。', '；', '，')).ToList())}");
        }

        if (listening.Length > 0)
        {
            list.Add("广泛征求意见。" + listening);
        }

        var rosterTalks = f.Talks - f.GuestTalks;
        if (rosterTalks > 0 || f.Guests > 0)
        {
            var guests = f.Guests == 0 ? null
                : $"与{(f.GuestNames.Count > 0 ? string.Join("、", f.GuestNames.Take(Named)) + (f.Guests > Math.Min(Named, f.GuestNames.Count) ? "等" : "") : "")}{N(f.Guests)}名各界人士开展恳谈，面对面听取意见和建议";
            list.Add("深入谈心谈话。" + (rosterTalks > 0
                ? $"领导班子成员之间、班子成员与党员干部之间开展谈心谈话{N(rosterTalks)}人次"
                    + (f.TalkCoverage is { } coverage ? $"，“四个必谈”覆盖率达到{Pct(coverage)}" : "") + "，交流思想，沟通情况" + (guests is null ? "。" : $"；{guests}。")
                : guests + "。"));
        }

        if (f.AppraisalIssued > 0)
        {
            list.Add($"开展民主评议。发出评议表{N(f.AppraisalIssued)}份"
                + (f.AppraisalReturned > 0 ? $"，收回{N(f.AppraisalReturned)}份" : "")
                + (f.AppraisalGood is { } good && f.AppraisalReturned > 0 ? $"，综合评价较好以上达到{Pct(good)}" : "") + "。");
        }

        var inspection = new StringBuilder();
        if (f.LifeMeetings.Count > 0)
        {
            inspection.Append($"{string.Join("、", f.LifeMeetings.Select(d => ShortDate(d, f.StartsOn)))}召开领导班子专题民主生活会，开展批评和自我批评");
            inspection.Append(f.BranchMeetings > 0 ? $"；各党支部召开组织生活会{N(f.BranchMeetings)}次。" : "。");
        }
        else if (f.BranchMeetings > 0)
        {
            inspection.Append($"各党支部召开组织生活会{N(f.BranchMeetings)}次，开展批评和自我批评。");
        }

        if (f.Problems > 0)
        {
            inspection.Append($"对照检查，梳理归类查摆出问题{N(f.Problems)}个");
            var categories = f.ProblemsByCategory.Where(c => c.Count > 0).ToList();
            if (categories.Count > 1)
            {
                inspection.Append($"，其中{string.Join("、", categories.Select(c => $"{c.Category}方面{N(c.Count)}个"))}");
            }
            else if (categories.Count == 1 && !IsUnclassified(categories[0].Category))
            {
                inspection.Append($"，都属{categories[0].Category}方面");
            }

            inspection.Append('。');
        }

        if (inspection.Length > 0)
        {
            list.Add("认真查摆问题。" + inspection);
        }

        var rectification = new StringBuilder();
        if (f.Items > 0)
        {
            rectification.Append($"针对查摆出的问题制定整改事项{N(f.Items)}项");
            rectification.Append(f.Closed > 0 ? $"，已销号{N(f.Closed)}项，销号率{Pct(f.ClosedRate)}" : "，正在逐项推进");
            rectification.Append('。');
            if (f.ClosedTitles.Count > 0)
            {
                rectification.Append($"已完成的有{string.Join("", f.ClosedTitles.Take(Named).Select(Quote))}{(f.Closed > Named ? "等" : "")}。");
            }
        }

        var rules = Clauses(Rules("新建", f.RulesMade, f.RulesMadeCount), Rules("修订", f.RulesRevised, f.RulesRevisedCount), Rules("废止", f.RulesAbolished, f.RulesAbolishedCount));
        if (rules.Length > 0)
        {
            rectification.Append($"坚持建章立制，{rules}。");
        }

        if (rectification.Length > 0)
        {
            list.Add("狠抓整改落实。" + rectification);
        }

        if (f.Briefings > 0)
        {
            list.Add($"加强宣传报道。编发活动简报{N(f.Briefings)}期" + (f.BriefingsSent > 0 ? $"，向上级报送{N(f.BriefingsSent)}期" : "") + "，及时反映活动动态。");
        }

        return list;
    }

    private static string Gains(SummaryFacts f)
    {
        var gains = new List<string>();
        if (f.AttendanceRate is { } rate && f.Sessions > 0)
        {
            gains.Add($"学习教育扎实有效，集体学习出勤率达到{Pct(rate)}" + (f.Reflections > 0 ? $"，撰写心得体会{N(f.Reflections)}篇" : ""));
        }
        else if (f.Sessions > 0)
        {
            gains.Add($"理论学习不断深入，组织集体学习{N(f.Sessions)}次" + (f.Reflections > 0 ? $"，撰写心得体会{N(f.Reflections)}篇" : ""));
        }

        var visited = f.Research.UnitsByTarget.Sum(u => u.Units);
        if (f.Research.Districts > 0 || visited > 0)
        {
            gains.Add("调查研究更加深入，" + Clauses(
                f.Research.Districts > 0 ? $"深入{N(f.Research.Districts)}个县区" : null,
                visited > 0 ? $"走访各类单位{N(visited)}个" : null,
                f.Research.ReportCount > 0 ? $"形成调研报告{N(f.Research.ReportCount)}篇" : null));
        }

        if (f.Opinions > 0)
        {
            gains.Add($"听取意见渠道畅通，征求到意见建议{N(f.Opinions)}条" + (f.KeyOpinionCount > 0 ? $"，梳理出重点意见{N(f.KeyOpinionCount)}条" : ""));
        }

        if (f.AppraisalGood is { } good && f.AppraisalReturned > 0)
        {
            gains.Add($"群众认可度较高，民主评议综合评价较好以上达到{Pct(good)}");
        }

        if (f.TalkCoverage is { } coverage && f.Talks > 0)
        {
            gains.Add($"思想交流更加充分，“四个必谈”覆盖率达到{Pct(coverage)}");
        }

        if (f.Closed > 0)
        {
            gains.Add($"整改见到实效，{N(f.Closed)}项整改事项已经销号，销号率{Pct(f.ClosedRate)}");
        }

        var rules = f.RulesMadeCount + f.RulesRevisedCount;
        if (rules > 0)
        {
            gains.Add($"制度建设得到加强，新建和修订制度{N(rules)}项");
        }

        if (f.RedFlag is { } flag)
        {
            gains.Add($"比学赶超氛围浓厚，{flag.Holders}在{flag.Period}考核中获得流动红旗");
        }

        return gains.Count == 0
            ? $"{(f.PhaseName is null ? "活动" : "本环节")}开展时间尚短，成效有待在后续工作中进一步显现。"
            : $"通过{(f.PhaseName is null ? "开展活动" : "本环节的工作")}，主要有以下收获：{Enumerate(gains)}";
    }

    private static List<string> Shortcomings(SummaryFacts f)
    {
        var problems = new List<string>();
        var plans = new List<string>();
        if (f.Overdue > 0)
        {
            problems.Add($"还有{N(f.Overdue)}项整改事项逾期未完成" + (f.OverdueTitles.Count > 0 ? $"，如{string.Join("", f.OverdueTitles.Take(Named).Select(Quote))}" : ""));
            plans.Add("对逾期整改事项加大督办力度，确保按期销号");
        }

        if (f.LongTerm > 0)
        {
            problems.Add($"{N(f.LongTerm)}项整改事项需要长期坚持，不可能一蹴而就");
            plans.Add("对需要长期整改的事项建立长效机制，持续推进");
        }

        if (f.TalksMissing > 0)
        {
            problems.Add($"“四个必谈”还有{N(f.TalksMissing)}对尚未谈到");
            plans.Add("抓紧完成尚未开展的谈心谈话");
        }

        var unreported = f.PhaseName is null ? f.Research.Topics - f.Research.ReportCount : 0;
        if (unreported > 0)
        {
            problems.Add($"还有{N(unreported)}个调研课题尚未形成调研报告，调研成果的转化运用还不够");
            plans.Add("抓紧形成调研报告，把调研成果转化为解决问题的具体措施");
        }

        if (f.LowAttendanceUnits.Count > 0)
        {
            problems.Add($"{string.Join("、", f.LowAttendanceUnits.Take(Named))}{(f.LowAttendanceUnits.Count > Named ? "等单位" : "")}学习出勤率偏低，工学矛盾仍较突出");
            plans.Add("加强学习考勤管理，督促缺学人员及时补学");
        }

        if (f.LettersSent > 0 && f.LettersReturned * 10 < f.LettersSent * 6)
        {
            problems.Add(f.LettersReturned == 0
                ? "发出的征求意见函还没有收回，听取意见的面还不够广"
                : $"征求意见函回收率只有{Pct(100.0 * f.LettersReturned / f.LettersSent)}，听取意见的面还不够广");
            plans.Add("拓宽听取意见的渠道，主动上门征求服务对象的意见");
        }

        var recorded = f.Sessions + f.Opinions + f.LettersSent + f.Forums + f.Talks + f.Problems + f.Items + f.Briefings + f.AppraisalIssued + f.Research.Topics + f.Research.Outings + f.Research.Outreach.Count > 0;
        if (!recorded)
        {
            return [$"{(f.PhaseName is null ? "活动" : "本环节")}各项工作还需按照实施方案抓紧推进，做到按时完成规定动作。"];
        }

        plans.Add(f.PhaseName is null ? "巩固和扩大活动成果，把行之有效的做法用制度固定下来" : "按照实施方案扎实推进下一环节的工作");
        var first = problems.Count == 0
            ? $"{(f.PhaseName is null ? "活动" : "本环节工作")}虽然取得了一定成效，但巩固和扩大成果仍需长期努力。"
            : $"{(f.PhaseName is null ? "活动" : "本环节工作")}虽然取得了一定成效，但还存在一些不足：{Enumerate(problems)}";
        return [first, plans.Count == 1 ? $"今后，我们将{plans[0]}。" : $"今后，我们将着重抓好以下几个方面：{Enumerate(plans)}"];
    }

    /// <summary>
    /// 「组成7个调研组，围绕《甲》《乙》等10个课题，深入8个县区，走访企业50家、高校4所，座谈交流102人次，形成调研报告3篇：《甲》……。
    /// 7月20日组织调研成果交流……」; null when nothing was researched.
    /// </summary>
    private static string? ResearchText(SummaryFacts f)
    {
        var r = f.Research;
        if (r.Topics == 0 && r.Outings == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        var topics = r.Topics == 0 ? null
            : r.TopicTitles.Count == r.Topics && r.Topics <= 3 ? $"围绕{string.Concat(r.TopicTitles.Select(Book))}{(r.Topics > 1 ? $"{N(r.Topics)}个课题" : "")}"
            : $"围绕{string.Concat(r.TopicTitles.Take(3).Select(Book))}等{N(r.Topics)}个课题";
        var where = Clauses(
            r.Districts > 0 ? $"深入{N(r.Districts)}个县区" : null,
            r.UnitsByTarget.Count > 0 ? "走访" + string.Join("、", r.UnitsByTarget.Select(u => $"{Research.ResearchLabels.Of(u.Target)}{N(u.Units)}{Research.ResearchLabels.Measure(u.Target)}")) : null,
            r.PeopleMet > 0 ? $"座谈交流{N(r.PeopleMet)}人次" : null);
        text.Append(Clauses(r.Groups > 0 ? $"组成{N(r.Groups)}个调研组" : null, topics));
        text.Append(text.Length > 0 ? (where.Length > 0 ? "，" + where : "开展调研") : where.Length > 0 ? where : $"开展走访调研{N(r.Outings)}次");
        if (r.Reports.Count > 0)
        {
            text.Append(r.ReportCount == 1 ? $"，形成调研报告{Book(r.Reports[0])}"
                : r.ReportCount <= Named ? $"，形成调研报告{N(r.ReportCount)}篇：{string.Concat(r.Reports.Select(Book))}"
                : $"，形成{string.Concat(r.Reports.Take(Named).Select(Book))}等调研报告{N(r.ReportCount)}篇");
        }

        text.Append('。');
        if (r.SharedOn is { } shared)
        {
            text.Append($"{ShortDate(shared, f.StartsOn)}组织调研成果交流，{(r.Groups > 1 ? "各调研组" : "")}把调研中了解到的情况和问题互通有无，提出解决问题的建议和措施。");
        }

        return text.ToString();
    }

    /// <summary>Per kind of 载体 what was done, 「建立领导干部联系点8个，深入联系点12次；开展扶贫帮困1次、23人次参加」; null when nothing.</summary>
    private static string? OutreachText(SummaryFacts f)
    {
        // What an activity reached: 「走访慰问困难群众12户」「服务企业40家」 and 「102人次参加」.
        static string Reach(Research.OutreachKind kind, int units, int people) => Clauses(
            units > 0 ? kind switch
            {
                Research.OutreachKind.PovertyRelief => $"走访慰问困难群众{N(units)}户",
                Research.OutreachKind.EnterpriseService => $"服务企业{N(units)}家",
                _ => null,
            } : null,
            people > 0 ? $"{N(people)}人次参加" : null) is { Length: > 0 } reach ? "，" + reach : "";

        var clauses = f.Research.Outreach.Where(k => k.Activities > 0).SelectMany(k => k.Kind switch
        {
            Research.OutreachKind.ContactPoint => [$"建立领导干部基层联系点{N(k.Activities)}个" + (k.Outings > 0 ? $"，深入联系点{N(k.Outings)}次" : "") + Reach(k.Kind, 0, k.People)],
            Research.OutreachKind.Pairing => [$"与基层单位结对子{N(k.Activities)}对" + (k.Outings > 0 ? $"，开展结对帮扶{N(k.Outings)}次" : "") + Reach(k.Kind, 0, k.People)],
            // A few activities are each named with what they reached (「开展“百名专家企业行”活动，服务企业40家，102人次参加」).
            _ when k.Activities <= 2 && k.Items.Count == k.Activities => k.Items.Select(a => $"开展{Quote(a.Title)}{(a.Title.EndsWith("活动", StringComparison.Ordinal) ? "" : "活动")}" + (a.Outings > 1 ? $"{N(a.Outings)}次" : "") + Reach(k.Kind, a.Units, a.People)),
            _ => [$"开展{Research.ResearchLabels.Of(k.Kind).TrimEnd('活', '动')}活动{N(k.Activities)}项" + (k.Outings > k.Activities ? $"、{N(k.Outings)}次" : "") + Reach(k.Kind, k.Units, k.People)],
        }).ToList();
        return clauses.Count == 0 ? null : string.Join("；", clauses) + "。";
    }

    /// <summary>「：一是……；二是……。」 naming the key opinions, or 「。」 when none is named.</summary>
    private static string KeyOpinions(SummaryFacts f)
    {
        var named = f.KeyOpinions.Where(t => t.Length > 0).Take(Named * 2).Select(t => t.TrimEnd('。', '；', '，')).ToList();
        return named.Count == 0 ? "。" : named.Count == 1 ? $"，即{named[0]}。" : "：" + Enumerate(named);
    }

    private static bool IsUnclassified(string category) => category is "其他" or "待分类";

    /// <summary>「一是……；二是……。」</summary>
    private static string Enumerate(List<string> items) =>
        items.Count == 1 ? items[0] + "。" : string.Join("；", items.Select((x, i) => $"{Numeral(i)}是{x}")) + "。";

    /// <summary>The non-empty clauses joined with 「，」.</summary>
    private static string Clauses(params string?[] parts) => string.Join("，", parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>
    /// 「新建《甲》」, 「修订《甲》《乙》2项制度」, 「废止《甲》《乙》…等8项制度」 (<paramref name="count"/> of them, the first
    /// <paramref name="titles"/> named); 「新建制度3项」 when none is named; null when there is none.
    /// </summary>
    private static string? Rules(string verb, IReadOnlyList<string> titles, int count) => (count, titles.Count) switch
    {
        (<= 0, _) => null,
        (_, 0) => $"{verb}制度{N(count)}项",
        (1, _) => verb + Book(titles[0]),
        (<= Named, _) when titles.Count == count => $"{verb}{string.Concat(titles.Select(Book))}{N(count)}项制度",
        _ => $"{verb}{string.Concat(titles.Take(Named).Select(Book))}等{N(count)}项制度",
    };

    private static string Book(string title) => title.StartsWith('《') ? title : $"《{title}》";

    private static string Quote(string title) => title.StartsWith('“') || title.StartsWith('《') ? title : $"“{title}”";

    /// <summary>「六个方面」: a count in Chinese numerals up to ten, in digits above.</summary>
    private static string ChineseCount(int count) => count switch { 2 => "两", >= 1 and <= 10 => Numerals[count - 1], _ => N(count) };

    /// <summary>「一」…「十」, 「十一」…「十九」, 「二十」…「九十九」 for the index-th item; digits beyond.</summary>
    private static string Numeral(int index) => (index + 1) switch
    {
        <= 10 and var n => Numerals[n - 1],
        < 20 and var n => "十" + Numerals[n - 11],
        < 100 and var n => Numerals[(n / 10) - 1] + "十" + (n % 10 == 0 ? "" : Numerals[(n % 10) - 1]),
        var n => N(n),
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string LongDate(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>「3月25日」, with the year when it differs from <paramref name="reference"/>'s.</summary>
    private static string ShortDate(DateOnly day, DateOnly reference) =>
        day.Year == reference.Year ? day.ToString("M月d日", CultureInfo.InvariantCulture) : LongDate(day);
}
