using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Identity;

/// <summary>Identity's messages in Chinese, as users see them.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后重试。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账户已被他人修改，请刷新后重试。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码不正确。");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "验证码无效或已过期。");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效或已使用。");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "该外部登录已关联其他账户。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"用户名“{userName}”无效，只能包含字母、数字和 -._@+。");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"电子邮箱“{email}”格式不正确。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"电子邮箱“{email}”已被使用。");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"角色名“{role}”无效。");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色“{role}”已存在。");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账户已设置密码。");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账户未启用锁定。");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"账户已拥有角色“{role}”。");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"账户没有角色“{role}”。");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少需要{length}个字符。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少需要{uniqueChars}个不同的字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码需包含符号。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码需包含数字。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码需包含小写字母。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码需包含大写字母。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
