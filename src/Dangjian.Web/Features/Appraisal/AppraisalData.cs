using Dangjian.Web.Features.Appraisals;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Appraisal; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Appraisal> Appraisals => Set<Appraisal>();

    public DbSet<AppraisalTarget> AppraisalTargets => Set<AppraisalTarget>();

    public DbSet<AppraisalVoter> AppraisalVoters => Set<AppraisalVoter>();

    public DbSet<AppraisalBallot> AppraisalBallots => Set<AppraisalBallot>();

    public DbSet<SealedBallot> SealedBallots => Set<SealedBallot>();
}
