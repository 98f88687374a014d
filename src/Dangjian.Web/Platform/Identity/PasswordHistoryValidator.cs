using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>Refuses a password equal to the current one or to any of the last N (see <see cref="AppUserStore"/>).</summary>
public sealed class PasswordHistoryValidator(AppDbContext db, IPasswordHasher<AppUser> hasher, IOptions<SecurityOptions> options)
    : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var keep = options.Value.PasswordHistory;
        var hashes = await db.PasswordHistory
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.CreatedAt)
            .Take(keep)
            .Select(h => h.PasswordHash)
            .ToListAsync();
        if (user.PasswordHash is not null)
        {
            hashes.Add(user.PasswordHash);
        }

        var reused = hashes.Any(h => hasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
        return reused
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = $"新密码不能与最近{keep}次使用过的密码相同。" })
            : IdentityResult.Success;
    }
}
