using Dangjian.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Campaigns; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignMember> CampaignMembers => Set<CampaignMember>();

    public DbSet<Phase> Phases => Set<Phase>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ApprovalDocument> ApprovalDocuments => Set<ApprovalDocument>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<SavedTemplate> SavedTemplates => Set<SavedTemplate>();
}
