using System.Linq.Expressions;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Identity;
using Dangjian.Web.Platform.Notifications;
using Dangjian.Web.Platform.Organization;
using Dangjian.Web.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Platform.Data;

/// <summary>
/// The one EF Core model of the application. Provider-neutral: nothing here may depend on SQLite or
/// PostgreSQL specifics, because the same model runs embedded and in production. This file holds the platform's tables;
/// each feature declares its own in a <c>partial</c> part in its folder (the study feature's <c>StudyData.cs</c>), and every
/// entity's configuration sits next to its class.
/// </summary>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider? clock = null, IHttpContextAccessor? http = null, AuditKey? auditKey = null, FigureCache? figures = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly List<AuditEntry> notes = [];

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonUnitRole> PersonUnitRoles => Set<PersonUnitRole>();

    public DbSet<SupervisionLink> SupervisionLinks => Set<SupervisionLink>();

    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<Security.DataProtectionKeyRecord> DataProtectionKeys => Set<Security.DataProtectionKeyRecord>();

    public DbSet<Platform.Files.StoredFile> StoredFiles => Set<Platform.Files.StoredFile>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();

    /// <summary>The key of the audit hash chain (see <see cref="Audit.AuditKey"/>); null only in contexts made by hand in tests.</summary>
    public byte[]? AuditChainKey => auditKey?.Value;

    /// <summary>Who is saving, for deletion stamps; defaults to the signed-in user of the request.</summary>
    public Guid? CurrentUserId { get; set; }

    /// <summary>
    /// Adds an explicit audit entry (an export, a sensitive view, a permission change) that is written,
    /// chained, with the next save. Call <c>SaveChangesAsync</c> to write it even when nothing else changed.
    /// </summary>
    public void Audit(string action, string? objectType, string? objectId, string? summary, object? before = null, object? after = null, string outcome = AuditActions.Succeeded)
    {
        notes.Add(new AuditEntry
        {
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Summary = summary,
            Before = AuditRecorder.SerializeObject(before),
            After = AuditRecorder.SerializeObject(after),
            Outcome = outcome,
        });
    }

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

        // Each entity is configured by the IEntityTypeConfiguration next to its class; this also adds the entities that
        // have no DbSet. The conventions below run after all of them, so they see every entity type.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

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

    /// <summary>Synchronous saves go through the same audited path (used only where a caller cannot await).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Stamps, then writes the audit entries of this unit of work in the same transaction, chained after the
    /// last entry under a database-wide lock, so the log and the data never disagree.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CurrentUserId ??= AuditRecorder.ActorFrom(http?.HttpContext).UserId;
        // One scan of the tracked entities per save: stamping writes through the change tracker (so its own changes need
        // no second look), and nothing after it changes a tracked entity's values — with many tracked entities (the demo
        // seed, an import) the three further scans the defaults made were most of a save's time.
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        if (detecting)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            Stamp();
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = AuditRecorder.ActorFrom(http?.HttpContext);
            var entries = AuditRecorder.Collect(ChangeTracker, actor, now);
            return await SaveCollectedAsync(acceptAllChangesOnSuccess, entries, now, actor, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<int> SaveCollectedAsync(bool acceptAllChangesOnSuccess, List<AuditEntry> entries, DateTime now, AuditRecorder.Actor actor, CancellationToken cancellationToken)
    {
        var changed = figures is null ? [] : ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && figures.Watches(e.Metadata.ClrType))
            .Select(e => e.Metadata.ClrType).Distinct().ToList();
        foreach (var note in notes)
        {
            note.UserId ??= actor.UserId;
            note.UserName ??= actor.UserName;
            note.ClientAddress ??= actor.Address;
            note.OccurredAt = now;
            entries.Add(note);
        }

        if (entries.Count == 0)
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (figures is not null)
            {
                await figures.ChangedAsync(changed);
            }

            return written;
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditRecorder.ChainAsync(this, entries, cancellationToken);
            AuditEntries.AddRange(entries);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            notes.Clear();
            if (figures is not null)
            {
                await figures.ChangedAsync(changed);
            }

            return saved;
        }
        catch
        {
            foreach (var entry in entries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>
    /// Sets creation/update stamps, rolls the concurrency version of every changed record, and turns a
    /// delete of a soft-deletable record into a deletion stamp — through the change tracker, which has already looked.
    /// </summary>
    private void Stamp()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable)
            {
                entry.State = EntityState.Modified;
                entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue = now;
                entry.Property(nameof(ISoftDeletable.DeletedById)).CurrentValue = CurrentUserId;
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
                    entry.Property(nameof(Entity.UpdatedAt)).CurrentValue = now;
                    entry.Property(nameof(Entity.Version)).CurrentValue = Guid.NewGuid();
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
