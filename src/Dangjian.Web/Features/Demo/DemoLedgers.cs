using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Features.Study;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Demo;

/// <summary>The demo bureau's 台账 (two standing ledgers with monthly reports) and quarterly assessment with its 流动红旗, part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoLedgers(AppDbContext db, Ledgers.AssessmentService assessments, TimeProvider clock)
{
    /// <summary>
    /// The bureau's two standing ledgers (seed 001): 领导批示办理台账 and 重点工作任务督办台账, with monthly reports over the
    /// last quarter — most on time, some behind, one item overdue, one done, and last month still missing a report.
    /// </summary>
    public async Task AddLedgersAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var instructions = new Ledgers.Ledger { Title = $"{today.Year}年领导批示办理台账", Kind = Ledgers.LedgerKind.Instructions, OwnerUnitId = units["市科技局"], ReportDay = 10 };
        var tasks = new Ledgers.Ledger { Title = $"{today.Year}年重点工作任务督办台账", Kind = Ledgers.LedgerKind.KeyTasks, OwnerUnitId = units["市科技局"], ReportDay = 10 };
        db.Ledgers.AddRange(instructions, tasks);
        Ledgers.LedgerItem Item(Ledgers.Ledger ledger, string source, string issuer, string content, string leader, string unit, DateOnly startsOn, DateOnly dueOn) =>
            new() { LedgerId = ledger.Id, Source = source, Issuer = issuer, SourceDate = startsOn, Content = content, LeadLeaderId = people[leader].Id, DepartmentId = units[unit], StartsOn = startsOn, DueOn = dueOn };
        var items = new (Ledgers.LedgerItem Item, int[] Progress)[]
        {
            (Item(instructions, "关于加快科技型中小企业培育的批示", "市长", "制定科技型中小企业梯次培育方案并组织实施", "张志强", "高新技术科", yearStart.AddMonths(2), yearEnd), [60, 70, 80]),
            (Item(instructions, "关于农业科技示范基地建设的批示", "分管副市长", "新建农业科技示范基地5个", "张志强", "农村科技科", yearStart.AddMonths(3), yearEnd), [35, 45, 55]),
            (Item(instructions, "关于规范科技经费管理的批示", "市委主要领导", "开展科技经费使用专项检查并通报", "李红梅", "计划财务科", yearStart.AddMonths(1), today.AddDays(-5)), [50, 65, 80]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "高新技术企业净增50家", "张志强", "高新技术科", yearStart, yearEnd), [70, 78, 86]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "出台科技创新政策实施细则", "李红梅", "政策法规科", yearStart, yearStart.AddMonths(9)), [90, 100, 100]),
            (Item(tasks, "局党组2026年重点工作", "局党组", "建成科技成果转化服务平台", "刘文华", "生产力促进中心", yearStart, yearEnd), [40, 50, 60]),
        };
        db.LedgerItems.AddRange(items.Select(i => i.Item));

        // Instructions settled last quarter, one of them late: what the quarterly assessment's on-time rate counts.
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
        foreach (var (content, unit, dueDay, doneDay) in new[] { ("完成上半年科技计划项目验收", "计划财务科", 55, 50), ("组织科技活动周", "社会发展科", 30, 40), ("申报高新区评价材料", "高新技术科", 75, 70), ("开展农业科技特派员年中考核", "农村科技科", 85, 89) })
        {
            var settled = Item(instructions, "局长办公会议定事项", "局长", content, "张志强", unit, quarter, quarter.AddDays(dueDay));
            (settled.DoneOn, settled.Progress) = (quarter.AddDays(doneDay), 100);
            db.LedgerItems.Add(settled);
        }

        var due = Ledgers.LedgerRules.MonthDue(today);
        foreach (var (item, progress) in items)
        {
            for (var k = 0; k < 3; k++)
            {
                var month = due.AddMonths(k - 2);
                // The latest month still waits for two departments' reports.
                if (k == 2 && (item.DepartmentId == units["农村科技科"] || item.DepartmentId == units["生产力促进中心"]))
                {
                    continue;
                }

                db.MonthlyReports.Add(new Ledgers.MonthlyReport
                {
                    ItemId = item.Id, Month = month, Progress = progress[k], Narrative = $"{month:M月}按计划推进，累计完成{progress[k]}%。", ReporterId = people["赵敏"].Id,
                    Comment = k < 2 ? "已阅，继续按计划推进。" : null, CommentBy = k < 2 ? "赵敏" : null,
                });
                item.Progress = progress[k];
            }
        }

        items[4].Item.DoneOn = due.AddDays(20);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The bureau's quarterly assessment of its departments (seed 001: 月调度、季考核、流动红旗): 重点工作 computed from the
    /// ledgers and rectification, 学习教育 from attendance, 机关作风 scored by two assessors; the last two quarters
    /// published, so the red flag has a holder and a history.
    /// </summary>
    public async Task AddAssessmentAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var bureau = await db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync(ct);
        var scheme = new Ledgers.AssessmentScheme { Name = "机关科室季度考核", OwnerUnitId = bureau, PeriodMonths = 3 };
        db.AssessmentSchemes.Add(scheme);
        Ledgers.Indicator Add(string name, decimal points, Ledgers.IndicatorKind kind, int order, Ledgers.Indicator? parent = null, string? assessor = null)
        {
            var indicator = new Ledgers.Indicator { SchemeId = scheme.Id, ParentId = parent?.Id, Name = name, Points = points, Kind = kind, SortOrder = order, AssessorPersonId = assessor is null ? null : people[assessor].Id };
            db.Indicators.Add(indicator);
            return indicator;
        }

        var work = Add("重点工作", 40, Ledgers.IndicatorKind.Scored, 1);
        Add("督办事项按期办结", 25, Ledgers.IndicatorKind.LedgerOnTime, 1, work);
        Add("整改事项销号", 15, Ledgers.IndicatorKind.RectificationClosure, 2, work);
        Add("学习教育", 20, Ledgers.IndicatorKind.Attendance, 2);
        var conduct = Add("机关作风", 40, Ledgers.IndicatorKind.Scored, 3);
        var hygiene = Add("卫生检查", 20, Ledgers.IndicatorKind.Scored, 1, conduct, "钱宇");
        var discipline = Add("考勤纪律", 20, Ledgers.IndicatorKind.Scored, 2, conduct, "张春燕");
        await db.SaveChangesAsync(ct);

        var units = await assessments.UnitsAsync(scheme, ct);
        var (q3Start, q3End, q3Label) = Ledgers.AssessmentModel.DefaultPeriod(3, today);
        var quarters = new (DateOnly Start, DateOnly End, string Label, decimal[] Hygiene, decimal[] Discipline)[]
        {
            (q3Start.AddMonths(-3), q3Start.AddDays(-1), Ledgers.AssessmentModel.DefaultPeriod(3, q3Start).Label, [18, 19.5m, 17, 18, 16.5m, 17, 18], [18.5m, 19.5m, 18, 18, 17, 17.5m, 18]),
            (q3Start, q3End, q3Label, [18, 17, 18.5m, 19.5m, 16, 17.5m, 18], [19, 18, 18, 19.5m, 17, 18, 18.5m]),
        };
        foreach (var (start, end, label, hygieneScores, disciplineScores) in quarters)
        {
            var period = new Ledgers.AssessmentPeriod { SchemeId = scheme.Id, Label = label, StartsOn = start, EndsOn = end };
            db.AssessmentPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            await assessments.ComputeAsync(period, ct);
            for (var k = 0; k < units.Count; k++)
            {
                db.IndicatorScores.Add(new Ledgers.IndicatorScore { PeriodId = period.Id, IndicatorId = hygiene.Id, UnitId = units[k].Id, Score = hygieneScores[k % hygieneScores.Length], ScoredBy = "钱宇", Explanation = "季度卫生检查平均得分" });
                db.IndicatorScores.Add(new Ledgers.IndicatorScore { PeriodId = period.Id, IndicatorId = discipline.Id, UnitId = units[k].Id, Score = disciplineScores[k % disciplineScores.Length], ScoredBy = "张春燕" });
            }

            await db.SaveChangesAsync(ct);
            var result = await assessments.ResultAsync(period, ct);
            (period.PublishedAt, period.FlagHolders, period.TopScore) = (Platform.Web.ChinaTime.StartOfDayUtc(end.AddDays(10)), string.Join("、", result.FlagHolders.Select(u => u.Name)), result.Ranking[0].Total);
            await db.SaveChangesAsync(ct);
        }
    }
}
