namespace Dangjian.Web.Platform.Files;

/// <summary>
/// Decides whether the caller may read the files of one kind of owner record. A file whose owner type has no rule is
/// never served (deny by default).
/// </summary>
public interface IFileAccessRule
{
    string OwnerType { get; }

    /// <summary>True when the caller may read the owner record (and so its files); may throw not-found or forbidden.</summary>
    Task<bool> CanReadAsync(Guid ownerId, CancellationToken ct);
}
