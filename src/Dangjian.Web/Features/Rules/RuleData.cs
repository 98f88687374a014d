using Dangjian.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Rules; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Rule> Rules => Set<Rule>();

    public DbSet<RuleReview> RuleReviews => Set<RuleReview>();

    public DbSet<RuleReviewDecision> RuleReviewDecisions => Set<RuleReviewDecision>();
}
