using Dangjian.Web.Features.Problems;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Problems; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<ProblemOpinion> ProblemOpinions => Set<ProblemOpinion>();

    public DbSet<ProblemAspect> ProblemAspects => Set<ProblemAspect>();

    public DbSet<SelfInspection> SelfInspections => Set<SelfInspection>();

    public DbSet<SelfInspectionComment> SelfInspectionComments => Set<SelfInspectionComment>();

    public DbSet<SelfInspectionReview> SelfInspectionReviews => Set<SelfInspectionReview>();
}
