using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Files;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Materials;

/// <summary>添加或修改学习材料, with an optional file (type checked by content, size limited).</summary>
[RequirePermission(Permissions.StudyEdit)]
public sealed class EditModel(AppDbContext db, StudyAccess access, FileStore files) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CampaignId { get; set; }

    [BindProperty]
    public MaterialKind Kind { get; set; } = MaterialKind.RequiredReading;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Publisher { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Guid LoadedVersion { get; set; }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public string MaxText => files.MaxText;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var m = await FindAsync(id, ct);
            (CampaignId, Kind, Title, Publisher, Description, LoadedVersion) = (m.CampaignId, m.Kind, m.Title, m.Publisher, m.Description, m.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct);
        var material = Id is { } id ? await FindAsync(id, ct) : null;
        var campaignId = material?.CampaignId ?? CampaignId;
        if (campaignId is null || Campaigns.All(c => c.Id != campaignId))
        {
            ModelState.AddModelError(nameof(CampaignId), "请选择活动。");
            return Page();
        }

        await access.EditAsync(campaignId.Value, ct);
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "请选择材料类别。");
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Title), "请填写材料名称（不超过200字）。");
        }

        if ((Publisher?.Length ?? 0) > 200 || (Description?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError(nameof(Description), "出版单位不超过200字，说明不超过2000字。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (material is null)
        {
            material = new StudyMaterial { CampaignId = campaignId.Value, Title = "" };
            db.StudyMaterials.Add(material);
        }
        else
        {
            db.ExpectVersion(material, LoadedVersion);
        }

        (material.Kind, material.Title, material.Publisher, material.Description) = (Kind, Title!.Trim(), Publisher.NullIfBlank(), Description.NullIfBlank());
        if (file is not null)
        {
            var (_, problem) = await files.AddAsync(file, MaterialFileRule.Owner, material.Id, FileKinds.Documents, ct);
            if (problem is not null)
            {
                ModelState.AddModelError("file", problem);
                return Page();
            }
        }

        if (!await db.SaveOrReportConflictAsync(ModelState, "该材料", ct))
        {
            return Page();
        }

        TempData.Success(Id is null ? "材料已添加。可以在材料页按单位发放。" : "材料已保存。");
        return RedirectToPage("/Study/Materials/Details", new { id = material.Id });
    }

    private async Task<StudyMaterial> FindAsync(Guid id, CancellationToken ct)
    {
        var m = await db.StudyMaterials.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        await access.EditAsync(m.CampaignId, ct);
        return m;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ViewData.Trail(new Breadcrumb("学习材料", "/Study/Materials"), new Breadcrumb(Id is null ? "添加材料" : "修改材料"));
        Campaigns = await access.CampaignsAsync(forEditing: true, ct: ct);
        CampaignId ??= Campaigns.Count == 1 ? Campaigns[0].Id : null;
    }
}
