using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// 开通登录账号: pick roster people (a unit's everyone, or the checked ones), review the user names, create the
/// accounts and print one slip per person with a one-time first sign-in code. The office works inside its scope; the
/// system administrator (who creates accounts) over the whole roster. Codes appear only in the answer to the creating
/// (or reissuing) request and are never stored readable.
/// </summary>
[RequirePermission(Permissions.PeopleAccounts)]
public sealed class AccountsModel(AppDbContext db, RosterAccounts accounts, ScopeGuard guard) : PageModel
{
    public enum Step
    {
        Choose,
        Review,
        Slips,
    }

    [FromQuery(Name = "unit")]
    public Guid? Unit { get; set; }

    public Step Mode { get; private set; }

    public List<OrgTree.Node> Units { get; private set; } = [];

    public List<RosterAccounts.Candidate> People { get; private set; } = [];

    public List<RosterAccounts.Proposal> Proposals { get; private set; } = [];

    public int AlreadyHaveAccounts { get; private set; }

    public RosterAccounts.Outcome? Outcome { get; private set; }

    public int Days => accounts.Days;

    public string SignInUrl => $"{Request.Scheme}://{Request.Host}/Account/Login";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Trail();
        var scope = await ScopeAsync(ct);
        Units = await OrgTree.ListAsync(db, scope, ct: ct);
        People = await accounts.CandidatesAsync(scope, await UnitPathAsync(scope, ct), ct);
    }

    /// <summary>Step 2: the proposed user names (editable) for the chosen people who have no account yet.</summary>
    public async Task<IActionResult> OnPostReviewAsync(bool all, List<Guid>? personIds, CancellationToken ct)
    {
        Trail();
        var scope = await ScopeAsync(ct);
        var candidates = await accounts.CandidatesAsync(scope, await UnitPathAsync(scope, ct), ct);
        var chosen = all ? candidates : candidates.Where(c => personIds?.Contains(c.PersonId) == true).ToList();
        if (chosen.Count == 0)
        {
            TempData.Error("请先勾选人员，或选择“本单位全部人员”。");
            return RedirectToPage(new { unit = Unit });
        }

        AlreadyHaveAccounts = chosen.Count(c => c.UserName is not null);
        Proposals = await accounts.ProposeAsync(chosen, ct);
        Mode = Step.Review;
        return Page();
    }

    /// <summary>Step 3: creates the accounts and answers with the slips to print.</summary>
    public async Task<IActionResult> OnPostCreateAsync(List<Guid>? personIds, List<string>? userNames, CancellationToken ct)
    {
        Trail();
        if (personIds is null || userNames is null || personIds.Count == 0 || personIds.Count != userNames.Count || personIds.Count > 2000)
        {
            TempData.Error("没有要开通账号的人员，请重新选择。");
            return RedirectToPage(new { unit = Unit });
        }

        Outcome = await accounts.CreateAsync(personIds.Zip(userNames, (p, u) => (p, u ?? "")).ToList(), await ScopeAsync(ct), ct);
        return Slips();
    }

    /// <summary>New first sign-in codes (and slips) for the checked people whose accounts wait for their first sign-in.</summary>
    public async Task<IActionResult> OnPostReissueAsync(List<Guid>? personIds, CancellationToken ct)
    {
        Trail();
        if (personIds is null || personIds.Count == 0)
        {
            TempData.Error("请先勾选要重新打印登录单的人员。");
            return RedirectToPage(new { unit = Unit });
        }

        Outcome = await accounts.ReissueAsync(personIds, await ScopeAsync(ct), ct);
        return Slips();
    }

    private PageResult Slips()
    {
        Mode = Step.Slips;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The office's scope; the system administrator keeps accounts for the whole roster (he has no unit of his own).</summary>
    private async Task<DataScope> ScopeAsync(CancellationToken ct) =>
        User.IsInRole(Roles.SystemAdmin) ? DataScope.Everything : await guard.ScopeAsync(ct);

    private async Task<string?> UnitPathAsync(DataScope scope, CancellationToken ct)
    {
        if (Unit is not { } id)
        {
            return null;
        }

        var path = await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (path is null || !scope.Covers(path))
        {
            throw new NotFoundException();
        }

        return path;
    }

    private void Trail() => ViewData.Trail(new Breadcrumb("人员", "/Organization/People"), new Breadcrumb("开通登录账号"));
}
