using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Account;

/// <summary>The person's own personal access tokens: create (shown once), list, revoke.</summary>
public sealed class ApiTokensModel(ApiTokenService tokens, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public DateTime Now { get; private set; }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "请填写令牌名称。")]
        [StringLength(100, ErrorMessage = "名称不能超过100个字。")]
        [Display(Name = "名称")]
        public string Name { get; set; } = "";

        [Range(1, 365, ErrorMessage = "有效期须在1到365天之间。")]
        [Display(Name = "有效期（天）")]
        public int Days { get; set; } = 90;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var (issued, error) = await tokens.IssueAsync(me.Id!.Value, Input.Name, Input.Days);
        if (issued is null)
        {
            ModelState.AddModelError("", error!);
            await LoadAsync();
            return Page();
        }

        NewSecret = issued.Secret;
        Input = new TokenInput();
        ModelState.Clear();
        TempData.Success("令牌已创建。请立即复制保存，离开本页后将无法再次查看。");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await tokens.RevokeAsync(me.Id!.Value, id))
        {
            TempData.Success("令牌已撤销，使用它的请求将立即被拒绝。");
        }
        else
        {
            TempData.Error("未找到该令牌。");
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        ViewData.Trail(new Breadcrumb("账户安全", "/Account/Security"), new Breadcrumb("API 令牌"));
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await tokens.ListAsync(me.Id!.Value);
    }
}
