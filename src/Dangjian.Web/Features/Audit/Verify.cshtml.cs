using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Audit;

/// <summary>链校验: re-computes the whole hash chain and checks it still reaches the signed checkpoint; reports the first broken link. Audit administrator only.</summary>
[RequirePermission(Permissions.AuditView)]
public sealed class VerifyModel(AppDbContext db, AuditCheckpoints checkpoints) : PageModel
{
    public AuditChain.Result? Result { get; private set; }

    public void OnGet() => ViewData.Trail(new Breadcrumb("审计日志", "/Audit"), new Breadcrumb("链校验"));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OnGet();
        Result = await checkpoints.VerifyAsync(db, ct);
        db.Audit(AuditActions.AuditVerify, "AuditLog", null, Result.Message, outcome: Result.Intact ? AuditActions.Succeeded : AuditActions.Failed);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
