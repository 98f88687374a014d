using Dangjian.Web.Features.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>The tables of Features/Ledgers; their configurations sit next to the entity classes.</summary>
public sealed partial class AppDbContext
{
    public DbSet<AssessmentScheme> AssessmentSchemes => Set<AssessmentScheme>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<AssessmentPeriod> AssessmentPeriods => Set<AssessmentPeriod>();

    public DbSet<IndicatorScore> IndicatorScores => Set<IndicatorScore>();

    public DbSet<Ledger> Ledgers => Set<Ledger>();

    public DbSet<LedgerItem> LedgerItems => Set<LedgerItem>();

    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
}
