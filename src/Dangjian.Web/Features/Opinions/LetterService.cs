using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Opinions;

/// <summary>
/// 征求意见函: addressing a letter (flagging people asked again within 30 days — the seeds warn against "一窝蜂"),
/// replies through each recipient's personal link or entered from paper (each answer becomes an opinion, verbatim),
/// and reminders for overdue recipients. Reply codes are keyed by <see cref="LetterKey"/>: only the server works them out.
/// </summary>
public sealed class LetterService(AppDbContext db, TimeProvider clock, LetterKey letterKey)
{
    private const string CodeUse = "letter";

    public const int MaxRecipients = 500;

    public static readonly IReadOnlyList<string> Categories = ["单位", "企业", "高校", "科研院所", "代表委员", "党外人士", "其他"];

    public sealed record Recipient(string Name, string? Category);

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Reads "名称,类别" lines (类别 optional); or a Chinese reason.</summary>
    public static (List<Recipient>? Recipients, string? Problem) Parse(string? lines)
    {
        var result = new List<Recipient>();
        foreach (var (line, i) in (lines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((l, i) => (l, i)))
        {
            var parts = line.Split([',', '，', '\t'], 2, StringSplitOptions.TrimEntries);
            var name = parts[0];
            var category = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            if (name.Length is 0 or > 100)
            {
                return (null, $"第{i + 1}行：名称不能为空，也不能超过100字。");
            }

            if (category is not null && !Categories.Contains(category))
            {
                return (null, $"第{i + 1}行：类别须是 {string.Join("、", Categories)} 之一。");
            }

            if (result.All(r => r.Name != name))
            {
                result.Add(new Recipient(name, category));
            }
        }

        return result.Count switch
        {
            0 => (null, "请填写收函对象，每行一个。"),
            > MaxRecipients => (null, $"一次最多发{MaxRecipients}份。"),
            _ => (result, null),
        };
    }

    /// <summary>Names in <paramref name="names"/> already asked by another letter of the campaign within 30 days of <paramref name="sentOn"/>.</summary>
    public async Task<List<string>> RepeatedAsync(Guid campaignId, Guid? exceptLetter, DateOnly sentOn, IReadOnlyCollection<string> names, CancellationToken ct = default)
    {
        var from = sentOn.AddDays(-30);
        var to = sentOn.AddDays(30);
        var letters = db.SolicitationLetters.Where(l => l.CampaignId == campaignId && l.Id != exceptLetter && l.SentOn >= from && l.SentOn <= to).Select(l => l.Id);
        return await db.LetterRecipients.Where(r => letters.Contains(r.LetterId) && names.Contains(r.Name)).Select(r => r.Name).Distinct().ToListAsync(ct);
    }

    /// <summary>Adds the addressees with their keyed reply codes (only their hashes are stored). Call before opening a transaction.</summary>
    public async Task AddRecipientsAsync(SolicitationLetter letter, IEnumerable<Recipient> recipients, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(recipients);
        var key = await letterKey.GetAsync(ct);
        if (!KeyedCodes.IsKeyed(letter.TokenSecret))
        {
            letter.TokenSecret = KeyedCodes.NewSalt();
        }

        foreach (var r in recipients)
        {
            var recipient = new LetterRecipient { Id = Guid.CreateVersion7(), LetterId = letter.Id, Name = r.Name, Category = r.Category, TokenHash = "" };
            recipient.TokenHash = Opinion.HashCode(Code(key, letter, recipient.Id));
            db.LetterRecipients.Add(recipient);
        }
    }

    /// <summary>
    /// The reply codes the server can work out, by recipient: a code issued before keyed codes (or before the key was
    /// renewed) is known to nobody any more — it still works, but cannot be printed again without <see cref="ReissueAsync"/>.
    /// </summary>
    public async Task<Dictionary<Guid, string>> CodesAsync(SolicitationLetter letter, IEnumerable<LetterRecipient> recipients, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(recipients);
        var codes = new Dictionary<Guid, string>();
        if (!KeyedCodes.IsKeyed(letter.TokenSecret))
        {
            return codes;
        }

        var key = await letterKey.GetAsync(ct);
        foreach (var r in recipients)
        {
            var code = Code(key, letter, r.Id);
            if (Opinion.HashCode(code) == r.TokenHash)
            {
                codes[r.Id] = code;
            }
        }

        return codes;
    }

    /// <summary>
    /// New keyed codes for the addressees not yet answered whose code nobody can print any more: their earlier printed
    /// letters stop working, the new ones are printed instead. Returns how many.
    /// </summary>
    public async Task<int> ReissueAsync(SolicitationLetter letter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var open = await db.LetterRecipients.Where(r => r.LetterId == letter.Id && r.ReturnedAt == null).OrderBy(r => r.Id).ToListAsync(ct);
        var known = await CodesAsync(letter, open, ct);
        var key = await letterKey.GetAsync(ct);
        if (!KeyedCodes.IsKeyed(letter.TokenSecret))
        {
            letter.TokenSecret = KeyedCodes.NewSalt();
        }

        var reissued = open.Where(r => !known.ContainsKey(r.Id)).ToList();
        foreach (var r in reissued)
        {
            r.TokenHash = Opinion.HashCode(Code(key, letter, r.Id));
        }

        if (reissued.Count > 0)
        {
            db.Audit("reissue", nameof(SolicitationLetter), letter.Id.ToString(), $"重新生成{reissued.Count}个对象的回复码，此前打印的这些函件链接失效");
            await db.SaveChangesAsync(ct);
        }

        return reissued.Count;
    }

    /// <summary>
    /// Letters from before keyed reply codes held the secret their codes were derived from: it is replaced by a keyed salt,
    /// so nothing in the letters table recomputes a code. Codes already printed keep working through their stored hashes
    /// (a letter cannot be recalled); 重新生成回复码 on the print page replaces them when wanted. Returns how many.
    /// </summary>
    public async Task<int> RekeyAsync(CancellationToken ct = default)
    {
        var legacy = await db.SolicitationLetters.IgnoreQueryFilters().Where(l => !l.TokenSecret.StartsWith(KeyedCodes.KeyedPrefix)).OrderBy(l => l.Id).ToListAsync(ct);
        foreach (var letter in legacy)
        {
            letter.TokenSecret = KeyedCodes.NewSalt();
            db.Audit("rekey", nameof(SolicitationLetter), letter.Id.ToString(), "回复码改由服务器密钥生成；已发出的函件链接继续有效");
        }

        if (legacy.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return legacy.Count;
    }

    private static string Code(byte[] key, SolicitationLetter letter, Guid recipientId) => KeyedCodes.Compute(key, CodeUse, letter.TokenSecret, recipientId);

    public async Task<(SolicitationLetter? Letter, LetterRecipient? Recipient, string? Problem)> ReadTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return (null, null, "链接无效，请使用征求意见函上的二维码或链接。");
        }

        var hash = Opinion.HashCode(token);
        var recipient = await db.LetterRecipients.SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
        var letter = recipient is null ? null : await db.SolicitationLetters.SingleOrDefaultAsync(l => l.Id == recipient.LetterId, ct);
        if (recipient is null || letter is null)
        {
            return (null, null, "链接无效，请使用征求意见函上的二维码或链接。");
        }

        return recipient.ReturnedAt is not null ? (letter, recipient, "您已经回复过本函，感谢您的意见！") : (letter, recipient, null);
    }

    /// <summary>Takes a recipient's answers (at least one): each becomes an opinion of channel 征求意见函, verbatim.</summary>
    public async Task<string?> ReplyAsync(SolicitationLetter letter, LetterRecipient recipient, IReadOnlyList<string?> answers, string via, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(answers);
        if (recipient.ReturnedAt is not null)
        {
            return "该对象已经回复过。";
        }

        var questions = letter.QuestionList;
        var given = answers.Select((a, i) => (Answer: a?.Trim() ?? "", Index: i)).Where(a => a.Answer.Length > 0).ToList();
        if (given.Count == 0)
        {
            return "请至少填写一项意见。";
        }

        if (given.Any(a => a.Answer.Length > 4000))
        {
            return "每项意见不超过4000字。";
        }

        foreach (var (answer, index) in given)
        {
            db.Opinions.Add(new Opinion
            {
                CampaignId = letter.CampaignId,
                Channel = Channel.SolicitationLetter,
                ReceivedOn = Today,
                Text = answer,
                LetterRecipientId = recipient.Id,
                SubmitterName = recipient.Name.Length > 50 ? recipient.Name[..50] : recipient.Name,
                Note = index < questions.Count ? $"针对：{questions[index]}" : null,
            });
        }

        (recipient.ReturnedAt, recipient.ReturnedVia) = (clock.GetUtcNow().UtcDateTime, via);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "该对象已经回复过。";
        }

        return null;
    }

    /// <summary>Marks every overdue, unanswered recipient as reminded now; returns how many.</summary>
    public async Task<int> RemindAsync(SolicitationLetter letter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (Today <= letter.DueOn)
        {
            return 0;
        }

        var overdue = await db.LetterRecipients.Where(r => r.LetterId == letter.Id && r.ReturnedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        overdue.ForEach(r => r.RemindedAt = now);
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }
}
