using Dangjian.Web.Platform.Web;
using System.Security.Cryptography;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// Opening an appraisal (voting rights and empty ballot slots), casting an anonymous ballot with a one-time token,
/// entering paper ballots, and the tally once it has closed.
/// </summary>
public sealed class AppraisalService(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public sealed record TargetTally(AppraisalTarget Target, IReadOnlyDictionary<Grade, int> Counts, int Rated)
    {
        /// <summary>好 + 较好 as a share of those who rated this target, in percent.</summary>
        public double GoodShare => Rated == 0 ? 0 : Math.Round(100.0 * (Counts.GetValueOrDefault(Grade.Good) + Counts.GetValueOrDefault(Grade.FairlyGood)) / Rated, 1);
    }

    public sealed record Tally(int Issued, int Returned, int Valid, int Paper, IReadOnlyList<TargetTally> Targets, IReadOnlyList<string> Comments)
    {
        public double Turnout => Issued == 0 ? 0 : Math.Round(100.0 * Returned / Issued, 1);
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool IsClosed(Appraisal appraisal, DateTime now) => now >= (appraisal ?? throw new ArgumentNullException(nameof(appraisal))).ClosesAt;

    public static string TokenFor(Appraisal appraisal, Guid voterId)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var mac = HMACSHA256.HashData(Convert.FromBase64String(appraisal.TokenSecret), voterId.ToByteArray());
        return Convert.ToBase64String(mac)[..24].Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Opens the appraisal for the given people plus its extra slips: one voting right each, and as many empty ballot slots.</summary>
    public async Task<string?> OpenAsync(Appraisal appraisal, IReadOnlyList<(Guid PersonId, string Name)> electorate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        ArgumentNullException.ThrowIfNull(electorate);
        if (appraisal.OpenedAt is not null)
        {
            return "测评已开启。";
        }

        if (!await db.AppraisalTargets.AnyAsync(t => t.AppraisalId == appraisal.Id, ct))
        {
            return "请先设置测评对象。";
        }

        if (electorate.Count + appraisal.ExtraSlips == 0 && appraisal.PaperIssued == 0)
        {
            return "没有参评人员：请选择参评单位，或设置投票码、纸质票数量。";
        }

        var voters = electorate.DistinctBy(e => e.PersonId).Select(e => new AppraisalVoter { AppraisalId = appraisal.Id, PersonId = e.PersonId, Label = e.Name, TokenHash = "" })
            .Concat(Enumerable.Range(1, appraisal.ExtraSlips).Select(i => new AppraisalVoter { AppraisalId = appraisal.Id, Label = $"投票码{i}", TokenHash = "" }))
            .ToList();
        foreach (var v in voters)
        {
            v.Id = Guid.CreateVersion7();
            v.TokenHash = AppraisalRules.Hash(TokenFor(appraisal, v.Id));
        }

        db.AppraisalVoters.AddRange(voters);
        db.AppraisalBallots.AddRange(voters.Select(_ => new AppraisalBallot { Id = Guid.NewGuid(), AppraisalId = appraisal.Id }).OrderBy(b => b.Id));
        appraisal.OpenedAt = Now;
        var withAccounts = voters.Where(v => v.PersonId is not null).ToList();
        var users = await db.Users.Where(u => u.PersonId != null && withAccounts.Select(v => v.PersonId).Contains(u.PersonId)).Select(u => new { u.Id, u.PersonId }).ToListAsync(ct);
        foreach (var user in users)
        {
            var voter = withAccounts.First(v => v.PersonId == user.PersonId);
            notifier.ToUsers([user.Id], $"请参加民主测评：{appraisal.Title}", $"截止 {Platform.Web.ChinaTime.DateTimeText(appraisal.ClosesAt)}。投票不记名。", $"/Public/Ballot?t={TokenFor(appraisal, voter.Id)}");
        }

        await db.SaveChangesAsync(ct);
        await notifier.DeliverAsync(ct);
        return null;
    }

    /// <summary>The appraisal a token opens, with a Chinese reason when it cannot be used (unknown, used, not open, closed).</summary>
    public async Task<(Appraisal? Appraisal, AppraisalVoter? Voter, string? Problem)> ReadTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return (null, null, "投票码无效。请使用发给您的链接或扫描投票码。");
        }

        var hash = AppraisalRules.Hash(token);
        var voter = await db.AppraisalVoters.AsNoTracking().SingleOrDefaultAsync(v => v.TokenHash == hash, ct);
        var appraisal = voter is null ? null : await db.Appraisals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == voter.AppraisalId, ct);
        if (voter is null || appraisal is null)
        {
            return (null, null, "投票码无效。请使用发给您的链接或扫描投票码。");
        }

        if (voter.Used)
        {
            return (appraisal, voter, "该投票码已经投过票，每个投票码只能投一次。");
        }

        if (appraisal.OpenedAt is null || Now < appraisal.OpensAt)
        {
            return (appraisal, voter, $"测评将于 {Platform.Web.ChinaTime.DateTimeText(appraisal.OpensAt)} 开始。");
        }

        return IsClosed(appraisal, Now) ? (appraisal, voter, "测评已结束，不能再投票。") : (appraisal, voter, null);
    }

    /// <summary>
    /// Casts the ballot of a token: marks the token used and fills a random empty slot in one transaction. The ballot
    /// carries no voter, token, time or order; the audit log records only that a ballot was cast.
    /// </summary>
    public async Task<string?> VoteAsync(string? token, IReadOnlyDictionary<int, string?> posted, string? comment, CancellationToken ct = default)
    {
        var (appraisal, voter, problem) = await ReadTokenAsync(token, ct);
        if (problem is not null)
        {
            return problem;
        }

        var targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == appraisal!.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var (grades, refusal) = AppraisalRules.Read(targets, posted);
        if (grades is null)
        {
            return refusal;
        }

        comment = comment.NullIfBlank();
        if (comment?.Length > 2000)
        {
            return "意见建议不超过2000字。";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.AppraisalVoters.Where(v => v.Id == voter!.Id && !v.Used).ExecuteUpdateAsync(s => s.SetProperty(v => v.Used, true), ct);
        if (marked == 0)
        {
            return "该投票码已经投过票，每个投票码只能投一次。";
        }

        var encoded = AppraisalRules.Encode(grades);
        for (var tries = 0; tries < 10; tries++)
        {
            // A random empty slot: the first after a random point of the slots' random ids, or the first of all past the
            // last. One index seek however many voters the appraisal has (counting the empty slots and skipping to a
            // random one of them read thousands of index entries per vote at the province scale).
            var from = Guid.NewGuid();
            var empty = db.AppraisalBallots.Where(b => b.AppraisalId == appraisal!.Id && !b.Filled && !b.Paper);
            var slot = await empty.Where(b => b.Id.CompareTo(from) >= 0).OrderBy(b => b.Id).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct)
                ?? await empty.OrderBy(b => b.Id).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
            if (slot is null)
            {
                break;
            }

            var filled = await db.AppraisalBallots.Where(b => b.Id == slot && !b.Filled)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Filled, true).SetProperty(b => b.Grades, encoded).SetProperty(b => b.Comment, comment), ct);
            if (filled == 1)
            {
                db.Audit("vote", nameof(Appraisal), appraisal!.Id.ToString(), "投出一张不记名选票");
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return null;
            }
        }

        await transaction.RollbackAsync(ct);
        return "投票未成功，请稍后重试。";
    }

    /// <summary>The office enters one paper ballot collected from the ballot box.</summary>
    public async Task<string?> EnterPaperAsync(Appraisal appraisal, IReadOnlyDictionary<int, string?> posted, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (appraisal.OpenedAt is null)
        {
            return "测评尚未开启。";
        }

        if (IsClosed(appraisal, Now))
        {
            return "测评已截止，结果已经产生，不能再录入选票。";
        }

        var paper = await db.AppraisalBallots.CountAsync(b => b.AppraisalId == appraisal.Id && b.Paper, ct);
        if (paper >= appraisal.PaperIssued)
        {
            return $"已录入的纸质票（{paper}张）已达发出数量，不能再录入。";
        }

        var targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == appraisal.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var (grades, refusal) = AppraisalRules.Read(targets, posted);
        if (grades is null)
        {
            return refusal;
        }

        db.AppraisalBallots.Add(new AppraisalBallot { Id = Guid.NewGuid(), AppraisalId = appraisal.Id, Filled = true, Paper = true, Grades = AppraisalRules.Encode(grades), Comment = comment.NullIfBlank(2000) });
        db.Audit("paper-ballot", nameof(Appraisal), appraisal.Id.ToString(), "录入一张纸质选票");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Counts and distributions; null while the appraisal is still open, so nobody sees results early.</summary>
    public async Task<Tally?> TallyAsync(Appraisal appraisal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (!IsClosed(appraisal, Now))
        {
            return null;
        }

        var targets = await db.AppraisalTargets.AsNoTracking().Where(t => t.AppraisalId == appraisal.Id).OrderBy(t => t.Order).ToListAsync(ct);
        var ballots = await db.AppraisalBallots.AsNoTracking().Where(b => b.AppraisalId == appraisal.Id && b.Filled).Select(b => new { b.Grades, b.Comment, b.Paper }).ToListAsync(ct);
        var decoded = ballots.Select(b => AppraisalRules.Decode(b.Grades)).ToList();
        var issued = await db.AppraisalVoters.CountAsync(v => v.AppraisalId == appraisal.Id, ct) + appraisal.PaperIssued;
        var tallies = targets.Select(t =>
        {
            var rated = decoded.Where(d => d.ContainsKey(t.Order)).Select(d => d[t.Order]).ToList();
            return new TargetTally(t, rated.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count()), rated.Count);
        }).ToList();
        var comments = ballots.Where(b => b.Comment is not null).Select(b => b.Comment!).OrderBy(c => c, StringComparer.Ordinal).ToList();
        return new Tally(issued, ballots.Count, decoded.Count(d => targets.All(t => d.ContainsKey(t.Order))), ballots.Count(b => b.Paper), tallies, comments);
    }

    /// <summary>Turnout while open (how many ballots came back) — never their contents.</summary>
    public async Task<(int Issued, int Returned)> TurnoutAsync(Appraisal appraisal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var issued = await db.AppraisalVoters.CountAsync(v => v.AppraisalId == appraisal.Id, ct) + appraisal.PaperIssued;
        var returned = await db.AppraisalBallots.CountAsync(b => b.AppraisalId == appraisal.Id && b.Filled, ct);
        return (issued, returned);
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Describe(IReadOnlyDictionary<Grade, int> counts) =>
        string.Join("、", Enum.GetValues<Grade>().Select(g => $"{AppraisalRules.Label(g)}{counts.GetValueOrDefault(g)}"));
}
