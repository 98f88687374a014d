using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Admin.Users;

/// <summary>用户: accounts with roles and status, searchable and paginated. System administrator only.</summary>
[RequirePermission(Permissions.UsersManage)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string DisplayName, bool IsDisabled, DateTimeOffset? LockoutEnd, bool TwoFactor, DateTime? LastSignInAt, IReadOnlyList<string> Roles);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Users { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("用户"));
        Now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            users = users.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        if (!string.IsNullOrEmpty(Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        var page = await users.OrderBy(u => u.UserName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.LastSignInAt })
            .ToPageAsync(PageNumber, 20, ct);
        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => Platform.Identity.Roles.DisplayNames.GetValueOrDefault(x.Name!, x.Name!));
        Users = new Paged<Row>(
            page.Items.Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled, u.LastSignInAt, roles[u.Id].ToList())).ToList(),
            page.Total, page.Page, page.PageSize);
    }
}
