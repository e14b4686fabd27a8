using Dashboard.Audit;
using Dashboard.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

/// <summary>The configured database: which provider, how to reach it, and (for SQLite) the file.</summary>
public sealed record DashboardDatabase(DatabaseProvider Provider, DbContextOptions Options, DatabaseFile? File)
{
    public static DashboardDatabase Sqlite(DatabaseFile file) =>
        new(DatabaseProvider.Sqlite, new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(file.ConnectionString).Options, file);

    public static DashboardDatabase Postgres(string connectionString) =>
        new(DatabaseProvider.Postgres, new DbContextOptionsBuilder<PostgresDashboardDbContext>().UseNpgsql(connectionString).Options, null);

    public DashboardDbContext CreateContext(AuditActorSource? actors = null, TimeProvider? clock = null) => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresDashboardDbContext(Options) { ActorSource = actors, Clock = clock ?? TimeProvider.System },
        _ => new DashboardDbContext(Options) { ActorSource = actors, Clock = clock ?? TimeProvider.System },
    };

    /// <summary>Short-lived contexts on this database; with an actor source their saves are audited as that user.</summary>
    public IDbContextFactory<DashboardDbContext> ContextFactory(AuditActorSource? actors = null, TimeProvider? clock = null) =>
        new Factory(this, actors, clock);

    /// <summary>A context that saves rows exactly as given (see <see cref="DashboardDbContext.CopyingAsIs"/>).</summary>
    internal DashboardDbContext CreateCopyingContext() => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresDashboardDbContext(Options) { CopyingAsIs = true },
        _ => new DashboardDbContext(Options) { CopyingAsIs = true },
    };

    private sealed class Factory(DashboardDatabase database, AuditActorSource? actors, TimeProvider? clock) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => database.CreateContext(actors, clock);
    }
}
