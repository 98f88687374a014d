using System.Text;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Documents;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dangjian.Web.Features.Organization;

/// <summary>
/// 批量导入: download the template, upload, see every row's problems, then import all rows or none. The upload
/// waits under App_Data/imports (outside wwwroot) between the preview and the confirmation.
/// </summary>
[RequirePermission(Permissions.PeopleImport)]
[RequestSizeLimit(RosterImport.MaxBytes + 64 * 1024)]
public sealed class ImportModel(RosterImport import, ScopeGuard guard, CurrentUser me, IWebHostEnvironment environment, TimeProvider clock) : PageModel
{
    public RosterImport.Preview? Preview { get; private set; }

    public string? Token { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet() => Trail();

    public IActionResult OnGetTemplate(string? format)
    {
        if (format == "csv")
        {
            var csv = new StringBuilder();
            csv.AppendLine(string.Join(',', RosterImport.Headers));
            foreach (var row in RosterImport.TemplateRows)
            {
                csv.AppendLine(string.Join(',', row.Select(v => v?.ToString() ?? "")));
            }

            return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", "人员导入模板.csv");
        }

        var content = XlsxWriter.Write("人员", "人员导入模板（带*的列必填；所在单位填单位编码、全称或路径如“市科技局/办公室”，路径中没有的单位导入时新建；示例行导入时忽略）",
            RosterImport.Headers.Select(h => new XlsxWriter.Column(h is "姓名" or "所在单位" ? h + "*" : h, h is "身份证号" ? 22 : h is "所在单位" or "职务" ? 18 : 12)).ToList(),
            RosterImport.TemplateRows);
        return FileDownloads.Xlsx(content, "人员导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        Trail();
        var (content, problem) = await SpreadsheetUpload.ReadAsync(file, RosterImport.MaxBytes, ct);
        if (content is null)
        {
            ModelState.AddModelError("file", problem!);
            return Page();
        }

        FileName = Path.GetFileName(file!.FileName);
        Preview = await import.CheckAsync(content, await guard.ScopeAsync(ct), ct);
        if (Preview.FileError is null)
        {
            Token = Guid.NewGuid().ToString("N");
            var folder = Folder();
            foreach (var old in Directory.EnumerateFiles(folder).Where(f => System.IO.File.GetLastWriteTimeUtc(f) < clock.GetUtcNow().UtcDateTime.AddDays(-1)))
            {
                System.IO.File.Delete(old);
            }

            await System.IO.File.WriteAllBytesAsync(PathFor(Token), content, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, string? fileName, CancellationToken ct)
    {
        Trail();
        if (string.IsNullOrEmpty(token) || token.Length != 32 || !token.All(char.IsAsciiHexDigit) || !System.IO.File.Exists(PathFor(token)))
        {
            TempData.Error("上传的文件已过期或不存在，请重新上传。");
            return RedirectToPage();
        }

        var content = await System.IO.File.ReadAllBytesAsync(PathFor(token), ct);
        Preview = await import.CheckAsync(content, await guard.ScopeAsync(ct), ct);
        FileName = fileName;
        if (!Preview.CanImport)
        {
            Token = token;
            ModelState.AddModelError("", "核对时发现问题（可能有人刚刚登记了相同的人员），没有导入任何数据。请修改文件后重新上传。");
            return Page();
        }

        var count = await import.ImportAsync(Preview, fileName ?? "", ct);
        System.IO.File.Delete(PathFor(token));
        TempData.Success(Preview.NewUnits.Count > 0 ? $"已导入{count}人，新建单位{Preview.NewUnits.Count}个。" : $"已导入{count}人。");
        return RedirectToPage("/Organization/People/Index");
    }

    /// <summary>One folder per account, so nobody can confirm another person's upload.</summary>
    private string Folder()
    {
        var folder = Path.Combine(environment.ContentRootPath, "App_Data", "imports", me.Id!.Value.ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private string PathFor(string token) => Path.Combine(Folder(), token + ".upload");

    private void Trail() => ViewData.Trail(new Breadcrumb("人员", "/Organization/People"), new Breadcrumb("批量导入"));
}
