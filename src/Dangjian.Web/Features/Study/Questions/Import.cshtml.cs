using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Study.Questions;

/// <summary>从 Excel 导入题目: template download; upload checks every row and imports all of them or none.</summary>
[RequirePermission(Permissions.StudyEdit)]
[RequestSizeLimit(QuestionBank.MaxImportBytes + 64 * 1024)]
public sealed class ImportModel(QuestionBank bank) : PageModel
{
    public QuestionBank.ImportResult? Result { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet() => Trail();

    public IActionResult OnGetTemplate()
    {
        var content = XlsxWriter.Write("题目", "题库导入模板（题型：单选/多选/判断/简答；选项每行一个；多选答案如 ACD；判断答案填 对 或 错）",
            QuestionBank.Headers.Select(h => new XlsxWriter.Column(h, h is "题干" or "选项" or "答案" ? 40 : h == "解析" ? 24 : 10)).ToList(),
            QuestionBank.TemplateRows);
        return FileDownloads.Xlsx(content, "题库导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Trail();
        if (await bank.OwnerUnitIdAsync(ct) is not { } owner)
        {
            ModelState.AddModelError("file", "您的账户没有所属单位，不能维护题库。");
            return Page();
        }

        var (content, problem) = await SpreadsheetUpload.ReadAsync(file, QuestionBank.MaxImportBytes, ct);
        if (content is null)
        {
            ModelState.AddModelError("file", problem!);
            return Page();
        }

        FileName = Path.GetFileName(file!.FileName);
        Result = await bank.ImportAsync(content, owner, ct);
        if (Result.Imported > 0)
        {
            TempData.Success($"已导入{Result.Imported}道题目。");
            return RedirectToPage("/Study/Questions/Index");
        }

        return Page();
    }

    private void Trail() => ViewData.Trail(new Breadcrumb("题库", "/Study/Questions"), new Breadcrumb("从 Excel 导入"));
}
