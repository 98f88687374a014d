using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Web;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// The rules for a person's record, shared by the edit page, the import and the demo: required fields, dates
/// that make sense, a valid and unique ID number, a valid phone; sensitive values are encrypted and masked here.
/// </summary>
public sealed class PersonEditor(AppDbContext db, SensitiveData sensitive, TimeProvider clock)
{
    public sealed class Input
    {
        public string Name { get; set; } = "";

        public Gender Gender { get; set; }

        public DateOnly? BirthDate { get; set; }

        public Guid OrgUnitId { get; set; }

        /// <summary>所在党组织 (党支部, 党总支 or 党小组); null for none.</summary>
        public Guid? BranchId { get; set; }

        public string? Title { get; set; }

        public PartyStatus PartyStatus { get; set; } = PartyStatus.Full;

        public DateOnly? JoinedPartyOn { get; set; }

        public DateOnly? FullMemberOn { get; set; }

        public PostRank PostRank { get; set; } = PostRank.Staff;

        public bool IsRetired { get; set; }

        /// <summary>Empty keeps the stored value (edits never show the full number).</summary>
        public string? IdNumber { get; set; }

        /// <summary>Empty keeps the stored value.</summary>
        public string? Phone { get; set; }

        public bool ClearIdNumber { get; set; }

        public bool ClearPhone { get; set; }
    }

    /// <summary>The kinds of unit a party member's membership sits in (所在党组织).</summary>
    public static IReadOnlyList<OrgUnitKind> BranchKinds { get; } = [OrgUnitKind.GeneralBranch, OrgUnitKind.Branch, OrgUnitKind.PartyCell];

    /// <summary>A normalized, checked ID number with its lookup hash.</summary>
    public sealed record IdNumber(string Value, string Hash);

    /// <summary>Checks and applies the input to <paramref name="person"/>. Returns field → Chinese message; empty when applied.</summary>
    public async Task<Dictionary<string, string>> ApplyAsync(Person person, Input input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(Platform.Web.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var name = input.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(Input.Name)] = "请填写姓名。";
        }
        else if (name.Length > 50)
        {
            errors[nameof(Input.Name)] = "姓名不能超过50个字。";
        }

        if (input.Title?.Length > 100)
        {
            errors[nameof(Input.Title)] = "职务不能超过100个字。";
        }

        if (!Enum.IsDefined(input.PartyStatus))
        {
            errors[nameof(Input.PartyStatus)] = "请选择政治面貌。";
        }

        if (!Enum.IsDefined(input.PostRank))
        {
            errors[nameof(Input.PostRank)] = "请选择职级。";
        }

        if (input.BirthDate > today)
        {
            errors[nameof(Input.BirthDate)] = "出生日期不能晚于今天。";
        }

        if (input.JoinedPartyOn > today)
        {
            errors[nameof(Input.JoinedPartyOn)] = "入党日期不能晚于今天。";
        }

        if (input.FullMemberOn is { } full && (full > today || (input.JoinedPartyOn is { } joined && full < joined)))
        {
            errors[nameof(Input.FullMemberOn)] = "转正日期应在入党日期之后、今天之前。";
        }

        if (input.PartyStatus is PartyStatus.Activist or PartyStatus.NonMember && input.JoinedPartyOn is not null)
        {
            errors[nameof(Input.JoinedPartyOn)] = "入党积极分子和群众没有入党日期。";
        }

        IdNumber? id = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            var (checkedId, problem) = await CheckIdNumberAsync(input.IdNumber, person.Id, ct);
            if (problem is not null)
            {
                errors[nameof(Input.IdNumber)] = problem;
            }
            else
            {
                id = checkedId;
                var fromId = PersonalIds.BirthDate(checkedId!.Value);
                if (input.BirthDate is { } birth && birth != fromId)
                {
                    errors[nameof(Input.BirthDate)] = $"出生日期与身份证号不一致（身份证号为{Platform.Web.ChinaTime.LongDate(fromId)}）。";
                }
            }
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = PersonalIds.NormalizePhone(input.Phone);
            if (PersonalIds.CheckPhone(phone) is { } problem)
            {
                errors[nameof(Input.Phone)] = problem;
            }
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == input.OrgUnitId && u.IsActive, ct))
        {
            errors[nameof(Input.OrgUnitId)] = "请选择一个在用的单位。";
        }

        if (input.BranchId is { } branch)
        {
            if (input.PartyStatus is PartyStatus.Activist or PartyStatus.NonMember)
            {
                errors[nameof(Input.BranchId)] = "只有党员（含预备党员）编入党组织；入党积极分子和群众不填所在党组织。";
            }
            else if (!await db.OrgUnits.AnyAsync(u => u.Id == branch && u.IsActive && BranchKinds.Contains(u.Kind), ct))
            {
                errors[nameof(Input.BranchId)] = "所在党组织须是在用的党支部、党总支或党小组。";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        person.Name = name;
        person.OrgUnitId = input.OrgUnitId;
        person.BranchId = input.BranchId;
        person.Title = input.Title.NullIfBlank();
        person.PartyStatus = input.PartyStatus;
        person.JoinedPartyOn = input.JoinedPartyOn;
        person.FullMemberOn = input.FullMemberOn;
        person.PostRank = input.PostRank;
        person.IsRetired = input.IsRetired;
        person.Gender = input.Gender;
        person.BirthDate = input.BirthDate;
        if (id is not null)
        {
            SetIdNumber(person, id);
            person.BirthDate ??= PersonalIds.BirthDate(id.Value);
            if (person.Gender == Gender.Unknown)
            {
                person.Gender = PersonalIds.GenderOf(id.Value);
            }
        }
        else if (input.ClearIdNumber)
        {
            person.IdNumberCipher = person.IdNumberMasked = person.IdNumberHash = null;
        }

        if (phone is not null)
        {
            SetPhone(person, phone);
        }
        else if (input.ClearPhone)
        {
            person.PhoneCipher = person.PhoneMasked = null;
        }

        return errors;
    }

    /// <summary>Normalizes and validates an ID number and checks nobody else (deleted people included) has it.</summary>
    public async Task<(IdNumber? Id, string? Problem)> CheckIdNumberAsync(string raw, Guid? self, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var value = PersonalIds.NormalizeIdNumber(raw);
        if (PersonalIds.CheckIdNumber(value) is { } problem)
        {
            return (null, problem);
        }

        var hash = await sensitive.LookupHashAsync(value, ct);
        var taken = await db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == hash && p.Id != self, ct);
        return taken ? (null, "该身份证号已在系统中登记（可能在其他单位或已删除的人员中），不能重复登记。") : (new IdNumber(value, hash), null);
    }

    public void SetIdNumber(Person person, IdNumber id)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(id);
        person.IdNumberCipher = sensitive.Protect(id.Value);
        person.IdNumberMasked = SensitiveData.MaskIdNumber(id.Value);
        person.IdNumberHash = id.Hash;
    }

    public void SetPhone(Person person, string normalizedPhone)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.PhoneCipher = sensitive.Protect(normalizedPhone);
        person.PhoneMasked = SensitiveData.MaskPhone(normalizedPhone);
    }
}
