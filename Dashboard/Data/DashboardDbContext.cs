using Dashboard.Audit;
using Dashboard.Auth;
using Dashboard.Domain;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Finance;
using Dashboard.Domain.Meetings;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Services;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Data;

/// <summary>
/// The app's one context. On PostgreSQL the app uses <see cref="Postgres.PostgresDashboardDbContext"/>, the same
/// model under its own type so that each provider keeps its own migrations set.
/// </summary>
public class DashboardDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies, shared by every app server on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Council> Councils => Set<Council>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<SharedService> SharedServices => Set<SharedService>();
    public DbSet<StatusUpdate> StatusUpdates => Set<StatusUpdate>();
    public DbSet<HighlightReport> HighlightReports => Set<HighlightReport>();
    public DbSet<HighlightActivity> HighlightActivities => Set<HighlightActivity>();
    public DbSet<HighlightConcern> HighlightConcerns => Set<HighlightConcern>();
    public DbSet<BenefitEntry> BenefitEntries => Set<BenefitEntry>();
    public DbSet<KeyStandard> KeyStandards => Set<KeyStandard>();
    public DbSet<KeyStandardFigure> KeyStandardFigures => Set<KeyStandardFigure>();
    public DbSet<RiskRegister> RiskRegisters => Set<RiskRegister>();
    public DbSet<Risk> Risks => Set<Risk>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskIssue> RiskIssues => Set<RiskIssue>();
    public DbSet<PerformanceIndicator> PerformanceIndicators => Set<PerformanceIndicator>();
    public DbSet<PiTarget> PiTargets => Set<PiTarget>();
    public DbSet<PiBaseline> PiBaselines => Set<PiBaseline>();
    public DbSet<PiValue> PiValues => Set<PiValue>();
    public DbSet<SavingsLine> SavingsLines => Set<SavingsLine>();
    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();
    public DbSet<BankHolidayChange> BankHolidayChanges => Set<BankHolidayChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<FrozenBoardPack> FrozenBoardPacks => Set<FrozenBoardPack>();
    public DbSet<ReminderMessage> ReminderMessages => Set<ReminderMessage>();
    public DbSet<ReminderItem> ReminderItems => Set<ReminderItem>();
    public DbSet<QuarterlyRollup> QuarterlyRollups => Set<QuarterlyRollup>();

    /// <summary>Finds who is saving (set by the app's context factory); without it changes are the system's.</summary>
    public AuditActorSource? ActorSource { get; init; }

    /// <summary>Overrides <see cref="ActorSource"/>, e.g. for the demo seed.</summary>
    public AuditActor? Actor { get; set; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Saves rows exactly as given, without new versions or audit entries: only for copying a whole database
    /// (whose own audit trail comes along) from one provider to another.
    /// </summary>
    internal bool CopyingAsIs { get; init; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the changes and their audit entries in one transaction: a change that fails or rolls back
    /// leaves no audit entry, and no change is saved without one.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (CopyingAsIs)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        StampVersions();
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var actor = Actor ?? (ActorSource is null ? AuditActor.System : await ActorSource.CurrentAsync());
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = Clock.GetUtcNow();
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(actor, at)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    // A new version on every save is what lets the next save of a stale copy fail instead of overwrite.
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no decimal or offset-aware date type; these keep sums, comparisons and ordering in SQL.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(e =>
        {
            e.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(u => u.PersonId).IsUnique();
        });

        builder.Entity<Council>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(10);
            e.Property(c => c.Name).HasMaxLength(200);
            e.HasIndex(c => c.Code).IsUnique();
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(256);
            e.Property(p => p.JobTitle).HasMaxLength(200);
            e.Ignore(p => p.IsActive);
            e.HasOne(p => p.Council).WithMany().HasForeignKey(p => p.CouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Director).WithMany().HasForeignKey(p => p.DirectorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SharedService>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(200);
            e.HasIndex(s => s.Name).IsUnique();
            e.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.HostCouncil).WithMany().HasForeignKey(s => s.HostCouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Director).WithMany().HasForeignKey(s => s.DirectorId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.ProviderName).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.Ignore(s => s.IsArchived);
            e.HasMany(s => s.StatusUpdates).WithOne(u => u.SharedService).HasForeignKey(u => u.SharedServiceId);
        });

        builder.Entity<StatusUpdate>(e =>
        {
            e.Property(u => u.Source).HasMaxLength(Provenance.MaxLength);
            e.HasIndex(u => new { u.SharedServiceId, u.Period }).IsUnique();
            e.Property(u => u.Version).IsConcurrencyToken();
            e.HasOne(u => u.UpdatedBy).WithMany().HasForeignKey(u => u.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<HighlightReport>(e =>
        {
            e.HasIndex(r => new { r.SharedServiceId, r.PeriodEnding }).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne(r => r.SharedService).WithMany().HasForeignKey(r => r.SharedServiceId);
            e.HasOne(r => r.PreparedBy).WithMany().HasForeignKey(r => r.PreparedById).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Activities).WithOne().HasForeignKey(a => a.HighlightReportId);
            e.HasMany(r => r.Concerns).WithOne().HasForeignKey(c => c.HighlightReportId);
        });

        builder.Entity<BenefitEntry>(e =>
        {
            e.Property(b => b.Source).HasMaxLength(Provenance.MaxLength);
            e.Property(b => b.Version).IsConcurrencyToken();
            e.HasOne(b => b.SharedService).WithMany().HasForeignKey(b => b.SharedServiceId);
        });

        builder.Entity<KeyStandard>(e =>
        {
            e.Property(k => k.Version).IsConcurrencyToken();
            e.Property(k => k.Ref).HasMaxLength(KeyStandardInput.RefMaxLength);
            e.Property(k => k.Description).HasMaxLength(KeyStandardInput.DescriptionMaxLength);
            e.Property(k => k.Commentary).HasMaxLength(KeyStandardInput.CommentaryMaxLength);
            e.Property(k => k.Source).HasMaxLength(KeyStandardInput.SourceMaxLength);
            e.Ignore(k => k.IsLinked);
            e.HasOne(k => k.SharedService).WithMany().HasForeignKey(k => k.SharedServiceId);

            // An indicator is one row of a service's table; two editors adding it at once cannot both succeed.
            e.HasIndex(k => new { k.SharedServiceId, k.PerformanceIndicatorId }).IsUnique();
            e.HasOne(k => k.PerformanceIndicator).WithMany().HasForeignKey(k => k.PerformanceIndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(k => k.Figures).WithOne().HasForeignKey(f => f.KeyStandardId);
        });

        builder.Entity<KeyStandardFigure>(e =>
        {
            e.HasIndex(f => new { f.KeyStandardId, f.CouncilId }).IsUnique();
            e.HasOne(f => f.Council).WithMany().HasForeignKey(f => f.CouncilId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RiskRegister>(e =>
        {
            e.Property(r => r.Source).HasMaxLength(Provenance.MaxLength);
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasIndex(r => r.Name).IsUnique();
            e.HasOne(r => r.SharedService).WithMany().HasForeignKey(r => r.SharedServiceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Council).WithMany().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.IsArchived);
            e.HasMany(r => r.Risks).WithOne(r => r.RiskRegister).HasForeignKey(r => r.RiskRegisterId);
            e.HasMany(r => r.Issues).WithOne(i => i.RiskRegister).HasForeignKey(i => i.RiskRegisterId);
        });

        builder.Entity<Risk>(e =>
        {
            e.Property(r => r.Source).HasMaxLength(Provenance.MaxLength);
            e.Property(r => r.Ref).HasMaxLength(20);
            e.HasIndex(r => new { r.RiskRegisterId, r.Ref }).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Ignore(r => r.TargetScore);
            e.HasOne(r => r.Owner).WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Council).WithMany().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Assessments).WithOne().HasForeignKey(a => a.RiskId);
        });

        builder.Entity<RiskAssessment>(e =>
        {
            e.Property(a => a.Source).HasMaxLength(Provenance.MaxLength);
            e.Ignore(a => a.Score);
            e.HasIndex(a => new { a.RiskId, a.AssessedAt });
            e.HasOne(a => a.AssessedBy).WithMany().HasForeignKey(a => a.AssessedById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RiskIssue>(e =>
        {
            e.Property(i => i.Source).HasMaxLength(Provenance.MaxLength);
            e.Property(i => i.Ref).HasMaxLength(20);
            e.HasIndex(i => new { i.RiskRegisterId, i.Ref }).IsUnique();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.RaisedFromRisk).WithMany().HasForeignKey(i => i.RaisedFromRiskId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PerformanceIndicator>(e =>
        {
            e.Property(p => p.Ref).HasMaxLength(30);
            e.HasIndex(p => p.Ref).IsUnique();
            e.Property(p => p.Unit).HasMaxLength(30);
            e.Ignore(p => p.IsRetired);
            e.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.SharedService).WithMany().HasForeignKey(p => p.SharedServiceId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PerformanceIndicatorId);
            e.HasMany(p => p.Baselines).WithOne().HasForeignKey(b => b.PerformanceIndicatorId);
            e.HasMany(p => p.Values).WithOne(v => v.PerformanceIndicator).HasForeignKey(v => v.PerformanceIndicatorId);
        });

        builder.Entity<PiTarget>(e =>
        {
            e.HasIndex(t => new { t.PerformanceIndicatorId, t.CouncilId, t.FinancialYear, t.PeriodStart }).IsUnique();
            e.HasOne(t => t.Council).WithMany().HasForeignKey(t => t.CouncilId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PiBaseline>(e =>
        {
            e.HasIndex(b => new { b.PerformanceIndicatorId, b.CouncilId }).IsUnique();
            e.HasOne(b => b.Council).WithMany().HasForeignKey(b => b.CouncilId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PiValue>(e =>
        {
            e.Property(v => v.Source).HasMaxLength(Provenance.MaxLength);
            e.HasIndex(v => new { v.PerformanceIndicatorId, v.CouncilId, v.PeriodStart }).IsUnique();
            e.HasIndex(v => v.PeriodStart);
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasOne(v => v.Council).WithMany().HasForeignKey(v => v.CouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(v => v.EnteredBy).WithMany().HasForeignKey(v => v.EnteredById).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SavingsLine>(e =>
        {
            e.HasIndex(s => new { s.CouncilId, s.FinancialYear });
            e.Property(s => s.Commentary).HasMaxLength(SavingsLine.CommentaryMaxLength);
            e.Property(s => s.Source).HasMaxLength(100);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne(s => s.Council).WithMany().HasForeignKey(s => s.CouncilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.SharedService).WithMany().HasForeignKey(s => s.SharedServiceId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(s => s.Owner).WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BoardMeeting>(e =>
        {
            // Two meetings cannot share a date, but a cancelled meeting's date is free for a new one.
            e.HasIndex(m => m.Date).IsUnique().HasFilter("\"CancelledAt\" IS NULL");
            e.Property(m => m.CancelledBy).HasMaxLength(200);
            e.Ignore(m => m.IsCancelled);
        });

        builder.Entity<BankHolidayChange>(e =>
        {
            e.HasIndex(c => c.Date).IsUnique();
            e.Property(c => c.Name).HasMaxLength(BankHolidayChange.NameMaxLength);
        });

        builder.Entity<FrozenBoardPack>(e =>
        {
            e.HasIndex(p => p.BoardMeetingId).IsUnique();
            e.HasOne(p => p.BoardMeeting).WithMany().HasForeignKey(p => p.BoardMeetingId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
        });

        builder.Entity<ReminderMessage>(e =>
        {
            e.HasIndex(m => new { m.Status, m.CreatedAt });
            e.Property(m => m.To).HasMaxLength(1000);
            e.Property(m => m.Cc).HasMaxLength(1000);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.HasOne(m => m.Recipient).WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.ReminderMessageId);
        });

        builder.Entity<ReminderItem>(e =>
        {
            // The exactly-once guarantee: a second run, retry or server cannot record the same step twice.
            e.HasIndex(i => new { i.ObligationKey, i.Period, i.Step }).IsUnique();
            e.Property(i => i.ObligationKey).HasMaxLength(60);
            e.Property(i => i.Step).HasMaxLength(60);
            e.Property(i => i.Title).HasMaxLength(500);
        });

        builder.Entity<QuarterlyRollup>(e =>
        {
            // Two runs of the same quarter at once cannot both become the same version.
            e.HasIndex(r => new { r.FinancialYear, r.Quarter, r.Version }).IsUnique();
            e.Property(r => r.TriggeredBy).HasMaxLength(200);
            e.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.QuarterlyRollupId);
        });

        builder.Entity<RollupFigure>(e =>
        {
            e.Property(f => f.Scope).HasMaxLength(20);
            e.Property(f => f.Measure).HasMaxLength(100);
        });
    }
}
