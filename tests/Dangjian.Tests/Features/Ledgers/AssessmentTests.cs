using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Ledgers;
using Dangjian.Web.Platform.Identity;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Tests.Features.Ledgers;

/// <summary>The scoring arithmetic and the ranking's tie rule, property-based.</summary>
public sealed class AssessmentRulesTests
{
    private static readonly Gen<List<decimal>> Scores =
        from n in Gen.Choose(1, 4)
        from values in Gen.ListOf(Gen.Choose(0, 40), n)
        select values.Select(v => (decimal)v / 2).ToList();

    [Fact]
    public void RanksFollowTotalsThenTopLevelScoresAndTiesShareARank()
    {
        Prop.ForAll(Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (units, indicators, seed) =>
        {
            var random = new Random(seed);
            var input = Enumerable.Range(0, units).ToDictionary(_ => Guid.NewGuid(), _ => (IReadOnlyList<decimal>)Enumerable.Range(0, indicators).Select(_ => (decimal)random.Next(0, 6)).ToList());
            var ranking = AssessmentRules.Rank(input);
            var key = (AssessmentRules.Ranked r) => (r.Total, string.Join(",", r.TopLevel));
            return ranking.Count == units
                && ranking.All(r => r.Total == input[r.UnitId].Sum())
                && ranking.All(r => r.Rank == 1 + ranking.Count(o => Better(o, r)))
                && ranking.All(r => ranking.Where(o => key(o) == key(r)).All(o => o.Rank == r.Rank))
                && ranking.Zip(ranking.Skip(1)).All(p => p.First.Rank <= p.Second.Rank)
                && AssessmentRules.FlagHolders(ranking).Any();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ComputedScoresStayWithinTheirPoints()
    {
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (tenths, done, due) =>
        {
            var points = tenths / 10m;
            var score = AssessmentRules.Computed(points, done, due);
            return score >= 0 && score <= points && (due == 0 ? score == points : (done >= due) == (score == points) || score == points)
                && AssessmentRules.CheckScore(score, points) is null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TheTieRuleIsStatedAndApplied()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ranking = AssessmentRules.Rank(new Dictionary<Guid, IReadOnlyList<decimal>>
        {
            [a] = [30, 50], [b] = [35, 45], [c] = [35, 45], [d] = [20, 50],
        });
        ranking.Select(r => (r.UnitId, r.Rank)).ShouldBe([(b, 1), (c, 1), (a, 3), (d, 4)], "b and c tie on everything; a has the same total but less on the first indicator");
        AssessmentRules.FlagHolders(ranking).ShouldBe([b, c]);
        AssessmentRules.TieRule.ShouldContain("并列");
        AssessmentRules.Computed(25, 3, 4).ShouldBe(18.8m);
        AssessmentRules.Computed(25, 0, 0).ShouldBe(25m, "nothing due: full points");
        AssessmentRules.CheckScore(21, 20)!.ShouldContain("0到20");
        AssessmentRules.CheckScore(-1, 20).ShouldNotBeNull();
        AssessmentRules.CheckScore(10.25m, 20)!.ShouldContain("一位小数");
    }

    [Fact]
    public void WeightsMustAddUp()
    {
        var top = Guid.NewGuid();
        AssessmentRules.CheckWeights([new(top, null, "重点工作", 60), new(Guid.NewGuid(), null, "作风", 30)])!.ShouldContain("现为90分");
        AssessmentRules.CheckWeights([new(top, null, "重点工作", 60), new(Guid.NewGuid(), null, "作风", 40), new(Guid.NewGuid(), top, "督办", 50)])!.ShouldContain("“重点工作”的下级指标分值合计须为60分，现为50分");
        AssessmentRules.CheckWeights([new(top, null, "重点工作", 60), new(Guid.NewGuid(), null, "作风", 40), new(Guid.NewGuid(), top, "督办", 60)]).ShouldBeNull();
        AssessmentRules.CheckWeights([]).ShouldNotBeNull();
    }

    private static bool Better(AssessmentRules.Ranked x, AssessmentRules.Ranked y)
    {
        if (x.Total != y.Total)
        {
            return x.Total > y.Total;
        }

        for (var i = 0; i < x.TopLevel.Count; i++)
        {
            if (x.TopLevel[i] != y.TopLevel[i])
            {
                return x.TopLevel[i] > y.TopLevel[i];
            }
        }

        return false;
    }
}

/// <summary>The demo's published quarters: ranking, red flag, notice, history, computed explanations.</summary>
public sealed class AssessmentDemoTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task TheLastQuarterIsRankedAndTheRedFlagHasAHolder()
    {
        var member = await app.SignedInClientAsync("member");
        var periods = (await member.GetFromJsonAsync<List<LedgersApi.PeriodDto>>("/api/v1/ledgers/assessments"))!;
        periods.Count.ShouldBe(2);
        periods.ShouldAllBe(p => p.PublishedAt != null && !string.IsNullOrEmpty(p.FlagHolders));
        var latest = periods[0];
        var result = (await member.GetFromJsonAsync<LedgersApi.ResultDto>($"/api/v1/ledgers/assessments/{latest.Id}"))!;
        result.Ranking.Count.ShouldBe(7, "the bureau's seven departments");
        result.TopLevel.ShouldBe(["重点工作", "学习教育", "机关作风"]);
        result.Missing.ShouldBe(0);
        string.Join("、", result.Ranking.Where(r => r.Rank == 1).Select(r => r.Unit)).ShouldBe(latest.FlagHolders);
        result.Ranking.ShouldAllBe(r => r.Total == r.TopLevel.Sum());

        // The scores in the database add up to what the page ranks.
        var stored = await app.WithDbAsync(db => db.IndicatorScores.Where(s => s.PeriodId == latest.Id).GroupBy(s => s.UnitId).Select(g => new { g.Key, Total = g.Sum(s => s.Score) }).ToListAsync());
        result.Ranking.ShouldAllBe(r => stored.Single(s => s.Key == r.UnitId).Total == r.Total);

        var page = await member.GetDocumentAsync($"/Ledgers/AssessmentPeriod?id={latest.Id}");
        page.QuerySelectorAll("[data-testid=ranking] tbody tr").Length.ShouldBe(7);
        page.QuerySelector("[data-testid=scores]")!.TextContent.ShouldContain("督办事项按期办结");
        page.QuerySelector("[data-testid=my-scoring]").ShouldBeNull("a member is no assessor");
        var flag = await member.GetDocumentAsync("/Ledgers/RedFlag");
        flag.QuerySelector("[data-testid=holders]")!.TextContent.ShouldContain(latest.FlagHolders!);
        flag.QuerySelectorAll("[data-testid=history] li").Length.ShouldBe(2);
        var notice = await member.GetDocumentAsync($"/Ledgers/AssessmentNotice?id={latest.Id}");
        notice.QuerySelector("[data-testid=flag]")!.TextContent.ShouldContain($"{latest.FlagHolders}在本期考核中名列第一");
        (await member.GetAsync(new Uri($"/api/v1/ledgers/assessments/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var ranking = await member.XlsxTextAsync($"/Ledgers/AssessmentPeriod?id={latest.Id}&handler=Export");
        ranking.ShouldContain("排名表");
        ranking.ShouldContain(latest.FlagHolders!);
        ranking.ShouldContain("机关作风（40）");

        var office = await app.SignedInClientAsync("office");
        var ledger = await app.WithDbAsync(db => db.Ledgers.Where(l => l.Kind == LedgerKind.Instructions).Select(l => new { l.Id, l.Title }).SingleAsync());
        var sheet = await office.XlsxTextAsync($"/Ledgers/Ledger?id={ledger.Id}&handler=Export");
        sheet.ShouldContain(ledger.Title);
        sheet.ShouldContain($"{app.Today.Month}月进度%", Case.Sensitive, "a column per month of the year so far");
        sheet.ShouldContain("严重滞后");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ObjectType == nameof(Ledger) && a.Action == "export"))).ShouldBeTrue();
    }
}

/// <summary>Keeping a scheme, assessors scoring only their own indicators, and publishing (changes the demo, so kept apart).</summary>
public sealed class AssessmentFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [DbFact]
    public async Task ASchemeIsBuiltScoredByItsAssessorsAndPublished()
    {
        var office = await app.SignedInClientAsync("office");
        var bureau = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "KJJ").Select(u => u.Id).SingleAsync());
        var made = await office.PostFormAsync("/Ledgers/Assessment", new Dictionary<string, string> { ["NewScheme.Name"] = "文明单位创建月度考核", ["NewScheme.OwnerUnitId"] = bureau.ToString(), ["NewScheme.PeriodMonths"] = "1" }, "handler=Scheme");
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await made.ParseAsync()).ErrorsText());
        var schemeUrl = made.Headers.Location!.OriginalString;
        var people = await app.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Name, p => p.Id));

        async Task<HttpResponseMessage> AddAsync(string name, string points, string kind, string? assessor = null, Guid? parent = null) =>
            await office.PostFormAsync(schemeUrl, new Dictionary<string, string>
            {
                ["NewIndicator.Name"] = name, ["NewIndicator.Points"] = points, ["NewIndicator.Kind"] = kind, ["NewIndicator.AssessorPersonId"] = assessor is null ? "" : people[assessor].ToString(), ["NewIndicator.ParentId"] = parent?.ToString() ?? "",
            }, "handler=Indicator");

        (await (await AddAsync("卫生", "120", "Scored", "钱宇")).ParseAsync()).ErrorsText().ShouldContain("不超过100分");
        (await (await AddAsync("卫生", "50", "Scored")).ParseAsync()).ErrorsText().ShouldContain("评分人");
        (await (await AddAsync(new string('卫', Indicator.NameMax + 1), "50", "Scored", "钱宇")).ParseAsync()).ErrorsText().ShouldContain("请填写指标名称（不超过100字）");
        (await AddAsync("卫生检查", "50", "Scored", "钱宇")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AddAsync("学习出勤", "40", "Attendance")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await office.GetDocumentAsync(schemeUrl);
        page.QuerySelector("[data-testid=weights]")!.TextContent.ShouldContain("现为90分");
        var period = new Dictionary<string, string> { ["NewPeriod.Label"] = "2026年10月", ["NewPeriod.StartsOn"] = "2026-10-01", ["NewPeriod.EndsOn"] = "2026-10-31" };
        (await (await office.PostFormAsync(schemeUrl, period, "handler=Period")).ParseAsync()).ErrorsText().ShouldContain("一级指标分值合计须为100分");
        (await app.WithDbAsync(db => db.AssessmentPeriods.CountAsync(p => p.Label == "2026年10月"))).ShouldBe(0, "weights that do not add up open no period");
        (await AddAsync("服务评价", "10", "Scored", "张春燕")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var opened = await office.PostFormAsync(schemeUrl, period, "handler=Period");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await opened.ParseAsync()).ErrorsText());
        var periodUrl = opened.Headers.Location!.OriginalString;
        (await (await office.PostFormAsync(schemeUrl, new Dictionary<string, string>(period) { ["NewPeriod.Label"] = "重叠", ["NewPeriod.StartsOn"] = "2026-10-15" }, "handler=Period")).ParseAsync()).ErrorsText().ShouldContain("重叠");

        // Computed indicators are filled with the records behind them; scored ones wait for their assessors.
        var periodId = Guid.Parse(periodUrl.Split("id=")[1]);
        var indicators = await app.WithDbAsync(db => db.Indicators.Where(i => db.AssessmentSchemes.Any(s => s.Id == i.SchemeId && s.Name == "文明单位创建月度考核")).ToDictionaryAsync(i => i.Name, i => i.Id));
        (await app.WithDbAsync(db => db.IndicatorScores.CountAsync(s => s.PeriodId == periodId && s.IndicatorId == indicators["学习出勤"]))).ShouldBe(7);
        (await app.WithDbAsync(db => db.IndicatorScores.Where(s => s.PeriodId == periodId && s.IndicatorId == indicators["学习出勤"]).Select(s => s.Explanation).FirstAsync())).ShouldNotBeNullOrEmpty();
        (await office.PostHandlerAsync(periodUrl, "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.AssessmentPeriods.Where(p => p.Id == periodId).Select(p => p.PublishedAt).SingleAsync())).ShouldBeNull("scores are missing");

        var units = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.ParentId == bureau && u.Kind == Dangjian.Web.Platform.Organization.OrgUnitKind.Department).ToDictionaryAsync(u => u.Name, u => u.Id));
        var qian = await app.PersonClientAsync("钱宇", Roles.Member);
        var zhang = await app.PersonClientAsync("张春燕", Roles.Member);
        (await office.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["卫生检查"]}&unitId={units["办公室"]}", "Score", new Dictionary<string, string> { ["score"] = "40" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the office is not the assessor");
        (await zhang.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["卫生检查"]}&unitId={units["办公室"]}", "Score", new Dictionary<string, string> { ["score"] = "40" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "nor another assessor");
        (await qian.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["卫生检查"]}&unitId={units["办公室"]}", "Score", new Dictionary<string, string> { ["score"] = "60" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IndicatorScores.CountAsync(s => s.PeriodId == periodId && s.IndicatorId == indicators["卫生检查"]))).ShouldBe(0, "60 is above the indicator's 50 points");
        (await qian.GetDocumentAsync(periodUrl)).QuerySelectorAll("[data-testid=my-scoring] form").Length.ShouldBe(7, "one form per department for the assessor's indicator");
        foreach (var (name, id) in units)
        {
            var hygiene = name == "社会发展科" ? "48" : "45";
            (await qian.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["卫生检查"]}&unitId={id}", "Score", new Dictionary<string, string> { ["score"] = hygiene, ["note"] = "月度检查" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await zhang.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["服务评价"]}&unitId={id}", "Score", new Dictionary<string, string> { ["score"] = "9.5" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await office.PostHandlerAsync(periodUrl, "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await app.WithDbAsync(db => db.AssessmentPeriods.SingleAsync(p => p.Id == periodId));
        published.PublishedAt.ShouldNotBeNull();
        var result = (await office.GetFromJsonAsync<LedgersApi.ResultDto>($"/api/v1/ledgers/assessments/{periodId}"))!;
        published.FlagHolders.ShouldBe(string.Join("、", result.Ranking.Where(r => r.Rank == 1).Select(r => r.Unit)));
        (await qian.PostHandlerAsync(periodUrl + $"&indicatorId={indicators["卫生检查"]}&unitId={units["办公室"]}", "Score", new Dictionary<string, string> { ["score"] = "50" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IndicatorScores.Where(s => s.PeriodId == periodId && s.IndicatorId == indicators["卫生检查"] && s.UnitId == units["办公室"]).Select(s => s.Score).SingleAsync())).ShouldBe(45m, "published scores are locked");

        // Members and the unit office neither keep schemes nor publish.
        var member = await app.SignedInClientAsync("member");
        (await member.PostHandlerAsync(periodUrl, "Compute")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PostHandlerAsync(schemeUrl, "Indicator", new Dictionary<string, string> { ["Name"] = "x", ["Points"] = "1", ["Kind"] = "Attendance" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
