using System.Text.Json;
using Dangjian.Web.Features.Campaigns;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Data;
using Dangjian.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Features.Reports;

/// <summary>
/// A generated 环节小结 (with <see cref="PhaseId"/>) or 活动总结: its text lives in an approval document; the figures it
/// was written from are kept (<see cref="FiguresJson"/>) so the summary page can flag those that changed since.
/// </summary>
public sealed class CampaignSummary : Entity, IAuditTitled
{
    public Guid CampaignId { get; set; }

    public Guid? PhaseId { get; set; }

    public Guid DocumentId { get; set; }

    public ApprovalDocument? Document { get; set; }

    public required string FiguresJson { get; set; }

    public DateTime GeneratedAt { get; set; }

    string IAuditTitled.AuditTitle => Document?.Title ?? "总结";

    public IReadOnlyList<SummaryFigures.Figure> Figures() => JsonSerializer.Deserialize<List<SummaryFigures.Figure>>(FiguresJson) ?? [];
}

internal sealed class CampaignSummaryConfiguration : IEntityTypeConfiguration<CampaignSummary>
{
    public void Configure(EntityTypeBuilder<CampaignSummary> b)
    {
        b.Property(x => x.FiguresJson).HasMaxLength(20_000);
        b.HasIndex(x => new { x.CampaignId, x.PhaseId });
        b.HasIndex(x => x.DocumentId).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Phase>().WithMany().HasForeignKey(x => x.PhaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Drafts (or redrafts) a summary from the records through the campaign approvals.</summary>
public sealed class SummaryWriter(AppDbContext db, SummaryFigures figures, CampaignService campaigns, CampaignAccess access, CurrentUser me, TimeProvider clock)
{
    /// <summary>
    /// Writes the draft of the campaign's (or a phase's) summary from today's figures. Refused while it is under review or
    /// once approved; a returned or draft summary gets a new draft version (earlier versions are kept).
    /// </summary>
    public async Task<(CampaignSummary? Summary, string? Refusal)> DraftAsync(Campaign campaign, Phase? phase, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var actor = await access.ActorAsync(campaign.Id, ct);
        if (!actor.IsOffice)
        {
            throw new ForbiddenException();
        }

        var summary = await db.CampaignSummaries.Include(s => s.Document).SingleOrDefaultAsync(s => s.CampaignId == campaign.Id && s.PhaseId == (phase == null ? null : phase.Id), ct);
        var document = summary?.Document;
        if (document is null)
        {
            // A phase may already have a hand-written 环节小结; the generated one takes its place only if there is none.
            document = phase is null ? null : await db.ApprovalDocuments.FirstOrDefaultAsync(d => d.CampaignId == campaign.Id && d.PhaseId == phase.Id && d.Kind == DocumentKind.PhaseSummary, ct);
            document ??= new ApprovalDocument
            {
                CampaignId = campaign.Id, PhaseId = phase?.Id, Kind = phase is null ? DocumentKind.CampaignSummary : DocumentKind.PhaseSummary,
                Title = phase is null ? $"{campaign.Title}总结" : $"“{phase.Name}”环节小结",
            };
            if (db.Entry(document).State == EntityState.Detached)
            {
                db.ApprovalDocuments.Add(document);
            }
        }

        var report = await figures.ReportAsync(campaign, phase, narrative: true, ct: ct);
        var values = report.Figures;
        var body = SummaryComposer.Compose(report.Facts with { Title = document.Title });
        if (await campaigns.SaveDraftAsync(document, body, actor, me.DisplayName, ct) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return (null, refusal);
        }

        summary ??= db.CampaignSummaries.Add(new CampaignSummary { CampaignId = campaign.Id, PhaseId = phase?.Id, DocumentId = document.Id, FiguresJson = "[]" }).Entity;
        (summary.FiguresJson, summary.GeneratedAt) = (JsonSerializer.Serialize(values), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (summary, null);
    }
}
