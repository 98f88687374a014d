using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>At least N characters drawn from at least three of: upper case, lower case, digits, symbols.</summary>
public sealed class PasswordComplexityValidator(IOptions<SecurityOptions> options) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var policy = options.Value;
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c)),
        }.Count(x => x);

        var errors = new List<IdentityError>();
        if (password.Length < policy.PasswordMinLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooShort", Description = $"密码至少需要{policy.PasswordMinLength}个字符。" });
        }

        if (classes < policy.PasswordMinClasses)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooSimple",
                Description = $"密码需包含大写字母、小写字母、数字、符号中的至少{policy.PasswordMinClasses}类。",
            });
        }

        if (!string.IsNullOrEmpty(user?.UserName) && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名。" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
