using Dangjian.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Reports; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<CampaignSummary> CampaignSummaries => Set<CampaignSummary>();
}
