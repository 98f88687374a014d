namespace Dangjian.Web.Platform.Security;

public enum SecurityEventKind
{
    SignInSucceeded = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignInWhileLocked = 4,
    SignedOut = 5,
    PasswordChanged = 6,
    PasswordRejected = 7,
    PasswordExpired = 8,
    TwoFactorFailed = 9,
    TwoFactorEnabled = 10,
    RecoveryCodeUsed = 11,
    SessionExpired = 12,
    CookieRejected = 13,
    ApiTokenRejected = 14,
    ApiTokenCreated = 15,
    ApiTokenRevoked = 16,
    RequestTooLarge = 17,
    AdminCreated = 18,
    AccessDenied = 19,
    KeyRingRotated = 20,
}
