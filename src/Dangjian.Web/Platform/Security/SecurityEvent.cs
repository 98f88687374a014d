namespace Dangjian.Web.Platform.Security;

/// <summary>
/// One security-relevant event (failed sign-in, lockout, bad second factor, rejected token, tampered cookie…).
/// Append-only. Holds no password, token or raw IP address: the client address is a salted hash.
/// </summary>
public sealed class SecurityEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime OccurredAt { get; set; }

    public SecurityEventKind Kind { get; set; }

    public string? UserName { get; set; }

    public Guid? UserId { get; set; }

    public string? ClientHash { get; set; }

    public string? Detail { get; set; }
}
