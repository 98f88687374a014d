using System.ComponentModel.DataAnnotations;
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
    public MaterialInput Input { get; set; } = new();

    public sealed class MaterialInput
    {
        public Guid Version { get; set; }

        [Display(Name = "类别")]
        public MaterialKind Kind { get; set; } = MaterialKind.RequiredReading;

        [Required(ErrorMessage = "请填写材料名称（不超过200字）。")]
        [StringLength(StudyMaterial.TitleMax, ErrorMessage = "请填写材料名称（不超过200字）。")]
        [Display(Name = "名称")]
        public string Title { get; set; } = "";

        [StringLength(StudyMaterial.PublisherMax, ErrorMessage = "出版单位不超过200字。")]
        [Display(Name = "出版或印发单位")]
        public string? Publisher { get; set; }

        [StringLength(StudyMaterial.DescriptionMax, ErrorMessage = "说明不超过2000字。")]
        [Display(Name = "说明")]
        public string? Description { get; set; }

        public static MaterialInput From(StudyMaterial m) => new() { Version = m.Version, Kind = m.Kind, Title = m.Title, Publisher = m.Publisher, Description = m.Description };

        public void ApplyTo(StudyMaterial m) =>
            (m.Kind, m.Title, m.Publisher, m.Description) = (Kind, Title.Trim(), Publisher.NullIfBlank(), Description.NullIfBlank());
    }

    public List<StudyAccess.Option> Campaigns { get; private set; } = [];

    public string MaxText => files.MaxText;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            var m = await FindAsync(id, ct);
            CampaignId = m.CampaignId;
            Input = MaterialInput.From(m);
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
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "请选择材料类别。");
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
            db.ExpectVersion(material, Input.Version);
        }

        Input.ApplyTo(material);
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
