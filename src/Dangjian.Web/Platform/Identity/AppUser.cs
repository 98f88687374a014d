using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Identity;

/// <summary>A sign-in account. It links to a roster <c>Person</c> when the account belongs to one.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public const int DisplayNameMax = 100;

    public string DisplayName { get; set; } = "";

    public Guid? PersonId { get; set; }

    /// <summary>Set for new accounts and resets: the next sign-in must choose a new password first.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime? PasswordChangedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Set by the system administrator for accounts that must use a second factor (always true in effect for administrators).</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>When the person hid the first-run guide on their home page (the campaign office's checklist); null while shown.</summary>
    public DateTime? FirstRunGuideHiddenAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMax);
        b.HasIndex(u => u.PersonId);
    }
}
