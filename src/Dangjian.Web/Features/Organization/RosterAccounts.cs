using System.Globalization;
using System.Text;
using Dangjian.Web.Features.Admin;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Organization;

/// <summary>How long a first sign-in code printed on an account slip stays valid (<c>Accounts:FirstSignInDays</c>).</summary>
public sealed class RosterAccountOptions
{
    public int FirstSignInDays { get; set; } = 7;
}

/// <summary>
/// Sign-in accounts for roster people in one action (the campaign office, or the system administrator). The user name
/// rule: the unit's code in lower case, a hyphen and a three-digit number free in that unit (办公室 KJJ-BGS →
/// <c>kjj-bgs-001</c>), editable before confirming. The mobile number is not used by itself: it is protected (kept
/// encrypted, every reading audited), and a user name is shown in lists and logs. The business role is 党员干部, and
/// 领导班子 for a 班子成员 by post rank. Each account gets a one-time first sign-in code (a random password meeting the
/// policy, kept only as Identity's password hash) valid for <see cref="RosterAccountOptions.FirstSignInDays"/> days;
/// the first sign-in must choose a new password. A code is shown once, on the slips right after creating or reissuing.
/// </summary>
public sealed class RosterAccounts(AppDbContext db, UserManager<AppUser> users, AccountProvisioning accounts, TimeProvider clock, IOptions<RosterAccountOptions> options)
{
    /// <summary>Where the code's end of validity is kept (an Identity user token).</summary>
    public const string TokenProvider = "Dangjian";

    public const string ExpiryTokenName = "FirstSignInExpires";

    public sealed record Candidate(Guid PersonId, string Name, string Unit, string UnitCode, PostRank Rank, string? UserName);

    public sealed record Proposal(Guid PersonId, string Name, string Unit, string UserName, string Role);

    public sealed record Slip(string Name, string Unit, string UserName, string RoleName, string Code, DateOnly ValidUntil);

    public sealed record Outcome(IReadOnlyList<Slip> Slips, int Created, int Skipped, IReadOnlyList<string> Problems);

    public int Days => Math.Clamp(options.Value.FirstSignInDays, 1, 90);

    /// <summary>The role an account from the roster gets by post rank.</summary>
    public static string RoleFor(PostRank rank) => rank == PostRank.TeamMember ? Roles.Leader : Roles.Member;

    /// <summary>The people of the units in scope (or of one unit's subtree), with their account's user name if they have one.</summary>
    public async Task<List<Candidate>> CandidatesAsync(DataScope scope, string? unitPath, CancellationToken ct = default)
    {
        var people = db.People.AsNoTracking().InScope(scope, p => p.OrgUnit!.Path);
        if (unitPath is not null)
        {
            people = people.Where(p => p.OrgUnit!.Path.StartsWith(unitPath));
        }

        var rows = await people.OrderBy(p => p.OrgUnit!.Path).ThenBy(p => p.PostRank).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, Unit = p.OrgUnit!.Name, p.OrgUnit.Code, p.PostRank }).Take(2000).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var names = await db.Users.AsNoTracking().Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value))
            .Select(u => new { u.PersonId, u.UserName }).ToListAsync(ct);
        var byPerson = names.GroupBy(n => n.PersonId!.Value).ToDictionary(g => g.Key, g => g.First().UserName);
        return rows.Select(r => new Candidate(r.Id, r.Name, r.Unit, r.Code, r.PostRank, byPerson.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>User names by the rule for the chosen people who have no account yet.</summary>
    public async Task<List<Proposal>> ProposeAsync(IReadOnlyCollection<Candidate> chosen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var prefixes = chosen.Select(c => Prefix(c.UnitCode)).Distinct(StringComparer.Ordinal).ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var prefix in prefixes)
        {
            var upper = prefix.ToUpperInvariant();
            taken.UnionWith(await db.Users.Where(u => u.NormalizedUserName!.StartsWith(upper)).Select(u => u.UserName!).ToListAsync(ct));
        }

        var list = new List<Proposal>();
        foreach (var c in chosen.Where(c => c.UserName is null))
        {
            var prefix = Prefix(c.UnitCode);
            var n = 1;
            string name;
            do
            {
                name = prefix + n.ToString("D3", CultureInfo.InvariantCulture);
                n++;
            }
            while (!taken.Add(name));
            list.Add(new Proposal(c.PersonId, c.Name, c.Unit, name, RoleFor(c.Rank)));
        }

        return list;
    }

    /// <summary>
    /// Creates the accounts (people who have one by now are skipped and counted), each audited, plus one summary entry.
    /// A user name that is malformed or taken is reported and that person left without an account.
    /// </summary>
    public async Task<Outcome> CreateAsync(IReadOnlyList<(Guid PersonId, string UserName)> picks, DataScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(picks);
        var ids = picks.Select(p => p.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().InScope(scope, p => p.OrgUnit!.Path).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Unit = p.OrgUnit!.Name, p.PostRank }).ToDictionaryAsync(p => p.Id, ct);
        var having = (await db.Users.Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value)).Select(u => u.PersonId!.Value).ToListAsync(ct)).ToHashSet();
        var slips = new List<Slip>();
        var problems = new List<string>();
        var skipped = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var until = ValidUntil();
        foreach (var (personId, rawName) in picks)
        {
            if (!people.TryGetValue(personId, out var person))
            {
                problems.Add("所选人员不存在或不在您的管理范围内。");
                continue;
            }

            if (having.Contains(personId))
            {
                skipped++;
                continue;
            }

            var userName = (rawName ?? "").Trim();
            if (CheckUserName(userName) is { } bad)
            {
                problems.Add($"{person.Name}：{bad}");
                continue;
            }

            if (!seen.Add(userName) || await users.FindByNameAsync(userName) is not null)
            {
                problems.Add($"{person.Name}：用户名“{userName}”已被使用。");
                continue;
            }

            var code = UserAdministration.TemporaryPassword();
            var role = RoleFor(person.PostRank);
            var result = await accounts.CreateAsync(userName, person.Name, code, [role], mustChangePassword: true, personId: personId);
            if (!result.Succeeded)
            {
                problems.Add($"{person.Name}：{string.Join("；", result.Errors.Select(e => e.Description))}");
                continue;
            }

            var user = (await users.FindByNameAsync(userName))!;
            await users.SetAuthenticationTokenAsync(user, TokenProvider, ExpiryTokenName, until.ToString("O", CultureInfo.InvariantCulture));
            db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"为 {person.Name} 开通账号 {userName}", null,
                new { 人员 = person.Name, 单位 = person.Unit, 角色 = Roles.DisplayNames[role], 首次登录码有效至 = until });
            await db.SaveChangesAsync(ct);
            having.Add(personId);
            slips.Add(new Slip(person.Name, person.Unit, userName, Roles.DisplayNames[role], code, DateOnly.FromDateTime(until.AddHours(8))));
        }

        db.Audit(AuditActions.UserAdmin, "AppUser", null, $"按花名册开通账号：新开通{slips.Count}个，已有账号跳过{skipped}人，未开通{problems.Count}人", null,
            new { 新开通 = slips.Count, 跳过 = skipped, 未开通 = problems });
        await db.SaveChangesAsync(ct);
        return new Outcome(slips, slips.Count, skipped, problems);
    }

    /// <summary>
    /// New codes for accounts that have not made their first sign-in yet (lost or expired slips); the old code stops
    /// working. Accounts already in use are counted as skipped: their holders reset through the security administrator.
    /// </summary>
    public async Task<Outcome> ReissueAsync(IReadOnlyCollection<Guid> personIds, DataScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().InScope(scope, p => p.OrgUnit!.Path).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, Unit = p.OrgUnit!.Name }).ToDictionaryAsync(p => p.Id, ct);
        var accountsOf = await db.Users.Where(u => u.PersonId != null && ids.Contains(u.PersonId.Value)).ToListAsync(ct);
        var slips = new List<Slip>();
        var skipped = 0;
        var until = ValidUntil();
        foreach (var user in accountsOf.Where(u => people.ContainsKey(u.PersonId!.Value)))
        {
            if (!user.MustChangePassword || user.IsDisabled || await users.GetAuthenticationTokenAsync(user, TokenProvider, ExpiryTokenName) is null)
            {
                skipped++;
                continue;
            }

            var person = people[user.PersonId!.Value];
            var code = UserAdministration.TemporaryPassword();
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), code);
            if (!result.Succeeded)
            {
                skipped++;
                continue;
            }

            await users.SetAuthenticationTokenAsync(user, TokenProvider, ExpiryTokenName, until.ToString("O", CultureInfo.InvariantCulture));
            var roles = await users.GetRolesAsync(user);
            db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"重新生成 {user.UserName} 的首次登录码", null, new { 人员 = person.Name, 首次登录码有效至 = until });
            await db.SaveChangesAsync(ct);
            slips.Add(new Slip(person.Name, person.Unit, user.UserName!, string.Join("、", roles.Select(r => Roles.DisplayNames.GetValueOrDefault(r, r))), code, DateOnly.FromDateTime(until.AddHours(8))));
        }

        db.Audit(AuditActions.UserAdmin, "AppUser", null, $"重新打印登录单：新生成{slips.Count}个首次登录码，跳过{skipped}个", null, new { 新生成 = slips.Count, 跳过 = skipped });
        await db.SaveChangesAsync(ct);
        return new Outcome(slips, 0, skipped, []);
    }

    /// <summary>True when the account still waits for its first sign-in and its code's validity has passed.</summary>
    public static async Task<bool> CodeExpiredAsync(UserManager<AppUser> users, AppUser user, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MustChangePassword)
        {
            return false;
        }

        var text = await users.GetAuthenticationTokenAsync(user, TokenProvider, ExpiryTokenName);
        return text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until) && nowUtc > until;
    }

    /// <summary>Disables the accounts of a person leaving the roster (their sessions end with the security stamp).</summary>
    public async Task DisableForPersonAsync(Guid personId, string personName, CancellationToken ct = default)
    {
        foreach (var user in await db.Users.Where(u => u.PersonId == personId && !u.IsDisabled).ToListAsync(ct))
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            db.Audit(AuditActions.UserAdmin, "AppUser", user.Id.ToString(), $"{personName} 已从人员名单删除，停用其账号 {user.UserName}");
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>3–64 characters: letters, digits and . _ - @ (a user name people type on a phone). Null when acceptable.</summary>
    public static string? CheckUserName(string userName) =>
        userName.Length is < 3 or > 64 ? "用户名应为3–64个字符。"
        : userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@') ? null
        : "用户名只能包含英文字母、数字和 . _ - @。";

    private static string Prefix(string unitCode)
    {
        var text = new StringBuilder();
        foreach (var c in unitCode.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        var prefix = text.ToString().Trim('-');
        return (prefix.Length == 0 ? "user" : prefix.Length > 40 ? prefix[..40] : prefix) + "-";
    }

    private DateTime ValidUntil() => clock.GetUtcNow().UtcDateTime.AddDays(Days);
}
