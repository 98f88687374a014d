using Dangjian.Web.Platform.Web;
using System.Security.Cryptography;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// Opening an appraisal (voting rights), casting an anonymous sealed ballot with a one-time code, entering paper
/// ballots, and at the close opening the sealed ballots for the tally. Why it is built so: docs/security.md §1.
/// </summary>
public sealed class AppraisalService(AppDbContext db, Notifier notifier, BallotKey ballotKey, TimeProvider clock)
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

    /// <summary>The voting code of a voting right; only the server, holding <see cref="BallotKey"/>, can work it out.</summary>
    public async Task<string> TokenForAsync(Appraisal appraisal, Guid voterId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        return BallotSeal.Token(await ballotKey.GetAsync(ct), appraisal.TokenSecret, voterId);
    }

    /// <summary>
    /// Opens the appraisal for the given people plus its extra slips: one voting right each. People with an account are
    /// told by a notification whose link leads to their ballot through sign-in; the code itself is never stored.
    /// </summary>
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

        var key = await ballotKey.GetAsync(ct);
        if (!BallotSeal.IsKeyed(appraisal.TokenSecret))
        {
            appraisal.TokenSecret = BallotSeal.NewSalt();
        }

        var voters = electorate.DistinctBy(e => e.PersonId).Select(e => new AppraisalVoter { AppraisalId = appraisal.Id, PersonId = e.PersonId, Label = e.Name, TokenHash = "" })
            .Concat(Enumerable.Range(1, appraisal.ExtraSlips).Select(i => new AppraisalVoter { AppraisalId = appraisal.Id, Label = $"投票码{i}", TokenHash = "" }))
            .ToList();
        foreach (var v in voters)
        {
            v.Id = Guid.CreateVersion7();
            v.TokenHash = AppraisalRules.Hash(BallotSeal.Token(key, appraisal.TokenSecret, v.Id));
        }

        db.AppraisalVoters.AddRange(voters);
        appraisal.OpenedAt = Now;
        var people = voters.Where(v => v.PersonId is not null).Select(v => v.PersonId).ToList();
        var users = await db.Users.Where(u => u.PersonId != null && people.Contains(u.PersonId)).Select(u => u.Id).ToListAsync(ct);
        if (users.Count > 0)
        {
            notifier.ToUsers(users, $"请参加民主测评：{appraisal.Title}", $"截止 {Platform.Web.ChinaTime.DateTimeText(appraisal.ClosesAt)}。投票不记名。", VoteLink(appraisal.Id));
        }

        await db.SaveChangesAsync(ct);
        await notifier.DeliverAsync(ct);
        return null;
    }

    /// <summary>Where a signed-in voter finds their ballot: the server works out their code there, so no link holds it.</summary>
    public static string VoteLink(Guid appraisalId) => $"/Appraisal/Vote?id={appraisalId}";

    /// <summary>
    /// Appraisals opened before voting codes were keyed (their codes could be worked out from the database): those not yet
    /// closed get a keyed salt and new codes for the rights still unused. Printed slips of those appraisals must be printed
    /// again; personal links go through sign-in and keep working.
    /// </summary>
    public async Task<int> RekeyAsync(CancellationToken ct = default)
    {
        var now = Now;
        var legacy = await db.Appraisals.Where(a => a.OpenedAt != null && a.UnsealedAt == null && a.ClosesAt > now && !a.TokenSecret.StartsWith(BallotSeal.KeyedPrefix))
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (legacy.Count == 0)
        {
            return 0;
        }

        var key = await ballotKey.GetAsync(ct);
        foreach (var appraisal in legacy)
        {
            appraisal.TokenSecret = BallotSeal.NewSalt();
            foreach (var voter in await db.AppraisalVoters.Where(v => v.AppraisalId == appraisal.Id && !v.Used).OrderBy(v => v.Id).ToListAsync(ct))
            {
                voter.TokenHash = AppraisalRules.Hash(BallotSeal.Token(key, appraisal.TokenSecret, voter.Id));
            }

            db.Audit("rekey", nameof(Appraisal), appraisal.Id.ToString(), "投票码改由服务器密钥生成，已打印的投票码需重新打印");
        }

        await db.SaveChangesAsync(ct);
        return legacy.Count;
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
    /// Casts the ballot of a token: marks the voting right used and stores the ballot sealed (<see cref="BallotSeal"/>) in
    /// one transaction, so a crash loses no confirmed vote and allows no second one. The envelope carries no voter, token,
    /// time or order and cannot be read without the key; the audit log records only that a ballot was cast.
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

        var envelope = BallotSeal.Seal(await ballotKey.GetAsync(ct), appraisal!.Id, AppraisalRules.Encode(grades), comment);
        if (envelope is null)
        {
            return "选票内容过长，未被接收。请缩短意见建议后重新提交。";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The close opens every envelope at once. A vote that read the appraisal as open just before must not land after
        // that: on PostgreSQL it holds a share lock on the appraisal (votes do not wait for each other, the unsealing
        // waits for them); on SQLite the first write below takes the database's write lock before the check is read.
        if (db.Database.IsNpgsql() && !await OpenForVotesAsync(appraisal.Id, ct))
        {
            return "测评已结束，不能再投票。";
        }

        var marked = await db.AppraisalVoters.Where(v => v.Id == voter!.Id && !v.Used).ExecuteUpdateAsync(s => s.SetProperty(v => v.Used, true), ct);
        if (marked == 0)
        {
            return "该投票码已经投过票，每个投票码只能投一次。";
        }

        if (!db.Database.IsNpgsql() && !await db.Appraisals.AnyAsync(a => a.Id == appraisal.Id && a.UnsealedAt == null, ct))
        {
            await transaction.RollbackAsync(ct);
            return "测评已结束，不能再投票。";
        }

        db.SealedBallots.Add(new SealedBallot { Id = Guid.NewGuid(), AppraisalId = appraisal.Id, Envelope = envelope });
        db.Audit("vote", nameof(Appraisal), appraisal.Id.ToString(), "投出一张不记名选票");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    private async Task<bool> OpenForVotesAsync(Guid appraisalId, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM \"Appraisals\" WHERE \"Id\" = {appraisalId} AND \"UnsealedAt\" IS NULL FOR SHARE")
            .ToListAsync(ct) is { Count: > 0 };

    /// <summary>
    /// After the close: opens every sealed ballot of the appraisal and writes them, with any online ballot cast before
    /// ballots were sealed, as new rows with random ids in random order, all in one transaction — a database reader sees
    /// one set of envelopes turn into one set of ballots, and no order or transaction that pairs any two. Runs once; a
    /// second instance doing the same waits for the first and then finds nothing to do.
    /// </summary>
    public async Task UnsealAsync(Appraisal appraisal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (appraisal.UnsealedAt is not null || !IsClosed(appraisal, Now))
        {
            return;
        }

        var key = await ballotKey.GetAsync(ct);
        var now = Now;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await db.Appraisals.Where(a => a.Id == appraisal.Id && a.UnsealedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.UnsealedAt, now), ct) == 0)
            {
                await transaction.RollbackAsync(ct);
                appraisal.UnsealedAt = now;
                return;
            }

            var envelopes = await db.SealedBallots.AsNoTracking().Where(b => b.AppraisalId == appraisal.Id).Select(b => b.Envelope).ToListAsync(ct);
            var earlier = await db.AppraisalBallots.AsNoTracking().Where(b => b.AppraisalId == appraisal.Id && b.Filled && !b.Paper).Select(b => new { b.Grades, b.Comment }).ToListAsync(ct);
            var ballots = envelopes.Select(e => BallotSeal.Open(key, appraisal.Id, e))
                .Concat(earlier.Select(b => (Grades: b.Grades ?? "", b.Comment)))
                .Select(b => new AppraisalBallot { Id = Guid.NewGuid(), AppraisalId = appraisal.Id, Filled = true, Grades = b.Grades, Comment = b.Comment })
                .ToArray();
            RandomNumberGenerator.Shuffle(ballots.AsSpan());
            await db.SealedBallots.Where(b => b.AppraisalId == appraisal.Id).ExecuteDeleteAsync(ct);
            await db.AppraisalBallots.Where(b => b.AppraisalId == appraisal.Id && !b.Paper).ExecuteDeleteAsync(ct);
            db.AppraisalBallots.AddRange(ballots);
            db.Audit("unseal", nameof(Appraisal), appraisal.Id.ToString(), $"测评截止，{ballots.Length}张网上选票开封并随机排序");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            foreach (var b in ballots)
            {
                db.Entry(b).State = EntityState.Detached;
            }
        }

        appraisal.UnsealedAt = now;
        if (db.Database.IsSqlite())
        {
            // The envelopes' pages leave the write-ahead log for the database file, where they are free pages to be reused.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
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

        await UnsealAsync(appraisal, ct);
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
        var returned = await db.AppraisalBallots.CountAsync(b => b.AppraisalId == appraisal.Id && b.Filled, ct)
            + await db.SealedBallots.CountAsync(b => b.AppraisalId == appraisal.Id, ct);
        return (issued, returned);
    }

    public static string NewSecret() => BallotSeal.NewSalt();

    public static string Describe(IReadOnlyDictionary<Grade, int> counts) =>
        string.Join("、", Enum.GetValues<Grade>().Select(g => $"{AppraisalRules.Label(g)}{counts.GetValueOrDefault(g)}"));
}
