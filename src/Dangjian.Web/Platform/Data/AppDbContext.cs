using System.Linq.Expressions;
using Dangjian.Web.Features.Organization;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The one EF Core model of the application. Provider-neutral: nothing here may depend on SQLite or
/// PostgreSQL specifics, because the same model runs embedded and in production.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider? clock = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    /// <summary>Who is saving, for deletion stamps; set by the request pipeline.</summary>
    public Guid? CurrentUserId { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasIndex(u => u.PersonId);
        });
        builder.Entity<AppRole>().Property(r => r.DisplayName).HasMaxLength(100);

        builder.Entity<PasswordHistoryEntry>(b =>
        {
            b.ToTable("PasswordHistory");
            b.HasIndex(h => new { h.UserId, h.CreatedAt });
            b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiToken>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.Prefix).HasMaxLength(16);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SecurityEvent>(b =>
        {
            b.Property(e => e.UserName).HasMaxLength(256);
            b.Property(e => e.ClientHash).HasMaxLength(64);
            b.Property(e => e.Detail).HasMaxLength(1000);
            b.HasIndex(e => e.OccurredAt);
            b.HasIndex(e => new { e.Kind, e.OccurredAt });
        });

        builder.Entity<OrgUnit>(b =>
        {
            b.Property(u => u.Name).HasMaxLength(100);
            b.Property(u => u.Code).HasMaxLength(50);
            b.Property(u => u.Path).HasMaxLength(800);
            b.HasIndex(u => u.Code).IsUnique();
            b.HasIndex(u => u.Path);
            b.HasIndex(u => new { u.ParentId, u.SortOrder });
            b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Person>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(50);
            b.Property(p => p.Title).HasMaxLength(100);
            b.HasIndex(p => new { p.OrgUnitId, p.Name });
            b.HasIndex(p => p.PartyStatus);
            b.HasOne(p => p.OrgUnit).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(Entity).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            }

            if (typeof(ISoftDeletable).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasQueryFilter(NotDeleted(entity.ClrType));
                builder.Entity(entity.ClrType).HasIndex(nameof(ISoftDeletable.DeletedAt));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Sets creation/update stamps, rolls the concurrency version of every changed record, and turns a
    /// delete of a soft-deletable record into a deletion stamp.
    /// </summary>
    private void Stamp()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable deletable)
            {
                entry.State = EntityState.Modified;
                deletable.DeletedAt = now;
                deletable.DeletedById = CurrentUserId;
            }

            if (entry.Entity is not Entity record)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    if (record.CreatedAt == default)
                    {
                        record.CreatedAt = now;
                    }

                    record.UpdatedAt = record.CreatedAt;
                    break;
                case EntityState.Modified:
                    record.UpdatedAt = now;
                    record.Version = Guid.NewGuid();
                    break;
            }
        }
    }

    private static LambdaExpression NotDeleted(Type type)
    {
        var parameter = Expression.Parameter(type, "x");
        var deletedAt = Expression.Property(parameter, nameof(ISoftDeletable.DeletedAt));
        return Expression.Lambda(Expression.Equal(deletedAt, Expression.Constant(null, typeof(DateTime?))), parameter);
    }
}
