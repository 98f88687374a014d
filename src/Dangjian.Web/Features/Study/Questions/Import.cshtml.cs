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
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要上传的 Excel (.xlsx) 文件。");
            return Page();
        }

        if (await bank.OwnerUnitIdAsync(ct) is not { } owner)
        {
            ModelState.AddModelError("file", "您的账户没有所属单位，不能维护题库。");
            return Page();
        }

        if (file.Length > QuestionBank.MaxImportBytes)
        {
            ModelState.AddModelError("file", $"文件超过{QuestionBank.MaxImportBytes / 1024 / 1024} MB，请分批导入。");
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        FileName = Path.GetFileName(file.FileName);
        Result = await bank.ImportAsync(buffer.ToArray(), owner, ct);
        if (Result.Imported > 0)
        {
            TempData.Success($"已导入{Result.Imported}道题目。");
            return RedirectToPage("/Study/Questions/Index");
        }

        return Page();
    }

    private void Trail() => ViewData.Trail(new Breadcrumb("题库", "/Study/Questions"), new Breadcrumb("从 Excel 导入"));
}
