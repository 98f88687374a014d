using Dangjian.Web.Features.BranchLife;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Demo;

/// <summary>
/// A year of the 机关党支部's 三会一课, part of <see cref="DemoSeeder"/>: 支委会 and 主题党日 every month, 党员大会 and 党课
/// every quarter, each 党小组's meeting every month — with a few missing (the 第二党小组 skipped last month, one 主题党日 and
/// one quarter's 党课 were not held) — and the attendance of the members, 刘文华 always on leave.
/// </summary>
internal sealed class DemoBranchLife(AppDbContext db, TimeProvider clock)
{
    public async Task AddAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var today = Platform.Web.ChinaTime.Today(clock);
        var branch = await db.OrgUnits.SingleAsync(u => u.Code == "KJJ-JGDZB", ct);
        var cells = await db.OrgUnits.Where(u => u.ParentId == branch.Id && u.Kind == OrgUnitKind.PartyCell).OrderBy(u => u.SortOrder).ToListAsync(ct);
        var members = await db.People.Where(p => p.BranchId != null && !p.IsRetired).Select(p => new { p.Id, p.Name, p.BranchId }).ToListAsync(ct);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var n = 0;

        void Meeting(Guid unit, BranchMeetingKind kind, DateOnly day, string topic, Guid? lecturer = null)
        {
            if (day > today)
            {
                return;
            }

            var meeting = new BranchMeeting
            {
                OrgUnitId = unit, Kind = kind, HeldOn = day, Place = "局机关会议室", HostId = people["赵敏"].Id, LecturerId = lecturer, Topic = topic,
                Minutes = "会议按议程进行，与会党员结合工作实际作了发言。",
            };
            db.BranchMeetings.Add(meeting);
            var expected = members.Where(m => m.BranchId == unit || (unit == branch.Id && cells.Any(c => c.Id == m.BranchId))).ToList();
            foreach (var m in expected)
            {
                n++;
                var status = m.Name == "刘文华" ? Study.AttendanceStatus.Leave : n % 17 == 0 ? Study.AttendanceStatus.Expected : Study.AttendanceStatus.Present;
                db.BranchMeetingAttendees.Add(new BranchMeetingAttendee { MeetingId = meeting.Id, PersonId = m.Id, Status = status, LeaveReason = status == Study.AttendanceStatus.Leave ? "外出参加会议" : null });
            }
        }

        for (var back = 12; back >= 0; back--)
        {
            var month = thisMonth.AddMonths(-back);
            var label = $"{month.Month}月";
            Meeting(branch.Id, BranchMeetingKind.CommitteeMeeting, month.AddDays(2), $"{label}支委会：研究本月党建工作安排");
            if (back != 4)
            {
                Meeting(branch.Id, BranchMeetingKind.ThemeDay, month.AddDays(14), $"{label}主题党日：重温入党誓词，开展志愿服务");
            }

            Meeting(cells[0].Id, BranchMeetingKind.GroupMeeting, month.AddDays(9), $"{label}第一党小组会：交流学习体会");
            if (back != 1)
            {
                Meeting(cells[1].Id, BranchMeetingKind.GroupMeeting, month.AddDays(10), $"{label}第二党小组会：交流学习体会");
            }

            if (month.Month % 3 == 0)
            {
                Meeting(branch.Id, BranchMeetingKind.GeneralMeeting, month.AddDays(19), $"{month.Month / 3}季度支部党员大会：通报党费收缴和发展党员工作");
                if (back is not (6 or 7 or 8))
                {
                    Meeting(branch.Id, BranchMeetingKind.PartyLecture, month.AddDays(24), "专题党课：坚持为民务实清廉", back % 6 == 3 ? people["王建国"].Id : people["赵敏"].Id);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
