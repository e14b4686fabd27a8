using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real database for one test: by default a SQLite file in a temporary folder, or a database of its own on
/// the test PostgreSQL server — migrated with the committed migrations. The demo-seeded database is built
/// once per test run and copied, because hashing the demo accounts' passwords is slow.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? seededTemplate;
    private readonly PostgresDatabase? postgres;

    private TestDatabase(string path)
    {
        Database = DashboardDatabase.Sqlite(new DatabaseFile(path));
        Directory = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(Directory);
        Factory = Database.ContextFactory();
    }

    private TestDatabase(PostgresDatabase postgres)
    {
        this.postgres = postgres;
        Database = postgres.Database;
        Directory = System.IO.Directory.CreateTempSubdirectory("dashboard-tests-").FullName;
        Factory = Database.ContextFactory();
    }

    public DashboardDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>The SQLite file (SQLite only).</summary>
    public DatabaseFile File => Database.File ?? throw new InvalidOperationException("A PostgreSQL test database has no file.");

    public IDbContextFactory<DashboardDbContext> Factory { get; }

    /// <summary>A temporary folder of the test's own, where the app runs.</summary>
    public string Directory { get; }

    /// <summary>The settings that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => postgres is null
        ? new Dictionary<string, string> { ["Database__Path"] = File.FullPath }
        : new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = postgres.ConnectionString };

    public static string NewTemporaryPath() =>
        Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"), "dashboard.db");

    /// <summary>An empty, migrated database.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(await PostgresDatabase.CreateEmptyAsync());
        }

        var db = new TestDatabase(NewTemporaryPath());
        await DatabaseMigration.MigrateAsync(db.Factory, db.File, NullLogger.Instance);
        return db;
    }

    /// <summary>A migrated database holding the demo data, as the app seeds it on first start.</summary>
    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(await PostgresDatabase.CreateSeededAsync());
        }

        var template = await SeededTemplateAsync();
        var db = new TestDatabase(NewTemporaryPath());
        System.IO.File.Copy(template, db.File.FullPath);
        return db;
    }

    public async Task<DashboardDbContext> OpenAsync() => await Factory.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A browser-test app process may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string> SeededTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (seededTemplate is not null)
            {
                return seededTemplate;
            }

            var path = NewTemporaryPath();
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new DatabaseFile(path);
            await MigrateAndSeedDemoAsync(DashboardDatabase.Sqlite(file));

            await using (var db = await FactoryFor(file).CreateDbContextAsync())
            {
                // One self-contained file to copy: fold the write-ahead log back in.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
            }

            SqliteConnection.ClearAllPools();
            seededTemplate = path;
            return path;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>Migrates a database and seeds the demo into it as the app does on first start.</summary>
    public static async Task MigrateAndSeedDemoAsync(DashboardDatabase database)
    {
        await using var services = IdentityServices(database);
        await DatabaseMigration.MigrateAsync(services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), database.File, NullLogger.Instance);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await DemoSeed.SeedAsync(
            scope.ServiceProvider.GetRequiredService<DashboardDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            ScoreBandSet.Default);
    }

    /// <summary>The services the app uses to create accounts, over a given database.</summary>
    public static ServiceProvider IdentityServices(DashboardDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database.ContextFactory());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        services.AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>A context factory over a file, as the app registers it.</summary>
    public static IDbContextFactory<DashboardDbContext> FactoryFor(DatabaseFile file) => DashboardDatabase.Sqlite(file).ContextFactory();
}
