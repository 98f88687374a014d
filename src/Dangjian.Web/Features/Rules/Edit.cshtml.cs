using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Platform.Authorization;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Rules;

/// <summary>
/// 登记制度, 修改, or 修订 (a new rule replacing an existing one: the old one is abolished the day the new one takes
/// effect, and the history keeps the link). A rule may come from a rectification item (建章立制) of a campaign of its
/// organization; a revision decided in a review round remembers the round.
/// </summary>
[RequirePermission(Permissions.RulesEdit)]
public sealed class EditModel(AppDbContext db, RuleAccess access, TimeProvider clock) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ReplacesId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? RectificationItemId { get; set; }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public sealed class RuleInput
    {
        public Guid Version { get; set; }

        [Display(Name = "所属单位")]
        public Guid? OrgUnitId { get; set; }

        [StringLength(Rule.NumberMax, ErrorMessage = "文号不超过100字。")]
        [Display(Name = "文号")]
        public string? Number { get; set; }

        [Required(ErrorMessage = "请填写制度名称（不超过200字）。")]
        [StringLength(Rule.TitleMax, ErrorMessage = "请填写制度名称（不超过200字）。")]
        [Display(Name = "制度名称")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写类别（不超过50字）。")]
        [StringLength(Rule.CategoryMax, ErrorMessage = "请填写类别（不超过50字）。")]
        [Display(Name = "类别")]
        public string Category { get; set; } = "";

        [Required(ErrorMessage = "请填写发文单位（不超过100字）。")]
        [StringLength(Rule.IssuerMax, ErrorMessage = "请填写发文单位（不超过100字）。")]
        [Display(Name = "发文单位")]
        public string? Issuer { get; set; }

        [Display(Name = "印发日期")]
        public DateOnly IssuedOn { get; set; }

        [Display(Name = "施行日期")]
        public DateOnly? EffectiveOn { get; set; }

        [StringLength(Rule.TextMax, ErrorMessage = "正文不超过10万字，较长的制度请上传附件。")]
        [Display(Name = "正文")]
        public string? Text { get; set; }

        public static RuleInput From(Rule r) => new()
        {
            Version = r.Version, OrgUnitId = r.OrgUnitId, Number = r.Number, Title = r.Title, Category = r.Category, Issuer = r.Issuer,
            IssuedOn = r.IssuedOn, EffectiveOn = r.EffectiveOn, Text = r.Text,
        };

        /// <summary>Writes the checked input onto the rule (its unit is known to be one the user keeps).</summary>
        public void ApplyTo(Rule rule)
        {
            rule.OrgUnitId = OrgUnitId!.Value;
            rule.Number = Number.NullIfBlank();
            rule.Title = Title.Trim();
            rule.Category = Category.Trim();
            rule.Issuer = Issuer!.Trim();
            (rule.IssuedOn, rule.EffectiveOn, rule.Text) = (IssuedOn, EffectiveOn, Text.NullIfBlank(max: Rule.TextMax));
        }
    }

    public Rule? Existing { get; private set; }

    public List<RuleAccess.Registry> Registries { get; private set; } = [];

    public List<Option> Replaceable { get; private set; } = [];

    public List<Option> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Existing is { } r)
        {
            Input = RuleInput.From(r);
            (ReplacesId, RectificationItemId) = (r.ReplacesId, r.RectificationItemId);
        }
        else
        {
            Input.IssuedOn = ChinaTime.Today(clock);
            if (ReplacesId is { } old && await db.Rules.AsNoTracking().SingleOrDefaultAsync(x => x.Id == old, ct) is { } replaced)
            {
                (Input.OrgUnitId, Input.Title, Input.Category, Input.Issuer, Input.Text) = (replaced.OrgUnitId, replaced.Title, replaced.Category, replaced.Issuer, replaced.Text);
            }
            else if (RectificationItemId is { } item && await db.RectificationItems.AsNoTracking().Where(i => i.Id == item).Select(i => i.RuleReference).SingleOrDefaultAsync(ct) is { } reference)
            {
                Input.Title = reference;
            }
        }

        Input.Issuer ??= Registries.FirstOrDefault(r => r.Id == Input.OrgUnitId)?.Name ?? Registries.FirstOrDefault()?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = ChinaTime.Today(clock);
        if (RuleRules.CheckDates(Input.IssuedOn, Input.EffectiveOn, today) is { } dates)
        {
            ModelState.AddModelError("Input.IssuedOn", dates);
        }

        if (Input.OrgUnitId is not { } unit || Registries.All(r => r.Id != unit))
        {
            ModelState.AddModelError("Input.OrgUnitId", "请选择制度所属单位（您管理的单位）。");
        }
        else
        {
            var chain = await db.Rules.AsNoTracking().Where(r => r.OrgUnitId == unit).OrderBy(r => r.Id).Select(r => new { r.Id, r.OrgUnitId, r.Status, r.ReplacesId }).Take(20000).ToListAsync(ct);
            var map = chain.ToDictionary(r => r.Id, r => (r.OrgUnitId, r.Status, r.ReplacesId));
            if (RuleRules.CheckReplaces(Existing?.Id ?? Guid.Empty, ReplacesId, unit, map) is { } replaces)
            {
                ModelState.AddModelError(nameof(ReplacesId), replaces);
            }
            else if (ReplacesId is { } r && Existing?.ReplacesId != r && await db.Rules.AnyAsync(x => x.ReplacesId == r && x.Id != (Existing == null ? Guid.Empty : Existing.Id), ct))
            {
                ModelState.AddModelError(nameof(ReplacesId), "该制度已经有修订版了，请修订最新的一版。");
            }
        }

        if (RectificationItemId is { } itemId && Items.All(i => i.Id != itemId))
        {
            ModelState.AddModelError(nameof(RectificationItemId), "只能关联本单位活动中的整改事项。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rule = Existing;
        if (rule is null)
        {
            rule = new Rule { Title = "", Category = "", Issuer = "" };
            db.Rules.Add(rule);
        }
        else
        {
            db.ExpectVersion(rule, Input.Version);
        }

        Input.ApplyTo(rule);
        rule.RectificationItemId = RectificationItemId;
        if (rule.ReplacesId != ReplacesId && ReplacesId is { } replacesId)
        {
            // The rule it revises stops applying when this one takes effect; a revision decided in a review remembers it.
            var old = await db.Rules.SingleAsync(r => r.Id == replacesId, ct);
            (old.Status, old.AbolishedOn) = (RuleStatus.Abolished, Input.EffectiveOn ?? Input.IssuedOn);
            old.AbolishReason ??= $"被《{rule.Title}》替代";
            rule.ReviewId = await db.RuleReviewDecisions.Where(d => d.RuleId == replacesId && d.Decision == RuleDecision.Revise).OrderByDescending(d => d.CreatedAt).Select(d => (Guid?)d.ReviewId).FirstOrDefaultAsync(ct);
        }

        rule.ReplacesId = ReplacesId;
        if (!await db.SaveOrReportConflictAsync(ModelState, "该制度", ct))
        {
            return Page();
        }

        TempData.Success(Existing is null ? (ReplacesId is null ? "制度已登记。可以上传制度文件。" : "修订版已登记，原制度同时废止。") : "已保存。");
        return RedirectToPage("/Rules/Details", new { id = rule.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Registries = await access.RegistriesAsync(ct);
        if (Id is { } id)
        {
            Existing = await db.Rules.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
            if (!await access.ManagesAsync(Existing.OrgUnitId, ct))
            {
                throw new ForbiddenException();
            }

            if (Existing.Status == RuleStatus.Abolished)
            {
                throw new ForbiddenException();
            }
        }

        if (Registries.Count == 0)
        {
            throw new ForbiddenException();
        }

        Input.OrgUnitId ??= Existing?.OrgUnitId ?? Registries[0].Id;
        var unit = Input.OrgUnitId;
        Replaceable = await db.Rules.AsNoTracking().Where(r => r.OrgUnitId == unit && r.Status != RuleStatus.Abolished && r.Id != (Id ?? Guid.Empty))
            .OrderBy(r => r.Category).ThenBy(r => r.Title).Take(1000).Select(r => new Option(r.Id, r.Title + (r.Status == RuleStatus.Revising ? "（修订中）" : ""))).ToListAsync(ct);
        if (Existing?.ReplacesId is { } kept && Replaceable.All(r => r.Id != kept))
        {
            Replaceable.Insert(0, await db.Rules.Where(r => r.Id == kept).Select(r => new Option(r.Id, r.Title + "（已被本制度替代）")).SingleAsync(ct));
        }

        var path = Registries.FirstOrDefault(r => r.Id == unit)?.Path ?? "";
        Items = await db.RectificationItems.AsNoTracking().Where(i => i.RuleReference != null && db.Campaigns.Any(c => c.Id == i.CampaignId && c.ScopeUnit!.Path.StartsWith(path)))
            .OrderByDescending(i => i.CreatedAt).Take(500).Select(i => new Option(i.Id, i.Title + "：" + i.RuleReference)).ToListAsync(ct);
        ViewData.Trail(new Breadcrumb("制度库", "/Rules"), new Breadcrumb(Existing is null ? (ReplacesId is null ? "登记制度" : "修订制度") : "修改"));
    }
}
