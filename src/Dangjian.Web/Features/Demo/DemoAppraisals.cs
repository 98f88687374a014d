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

/// <summary>The demo campaign's 民主评议 (the mobilization meeting's paper appraisal and an open online one), part of <see cref="DemoSeeder"/>.</summary>
internal sealed class DemoAppraisals(AppDbContext db, Appraisals.BallotKey ballotKey, TimeProvider clock)
{
    /// <summary>
    /// Seed 000/003's 民主评议 at the mobilization meeting (80 paper forms out, 80 back, 好+较好 100%), closed; and an
    /// appraisal of the middle cadres open now, online for the bureau's staff with ten slips for the meeting.
    /// </summary>
    public async Task AddAppraisalsAsync(Campaign campaign, List<Phase> phases, Dictionary<string, Person> people, CancellationToken ct)
    {
        var zone = Platform.Web.ChinaTime.Zone;
        DateTime At(DateOnly day, int hour) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
        var service = new Appraisals.AppraisalService(db, new Platform.Notifications.Notifier(db, new Platform.Notifications.LoggingMessageSender(Microsoft.Extensions.Logging.Abstractions.NullLogger<Platform.Notifications.LoggingMessageSender>.Instance), clock), ballotKey, clock);
        string[] targets = ["局领导班子", .. DemoSeeder.TeamNames.Take(3)];
        var meeting = new Appraisals.Appraisal
        {
            CampaignId = campaign.Id, Title = "动员大会民主评议（领导班子和领导干部）", OpensAt = At(phases[0].StartsOn, 9), ClosesAt = At(phases[0].StartsOn, 12),
            PaperIssued = 80, TokenSecret = Appraisals.AppraisalService.NewSecret(),
            Instructions = "对局领导班子和领导干部作风方面情况进行总体评价，指出“四风”方面存在的突出问题，对搞好教育实践活动提出意见建议。",
        };
        db.Appraisals.Add(meeting);
        db.AppraisalTargets.AddRange(targets.Select((t, i) => new Appraisals.AppraisalTarget { AppraisalId = meeting.Id, Order = i + 1, Name = t }));
        await db.SaveChangesAsync(ct);
        await service.OpenAsync(meeting, [], ct);
        for (var i = 0; i < 80; i++)
        {
            var grade = i % 9 == 0 ? Appraisals.Grade.FairlyGood : Appraisals.Grade.Good;
            var grades = targets.Select((_, t) => (Order: t + 1, Grade: t == 0 || i % 4 != 0 ? grade : Appraisals.Grade.FairlyGood)).ToDictionary(x => x.Order, x => x.Grade);
            db.AppraisalBallots.Add(new Appraisals.AppraisalBallot
            {
                Id = Guid.NewGuid(), AppraisalId = meeting.Id, Filled = true, Paper = true, Grades = Appraisals.AppraisalRules.Encode(grades),
                Comment = i switch { 3 => "文山会海仍然较多，希望精简会议和文件。", 17 => "深入企业调研不够，服务科技型中小企业要更主动。", 42 => "科技项目审批环节多、周期长。", _ => null },
            });
        }

        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var cadres = new Appraisals.Appraisal
        {
            CampaignId = campaign.Id, Title = "中层干部民主测评", OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(3), ExtraSlips = 10,
            TokenSecret = Appraisals.AppraisalService.NewSecret(),
        };
        db.Appraisals.Add(cadres);
        string[] cadreNames = ["赵敏", "孙磊", "何俊"];
        db.AppraisalTargets.AddRange(cadreNames.Select((t, i) => new Appraisals.AppraisalTarget { AppraisalId = cadres.Id, Order = i + 1, Name = t }));
        await db.SaveChangesAsync(ct);
        var supervisionUnit = db.OrgUnits.Local.Single(u => u.Code == "SW-DDZ3").Id;
        await service.OpenAsync(cadres, people.Values.Where(p => p.OrgUnitId != supervisionUnit && !p.IsRetired).Select(p => (p.Id, p.Name)).ToList(), ct);
    }
}
