using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account;

/// <summary>Sign-out is a POST with an antiforgery token; a GET shows a button so links cannot sign people out.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, SecurityLog log) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        await log.RecordAsync(SecurityEventKind.SignedOut, User.Identity?.Name);
        return RedirectToPage("/Account/Login", new { reason = "signedout" });
    }
}
