using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.Web.Platform.Organization;

namespace Dangjian.Web.Features.Organization;

/// <summary>Validation of 居民身份证号码 (GB 11643-1999, with its check digit) and mainland mobile numbers.</summary>
public static partial class PersonalIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCodes = "10X98765432";

    /// <summary>Upper-cases a trailing x and removes spaces.</summary>
    public static string NormalizeIdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    /// <summary>Returns a Chinese reason when the ID number is invalid, else null.</summary>
    public static string? CheckIdNumber(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (!IdShape().IsMatch(normalized))
        {
            return "身份证号应为18位，前17位是数字，最后一位是数字或X。";
        }

        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            return "身份证号中的出生日期不正确。";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (normalized[i] - '0') * Weights[i];
        }

        return normalized[17] == CheckCodes[sum % 11] ? null : "身份证号校验位不正确，请核对是否录入有误。";
    }

    /// <summary>The birth date an ID number encodes (valid numbers only).</summary>
    public static DateOnly BirthDate(string normalized) =>
        DateOnly.ParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The gender an ID number encodes: the 17th digit is odd for men.</summary>
    public static Gender GenderOf(string normalized) => (normalized[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    public static string NormalizePhone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
    }

    public static string? CheckPhone(string normalized) =>
        PhoneShape().IsMatch(normalized) ? null : "手机号应为11位数字，以1开头。";

    /// <summary>Makes a valid ID number from its first 17 digits (for demo data and tests).</summary>
    public static string WithCheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return first17 + CheckCodes[sum % 11];
    }

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex PhoneShape();
}
