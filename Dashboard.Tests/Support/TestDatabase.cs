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
/// A real SQLite file in a temporary folder, migrated with the committed migrations. The demo-seeded
/// database is built once per test run and copied, because hashing the demo accounts' passwords is slow.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? seededTemplate;

    private TestDatabase(string path)
    {
        File = new DatabaseFile(path);
        Factory = FactoryFor(File);
    }

    public DatabaseFile File { get; }

    public IDbContextFactory<DashboardDbContext> Factory { get; }

    public string Directory => Path.GetDirectoryName(File.FullPath)!;

    public static string NewTemporaryPath() =>
        Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"), "dashboard.db");

    /// <summary>An empty, migrated database.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var db = new TestDatabase(NewTemporaryPath());
        System.IO.Directory.CreateDirectory(db.Directory);
        await DatabaseMigration.MigrateAsync(db.Factory, db.File, NullLogger.Instance);
        return db;
    }

    /// <summary>A migrated database holding the demo data, as the app seeds it on first start.</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        var template = await SeededTemplateAsync();
        var db = new TestDatabase(NewTemporaryPath());
        System.IO.Directory.CreateDirectory(db.Directory);
        System.IO.File.Copy(template, db.File.FullPath);
        return db;
    }

    public async Task<DashboardDbContext> OpenAsync() => await Factory.CreateDbContextAsync();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A browser-test app process may still hold the file for a moment; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
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
        services.AddSingleton<IDbContextFactory<DashboardDbContext>>(new DatabaseContextFactory(database));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        services.AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>A context factory over a file, as the app registers it.</summary>
    public static IDbContextFactory<DashboardDbContext> FactoryFor(DatabaseFile file) => new DatabaseContextFactory(DashboardDatabase.Sqlite(file));

    private sealed class DatabaseContextFactory(DashboardDatabase database) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => database.CreateContext();
    }
}
