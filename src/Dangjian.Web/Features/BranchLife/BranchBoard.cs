using System.Globalization;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Organization;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.BranchLife;

/// <summary>
/// The 三会一课 compliance board: per branch and kind, for a month, a quarter or a year, how many of the due meetings were
/// held, which are missing, and the attendance. A kind is due once per month or quarter (<see cref="BranchLifeLabels.RhythmOf"/>);
/// a slot counts once it has ended (the current month or quarter is due only when held), and only from the day the
/// branch (or 党小组) was set up — or its first meeting on record, if earlier. A 党小组会 is due in every 党小组 of the branch.
/// </summary>
public sealed class BranchBoard(AppDbContext db, ScopeGuard guard, TimeProvider clock)
{
    public sealed record Period(string Key, string Label, DateOnly From, DateOnly To);

    public sealed record Cell(int Held, int Due, int Meetings)
    {
        public int Missing => Math.Max(0, Due - Held);
    }

    public sealed record Row(Guid BranchId, string Branch, IReadOnlyDictionary<BranchMeetingKind, Cell> Cells, int Present, int Expected, int LecturesByLeaders)
    {
        public double? AttendanceRate => Expected == 0 ? null : Math.Round(100.0 * Present / Expected, 1);

        public int Missing => Cells.Values.Sum(c => c.Missing);
    }

    /// <summary>「2026-12」 a month, 「2026-Q4」 a quarter, 「2026」 a year; anything else the current quarter.</summary>
    public static Period ParsePeriod(string? key, DateOnly today)
    {
        key = key?.Trim() ?? "";
        if (key.Length == 4 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return new Period(key, $"{year}年", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (key.Length == 7 && key[4] == '-' && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100)
        {
            if (key[5] == 'Q' && key[6] is >= '1' and <= '4')
            {
                var q = key[6] - '0';
                var from = new DateOnly(year, ((q - 1) * 3) + 1, 1);
                return new Period(key, $"{year}年第{q}季度", from, from.AddMonths(3).AddDays(-1));
            }

            if (int.TryParse(key[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                var from = new DateOnly(year, month, 1);
                return new Period(key, $"{year}年{month}月", from, from.AddMonths(1).AddDays(-1));
            }
        }

        var quarter = ((today.Month - 1) / 3) + 1;
        return ParsePeriod($"{today.Year}-Q{quarter}", today);
    }

    /// <summary>The month or quarter slots of <paramref name="rhythm"/> overlapping <paramref name="period"/>.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Slots(Period period, Rhythm rhythm)
    {
        ArgumentNullException.ThrowIfNull(period);
        var months = (int)rhythm;
        var start = new DateOnly(period.From.Year, (((period.From.Month - 1) / months) * months) + 1, 1);
        for (var from = start; from <= period.To; from = from.AddMonths(months))
        {
            yield return (from, from.AddMonths(months).AddDays(-1));
        }
    }

    /// <summary>
    /// One unit's cell for one kind: the slots that are due (ended by <paramref name="today"/>, or held already; not
    /// before <paramref name="since"/>), how many of them had a meeting, and how many meetings there were.
    /// </summary>
    public static Cell CellOf(Period period, Rhythm rhythm, DateOnly since, DateOnly today, IReadOnlyCollection<DateOnly> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        int due = 0, covered = 0;
        foreach (var (from, to) in Slots(period, rhythm))
        {
            if (to < since)
            {
                continue;
            }

            var any = held.Any(d => d >= from && d <= to);
            if (to < today || any)
            {
                due++;
                covered += any ? 1 : 0;
            }
        }

        return new Cell(covered, due, held.Count(d => d >= period.From && d <= period.To));
    }

    /// <summary>The branches (党支部, 党总支) in the caller's scope, with their cells, for <paramref name="period"/>.</summary>
    public async Task<List<Row>> RowsAsync(Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var today = Platform.Web.ChinaTime.Today(clock);
        var scope = await guard.ScopeAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().InScope(scope, u => u.Path)
            .Where(u => u.IsActive && (u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.GeneralBranch || u.Kind == OrgUnitKind.PartyCell))
            .OrderBy(u => u.Path).ThenBy(u => u.SortOrder).Select(u => new { u.Id, u.ParentId, u.Name, u.Kind, u.CreatedAt }).Take(5000).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var meetings = await db.BranchMeetings.AsNoTracking().Where(m => ids.Contains(m.OrgUnitId) && m.HeldOn >= period.From && m.HeldOn <= period.To)
            .Select(m => new { m.Id, m.OrgUnitId, m.Kind, m.HeldOn, LeaderLecture = m.Kind == BranchMeetingKind.PartyLecture && m.Lecturer != null && m.Lecturer.PostRank == PostRank.TeamMember }).ToListAsync(ct);
        // A unit counts from the day it was set up — or from its first meeting on record, when an office entered its past.
        var first = await db.BranchMeetings.AsNoTracking().Where(m => ids.Contains(m.OrgUnitId)).GroupBy(m => m.OrgUnitId)
            .Select(g => new { g.Key, First = g.Min(m => m.HeldOn) }).ToDictionaryAsync(g => g.Key, g => g.First, ct);
        DateOnly Since(Guid unit, DateTime createdAt)
        {
            var created = DateOnly.FromDateTime(Platform.Web.ChinaTime.ToLocal(createdAt));
            return first.TryGetValue(unit, out var f) && f < created ? f : created;
        }

        var meetingIds = meetings.Select(m => m.Id).ToList();
        var attendance = await db.BranchMeetingAttendees.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId))
            .GroupBy(a => a.MeetingId).Select(g => new { g.Key, Expected = g.Count(), Present = g.Count(a => a.Status == Study.AttendanceStatus.Present) }).ToListAsync(ct);

        var rows = new List<Row>();
        foreach (var branch in units.Where(u => u.Kind != OrgUnitKind.PartyCell))
        {
            var cells = units.Where(u => u.Kind == OrgUnitKind.PartyCell && u.ParentId == branch.Id).ToList();
            var since = Since(branch.Id, branch.CreatedAt);
            var byKind = new Dictionary<BranchMeetingKind, Cell>();
            foreach (var kind in BranchLifeLabels.Kinds)
            {
                var rhythm = BranchLifeLabels.RhythmOf(kind);
                if (BranchLifeLabels.HeldByCell(kind))
                {
                    var parts = cells.Select(c => CellOf(period, rhythm, Since(c.Id, c.CreatedAt), today,
                        meetings.Where(m => m.OrgUnitId == c.Id && m.Kind == kind).Select(m => m.HeldOn).ToList())).ToList();
                    byKind[kind] = new Cell(parts.Sum(p => p.Held), parts.Sum(p => p.Due), parts.Sum(p => p.Meetings));
                }
                else
                {
                    byKind[kind] = CellOf(period, rhythm, since, today, meetings.Where(m => m.OrgUnitId == branch.Id && m.Kind == kind).Select(m => m.HeldOn).ToList());
                }
            }

            var mine = meetings.Where(m => m.OrgUnitId == branch.Id || cells.Any(c => c.Id == m.OrgUnitId)).Select(m => m.Id).ToHashSet();
            var seen = attendance.Where(a => mine.Contains(a.Key)).ToList();
            rows.Add(new Row(branch.Id, branch.Name, byKind, seen.Sum(a => a.Present), seen.Sum(a => a.Expected),
                meetings.Count(m => mine.Contains(m.Id) && m.LeaderLecture)));
        }

        return rows;
    }
}
