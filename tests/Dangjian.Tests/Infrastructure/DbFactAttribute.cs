namespace Dangjian.Tests.Infrastructure;

/// <summary>A test that needs the configured database: skipped with a reason only off CI when PostgreSQL is unreachable.</summary>
public sealed class DbFactAttribute : FactAttribute
{
    public DbFactAttribute()
    {
        if (TestEnvironment.DatabaseSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The theory form of <see cref="DbFactAttribute"/>.</summary>
public sealed class DbTheoryAttribute : TheoryAttribute
{
    public DbTheoryAttribute()
    {
        if (TestEnvironment.DatabaseSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
