using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Features.Appraisals;
using Dangjian.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Features.Appraisal;

/// <summary>
/// The database reader of docs/security.md §1 — a DBA, a backup, a copy of the SQLite file with its WAL — tries to pair
/// ballots with voting rights and to find or work out an unused voting code. Each test acts as that reader.
/// </summary>
public sealed class BallotSecrecyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Voters = 8;

    /// <summary>This fixture's database is shared by the class's tests: each run marks its ballots with its own tag.</summary>
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];

    private async Task<(Guid Id, List<(Guid VoterId, string Code)> Codes)> OpenAsync(string title, int slips, bool bureau)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var appraisal = new Dangjian.Web.Features.Appraisals.Appraisal
        {
            CampaignId = await db.Campaigns.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync(),
            Title = title, OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1), ExtraSlips = slips, TokenSecret = AppraisalService.NewSecret(),
        };
        db.Appraisals.Add(appraisal);
        db.AppraisalTargets.AddRange(new AppraisalTarget { AppraisalId = appraisal.Id, Order = 1, Name = "局领导班子" }, new AppraisalTarget { AppraisalId = appraisal.Id, Order = 2, Name = "王建国" });
        await db.SaveChangesAsync();
        var electorate = bureau ? await db.People.Where(p => p.OrgUnit!.Code.StartsWith("KJJ") && !p.IsRetired).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync() : [];
        (await service.OpenAsync(appraisal, electorate.Select(p => (p.Id, p.Name)).ToList())).ShouldBeNull();
        var codes = new List<(Guid, string)>();
        foreach (var voter in await db.AppraisalVoters.Where(v => v.AppraisalId == appraisal.Id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync())
        {
            codes.Add((voter, await service.TokenForAsync(appraisal, voter)));
        }

        return (appraisal.Id, codes);
    }

    private string Marker(int i) => $"第{i}号意见{tag}标记{i}";

    private async Task VoteAsync(string code, int i)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var grade = (i % 4 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await scope.ServiceProvider.GetRequiredService<AppraisalService>().VoteAsync(code, new Dictionary<int, string?> { [1] = ((Grade)(i % 4 + 1)).ToString(), [2] = "Good" }, Marker(i))).ShouldBeNull(grade);
    }

    [DbFact]
    public async Task NothingStoredLetsAReaderWorkOutOrReadAnUnusedVotingCode()
    {
        var (id, codes) = await OpenAsync("投票码保密检验", 3, bureau: true);
        codes.Count.ShouldBeGreaterThan(3);
        var (salt, hashes) = await app.WithDbAsync(async db => (
            await db.Appraisals.Where(a => a.Id == id).Select(a => a.TokenSecret).SingleAsync(),
            await db.AppraisalVoters.Where(v => v.AppraisalId == id).Select(v => v.TokenHash).ToListAsync()));

        // What the reader can try: the code as it used to be made, an HMAC of the stored salt and the voting right's id.
        foreach (var (voter, code) in codes)
        {
            hashes.ShouldContain(AppraisalRules.Hash(code));
            foreach (var guess in new[] { salt, salt[BallotSeal.KeyedPrefix.Length..] })
            {
                var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(guess), voter.ToByteArray());
                hashes.ShouldNotContain(AppraisalRules.Hash(Convert.ToBase64String(mac)[..24].Replace('+', '-').Replace('/', '_')));
                if (guess.Length % 4 == 0)
                {
                    var legacy = HMACSHA256.HashData(Convert.FromBase64String(guess), voter.ToByteArray());
                    hashes.ShouldNotContain(AppraisalRules.Hash(Convert.ToBase64String(legacy)[..24].Replace('+', '-').Replace('/', '_')));
                }
            }
        }

        // Nor is any code stored where a reader could copy it: notifications, the audit log, the key store.
        var stored = await app.WithDbAsync(async db =>
            (await db.Notifications.Select(n => n.Title + "|" + n.Body + "|" + n.Url).ToListAsync())
            .Concat(await db.AuditEntries.Select(e => e.Summary + "|" + e.ObjectId + "|" + e.Before + "|" + e.After).ToListAsync())
            .Concat(await db.AppSecrets.Select(s => s.Name + "|" + s.ProtectedValue).ToListAsync())
            .ToList());
        var ballotLinks = await app.WithDbAsync(db => db.Notifications.Where(n => n.Title.Contains("投票码保密检验")).Select(n => n.Url!).ToListAsync());
        ballotLinks.ShouldNotBeEmpty();
        ballotLinks.ShouldAllBe(u => u == $"/Appraisal/Vote?id={id}");
        foreach (var (_, code) in codes)
        {
            stored.ShouldNotContain(s => s.Contains(code, StringComparison.Ordinal));
        }
    }

    [DbFact]
    public async Task ADatabaseReaderCannotPairABallotWithTheVotingRightItUsed()
    {
        var (id, codes) = await OpenAsync("配对检验", Voters, bureau: false);
        for (var i = 0; i < Voters; i++)
        {
            await VoteAsync(codes[i].Code, i);
        }

        // Until the close a ballot exists only as an envelope of one fixed size; nothing of what was written is readable.
        var envelopes = await app.WithDbAsync(db => db.SealedBallots.Where(b => b.AppraisalId == id).Select(b => b.Envelope).ToListAsync());
        envelopes.Count.ShouldBe(Voters);
        envelopes.ShouldAllBe(e => e.Length == BallotSeal.EnvelopeBytes);
        foreach (var envelope in envelopes)
        {
            for (var i = 0; i < Voters; i++)
            {
                Contains(envelope, Encoding.UTF8.GetBytes(Marker(i))).ShouldBeFalse();
            }
        }

        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            // The reader replays the database file and its write-ahead log: no page of any commit holds a ballot's words.
            foreach (var commit in ReadWalCommits(app.Database.Name + "-wal").Append(ReadAll(app.Database.Name)))
            {
                foreach (var i in Enumerable.Range(0, Voters))
                {
                    var at = IndexOf(commit, Encoding.UTF8.GetBytes(Marker(i)));
                    at.ShouldBe(-1, "no ballot in the clear before the close: " + (at < 0 ? "" : Encoding.UTF8.GetString(commit, Math.Max(0, at - 300), Math.Min(600, commit.Length - Math.Max(0, at - 300)))));
                }
            }
        }

        await app.CloseAppraisalAsync(id);

        if (app.Database.Provider == DatabaseProvider.Postgres)
        {
            var rights = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM \"AppraisalVoters\" WHERE \"AppraisalId\" = {id} AND \"Used\"").ToListAsync());
            var ballots = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM \"AppraisalBallots\" WHERE \"AppraisalId\" = {id}").ToListAsync());
            rights.Count.ShouldBe(Voters);
            ballots.Count.ShouldBe(Voters);
            ballots.Intersect(rights).ShouldBeEmpty("no ballot shares a transaction id with a voting right");
            ballots.Distinct().Count().ShouldBe(1, "all the ballots were written by one transaction");
            var physical = await app.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT \"Comment\" AS \"Value\" FROM \"AppraisalBallots\" WHERE \"AppraisalId\" = {id} ORDER BY ctid").ToListAsync());
            physical.Order().ShouldBe(Enumerable.Range(0, Voters).Select(Marker).Order());
            physical.ShouldNotBe(Enumerable.Range(0, Voters).Select(Marker).ToList(), "the physical order is not the vote order");
        }
        else
        {
            // Every ballot in the clear came out of one commit, which changed no voting right; the file order is not the vote order.
            var commits = ReadWalCommits(app.Database.Name + "-wal").Append(ReadAll(app.Database.Name)).ToList();
            var found = commits.Where(c => Enumerable.Range(0, Voters).Any(i => Contains(c, Encoding.UTF8.GetBytes(Marker(i))))).ToList();
            found.ShouldNotBeEmpty("the reader's scan does find ballots once they are in the clear");
            found.ShouldAllBe(c => Enumerable.Range(0, Voters).All(i => Contains(c, Encoding.UTF8.GetBytes(Marker(i)))), "a commit holds all the ballots or none");
            var file = ReadAll(app.Database.Name);
            var order = Enumerable.Range(0, Voters).Select(i => IndexOf(file, Encoding.UTF8.GetBytes(Marker(i)))).ToList();
            order.ShouldAllBe(p => p >= 0);
            order.ShouldNotBe(order.Order().ToList(), "the file order is not the vote order");
            order.ShouldNotBe(order.OrderDescending().ToList(), "nor its reverse");
        }

        var tally = await app.WithDbAsync(db => db.AppraisalBallots.Where(b => b.AppraisalId == id).Select(b => b.Grades!).ToListAsync());
        tally.Order().ShouldBe(Enumerable.Range(0, Voters).Select(i => $"1:{i % 4 + 1},2:1").Order(), "every vote is counted as cast");
    }

    [DbFact]
    public async Task TheSameCodeSentAtOnceVotesOnceAndTwoInstancesOpenTheBallotsOnce()
    {
        var (id, codes) = await OpenAsync("并发检验", 3, bureau: false);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                return await scope.ServiceProvider.GetRequiredService<AppraisalService>().VoteAsync(codes[0].Code, new Dictionary<int, string?> { [1] = "Good", [2] = "Good" }, null);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                return "冲突：" + e.Message;
            }
        }));
        results.Count(r => r is null).ShouldBe(1, string.Join(" / ", results));
        await VoteAsync(codes[1].Code, 1);
        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(2);

        var closes = await app.WithDbAsync(db => db.Appraisals.Where(a => a.Id == id).Select(a => a.ClosesAt).SingleAsync()) - app.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1);
        app.Clock.Advance(closes);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await scope.ServiceProvider.GetRequiredService<AppraisalService>().UnsealAsync(await db.Appraisals.AsNoTracking().SingleAsync(a => a.Id == id));
            }));
        }
        finally
        {
            app.Clock.Advance(-closes);
        }

        (await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(2, "opened once, not once per instance");
        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0);

        // A vote that read the appraisal as open a moment before the envelopes were opened is refused, not left sealed.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AppraisalService>().VoteAsync(codes[2].Code, new Dictionary<int, string?> { [1] = "Good", [2] = "Good" }, null))
                .ShouldBe("测评已结束，不能再投票。");
        }

        (await app.WithDbAsync(db => db.SealedBallots.CountAsync(b => b.AppraisalId == id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.AppraisalVoters.CountAsync(v => v.AppraisalId == id && v.Used))).ShouldBe(2, "the refused vote used no right");
    }

    [DbFact]
    public async Task AnAppraisalOpenedBeforeKeyedCodesGetsCodesAReaderCannotWorkOut()
    {
        var (id, codes) = await OpenAsync("旧投票码检验", 2, bureau: false);
        var legacySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        string Legacy(Guid voter) => Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(legacySecret), voter.ToByteArray()))[..24].Replace('+', '-').Replace('/', '_');
        await app.WithDbAsync(async db =>
        {
            await db.Appraisals.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.TokenSecret, legacySecret));
            foreach (var (voter, _) in codes)
            {
                await db.AppraisalVoters.Where(v => v.Id == voter).ExecuteUpdateAsync(s => s.SetProperty(v => v.TokenHash, AppraisalRules.Hash(Legacy(voter))));
            }

            return 0;
        });

        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AppraisalService>();
        (await service.RekeyAsync()).ShouldBe(1);
        (await service.RekeyAsync()).ShouldBe(0, "once is enough");
        (await service.VoteAsync(Legacy(codes[0].VoterId), new Dictionary<int, string?> { [1] = "Good", [2] = "Good" }, null)).ShouldNotBeNull().ShouldContain("投票码无效");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appraisal = await db.Appraisals.AsNoTracking().SingleAsync(a => a.Id == id);
        BallotSeal.IsKeyed(appraisal.TokenSecret).ShouldBeTrue();
        (await service.VoteAsync(await service.TokenForAsync(appraisal, codes[0].VoterId), new Dictionary<int, string?> { [1] = "Good", [2] = "Good" }, null)).ShouldBeNull();
    }

    [Fact]
    public void AnEnvelopeHidesItsLengthAndOpensOnlyForItsAppraisal()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var appraisal = Guid.NewGuid();
        var empty = BallotSeal.Seal(key, appraisal, "1:1", null)!;
        var full = BallotSeal.Seal(key, appraisal, "1:2,2:3", new string('意', 2000))!;
        empty.Length.ShouldBe(full.Length);
        BallotSeal.Open(key, appraisal, full).ShouldBe(("1:2,2:3", new string('意', 2000)));
        BallotSeal.Open(key, appraisal, empty).ShouldBe(("1:1", (string?)null));
        Should.Throw<CryptographicException>(() => BallotSeal.Open(key, Guid.NewGuid(), full));
        Should.Throw<CryptographicException>(() => BallotSeal.Open(RandomNumberGenerator.GetBytes(32), appraisal, full));
        full[40] ^= 1;
        Should.Throw<CryptographicException>(() => BallotSeal.Open(key, appraisal, full));
        BallotSeal.Seal(key, appraisal, "1:1", new string('意', 3000)).ShouldBeNull("more than fits is refused, not cut");
        BallotSeal.Token(key, "k:salt", appraisal).ShouldNotBe(BallotSeal.Token(RandomNumberGenerator.GetBytes(32), "k:salt", appraisal));
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The pages of each commit in a SQLite write-ahead log, concatenated: what a reader replaying it sees per commit.</summary>
    private static IEnumerable<byte[]> ReadWalCommits(string path)
    {
        var wal = ReadAll(path);
        if (wal.Length < 32)
        {
            yield break;
        }

        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var salt = wal.AsSpan(16, 8).ToArray();
        var pages = new List<byte>();
        for (var offset = 32; offset + 24 + pageSize <= wal.Length; offset += 24 + pageSize)
        {
            if (!wal.AsSpan(offset + 8, 8).SequenceEqual(salt))
            {
                break;
            }

            pages.AddRange(wal.AsSpan(offset + 24, pageSize).ToArray());
            if (BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(offset + 4)) != 0)
            {
                yield return pages.ToArray();
                pages.Clear();
            }
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => IndexOf(haystack, needle) >= 0;

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
