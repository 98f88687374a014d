using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Identity;

/// <summary>
/// The Identity user store, extended so that every password set (create, change, reset) is stamped and
/// remembered for the no-reuse rule, whichever code path sets it.
/// </summary>
public sealed class AppUserStore(AppDbContext context, IOptions<SecurityOptions> options, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, AppDbContext, Guid>(context, describer)
{
    public override async Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordChangedAt = now;
        Context.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = passwordHash, CreatedAt = now });

        var stale = await Context.PasswordHistory
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.CreatedAt)
            .Skip(Math.Max(0, options.Value.PasswordHistory - 1))
            .ToListAsync(cancellationToken);
        Context.PasswordHistory.RemoveRange(stale);
    }
}
