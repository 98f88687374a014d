using Dangjian.Web.Platform.Web;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Study;

/// <summary>
/// Study sessions: scheduling with the expected attendees, QR sign-in codes that are signed per session and expire,
/// attendance marking (签到, 请假, 补学, 送学上门), and the count milestone the sessions feed.
/// </summary>
public sealed class StudyService(AppDbContext db, TimeProvider clock, IOptions<StudyOptions> options)
{
    public const int CodeMinutes = 15;

    /// <summary>When the session's QR sign-in is accepted (UTC): from <see cref="StudyOptions.SignInOpensMinutesBefore"/> before the start to the end (plus <see cref="StudyOptions.SignInClosesMinutesAfter"/>).</summary>
    public (DateTime Opens, DateTime Closes) SignInWindow(StudySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (session.StartsAt.AddMinutes(-Math.Max(0, options.Value.SignInOpensMinutesBefore)), session.EndsAt.AddMinutes(Math.Max(0, options.Value.SignInClosesMinutesAfter)));
    }

    /// <summary>Why a QR sign-in to the session is not accepted now (too early or too late), in Chinese; null inside the window.</summary>
    public string? OutsideWindow(StudySession session)
    {
        var (opens, closes) = SignInWindow(session);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < opens)
        {
            return $"签到尚未开始。本次学习会的扫码签到于 {ChinaTime.DateTimeText(opens)} 开放，请届时再扫码。";
        }

        return now > closes
            ? $"本次学习会的扫码签到已于 {ChinaTime.DateTimeText(closes)} 结束，不能再签到。如您确实参加了，请联系组织本次学习会的活动办公室补登考勤。"
            : null;
    }

    public sealed record Counts(int Expected, int Present, int Leave, int Absent, int MakeUpDone)
    {
        public double Rate => Expected == 0 ? 0 : Math.Round(100.0 * Present / Expected, 1);
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A sign-in code for the session valid for <see cref="CodeMinutes"/> minutes: id, expiry and an HMAC of both.</summary>
    public string IssueCode(StudySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var expires = clock.GetUtcNow().AddMinutes(CodeMinutes).ToUnixTimeSeconds();
        var payload = $"{session.Id:N}.{expires.ToString(CultureInfo.InvariantCulture)}";
        return payload + "." + Sign(session.SignInSecret, payload);
    }

    /// <summary>Checks a scanned code. Returns the session or a Chinese reason (forged, expired, unknown).</summary>
    public async Task<(StudySession? Session, string? Problem)> ReadCodeAsync(string? code, CancellationToken ct = default)
    {
        var parts = (code ?? "").Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, "签到码无效，请重新扫描会场上的二维码。");
        }

        var session = await db.StudySessions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(session.SignInSecret, $"{parts[0]}.{parts[1]}")), Encoding.ASCII.GetBytes(parts[2])))
        {
            return (null, "签到码无效，请重新扫描会场上的二维码。");
        }

        return expires < clock.GetUtcNow().ToUnixTimeSeconds()
            ? (null, "签到码已过期，请扫描会场上最新的二维码。")
            : (session, null);
    }

    /// <summary>Signs in the person holding the account — never anyone else. Returns a Chinese result message and whether it counted.</summary>
    public async Task<(bool Ok, string Message)> SignInAsync(StudySession session, Guid? personId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (personId is null)
        {
            return (false, "您的账户没有关联人员，无法签到。请联系活动办公室。");
        }

        var attendee = await db.SessionAttendees.SingleOrDefaultAsync(a => a.SessionId == session.Id && a.PersonId == personId, ct);
        if (attendee?.Status == AttendanceStatus.Present)
        {
            return (false, $"您已于 {Platform.Web.ChinaTime.DateTimeText(attendee.SignedInAt!.Value)} 签到，无需重复签到。");
        }

        if (OutsideWindow(session) is { } closed)
        {
            return (false, closed);
        }

        if (attendee is null)
        {
            return (false, "您不在本次学习会的应到名单中。如需参加，请联系活动办公室登记。");
        }

        attendee.Status = AttendanceStatus.Present;
        attendee.SignedInAt = clock.GetUtcNow().UtcDateTime;
        attendee.SignInMethod = "扫码";
        await db.SaveChangesAsync(ct);
        await RecountMilestoneAsync(session, ct);
        return (true, "签到成功。");
    }

    /// <summary>The office marks one attendee: present, leave (with reason), make-up assigned or done, materials delivered.</summary>
    public async Task<string?> MarkAsync(StudySession session, Guid attendeeId, string action, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var a = await db.SessionAttendees.SingleOrDefaultAsync(x => x.Id == attendeeId && x.SessionId == session.Id, ct);
        if (a is null)
        {
            return "没有该考勤记录。";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        note = note.NullIfBlank();
        switch (action)
        {
            case "present":
                (a.Status, a.SignedInAt, a.SignInMethod) = (AttendanceStatus.Present, a.SignedInAt ?? now, a.SignInMethod ?? "登记");
                break;
            case "leave" when note is null:
                return "请假须填写事由。";
            case "leave":
                (a.Status, a.LeaveReason, a.LeaveRefusal) = (AttendanceStatus.Leave, note, null);
                break;
            case "leave-approve" when a.LeaveRequestedAt is null || a.Status != AttendanceStatus.Expected:
                return "没有待审批的请假申请。";
            case "leave-approve":
                (a.Status, a.LeaveRefusal) = (AttendanceStatus.Leave, null);
                break;
            case "leave-refuse" when a.LeaveRequestedAt is null || a.Status != AttendanceStatus.Expected:
                return "没有待审批的请假申请。";
            case "leave-refuse" when note is null:
                return "不批准请假时请填写理由。";
            case "leave-refuse":
                (a.LeaveRefusal, a.LeaveRequestedAt) = (note, null);
                break;
            case "makeup" when a.Status == AttendanceStatus.Present:
                return "已签到的人员无需补学。";
            case "makeup":
                a.MakeUpAssignedAt ??= now;
                break;
            case "makeup-done" when a.MakeUpAssignedAt is null:
                return "请先布置补学。";
            case "makeup-done":
                (a.MakeUpDoneAt, a.MakeUpNote) = (now, note);
                break;
            case "delivered":
                a.DeliveredAt = now;
                break;
            default:
                return "不支持该操作。";
        }

        await db.SaveChangesAsync(ct);
        await RecountMilestoneAsync(session, ct);
        return null;
    }

    /// <summary>A member asks for leave from a session that has not ended yet; the office approves or refuses it.</summary>
    public async Task<string?> RequestLeaveAsync(StudySession session, Guid? personId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return "请填写请假事由（不超过500字）。";
        }

        if (session.EndsAt <= clock.GetUtcNow().UtcDateTime)
        {
            return "学习会已结束，不能再请假。如未参加，请联系活动办公室安排补学。";
        }

        var a = await db.SessionAttendees.SingleOrDefaultAsync(x => x.SessionId == session.Id && x.PersonId == personId, ct);
        if (a is null)
        {
            return "您不在本次学习会的应到名单中。";
        }

        if (a.Status != AttendanceStatus.Expected)
        {
            return a.Status == AttendanceStatus.Present ? "您已签到，不能再请假。" : "您的请假已获批准。";
        }

        (a.LeaveReason, a.LeaveRequestedAt, a.LeaveRefusal) = (reason, clock.GetUtcNow().UtcDateTime, null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static Counts CountsOf(IReadOnlyCollection<SessionAttendee> attendees, bool ended)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var present = attendees.Count(a => a.Status == AttendanceStatus.Present);
        var leave = attendees.Count(a => a.Status == AttendanceStatus.Leave);
        var absent = ended ? attendees.Count(a => a.Status == AttendanceStatus.Expected && a.DeliveredAt is null) : 0;
        return new Counts(attendees.Count, present, leave, absent, attendees.Count(a => a.MakeUpDoneAt is not null));
    }

    /// <summary>A linked count milestone counts the sessions at which at least one person was present.</summary>
    public async Task RecountMilestoneAsync(StudySession session, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.MilestoneId is not { } milestoneId)
        {
            return;
        }

        // The count is derived from the sessions, so when two sign-ins recount at once the later one simply
        // recounts again instead of failing a sign-in that has already been saved.
        for (var attempt = 0; ; attempt++)
        {
            var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId, ct);
            if (milestone is null)
            {
                return;
            }

            var held = await db.StudySessions.CountAsync(s => s.MilestoneId == milestoneId && db.SessionAttendees.Any(a => a.SessionId == s.Id && a.Status == AttendanceStatus.Present), ct);
            milestone.DoneCount = held;
            if (milestone.RequiredCount is { } required)
            {
                milestone.Status = held >= required ? MilestoneStatus.Done : MilestoneStatus.Open;
                milestone.CompletedAt = held >= required ? milestone.CompletedAt ?? clock.GetUtcNow().UtcDateTime : null;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.Entry(milestone).State = EntityState.Detached;
            }
        }
    }

    private static string Sign(string secret, string payload) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes(payload)))[..22].Replace('+', '-').Replace('/', '_');
}
