#pragma warning disable EF1001 // The providers' design-time services are "internal" API; they are what dotnet-ef itself calls.
using Dashboard.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

namespace Dashboard.Data;

/// <summary>
/// `dotnet run --project Dashboard -- add-migration Name [Sqlite|Postgres]` writes a new migration for both providers: SQLite's into
/// Data/Migrations and PostgreSQL's into Data/Postgres/Migrations. The dotnet-ef tool is not in this registry, so
/// the app drives EF's own scaffolder instead.
/// </summary>
public static class MigrationScaffolding
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["add-migration", var name, .. var only] || only.Length > 1)
        {
            return false;
        }

        var projectDir = FindProjectDirectory();
        var provider = only.Length == 1 ? Enum.Parse<DatabaseProvider>(only[0], ignoreCase: true) : (DatabaseProvider?)null;
        if (provider is null or DatabaseProvider.Sqlite)
        {
            using var sqlite = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite("Data Source=:memory:").Options);
            Scaffold(sqlite, new SqliteDesignTimeServices(), name, projectDir, "Data.Migrations", Path.Combine("Data", "Migrations"));
        }

        if (provider is null or DatabaseProvider.Postgres)
        {
            // Scaffolding needs no server: the connection string is never opened.
            using var postgres = new PostgresDashboardDbContext(new DbContextOptionsBuilder<PostgresDashboardDbContext>().UseNpgsql("Host=localhost").Options);
            Scaffold(postgres, new NpgsqlDesignTimeServices(), name, projectDir, "Data.Postgres.Migrations", Path.Combine("Data", "Postgres", "Migrations"));
        }

        return true;
    }

    private static void Scaffold(DashboardDbContext db, IDesignTimeServices providerServices, string name, string projectDir, string subNamespace, string folder)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(db);
        providerServices.ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();
        var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Dashboard", subNamespace, "C#");
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, folder));
        Console.WriteLine($"Wrote {files.MigrationFile}, {files.MetadataFile} and {files.SnapshotFile}");
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.csproj")))
            {
                return dir.FullName;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Dashboard", "Dashboard.csproj")))
            {
                return Path.Combine(dir.FullName, "Dashboard");
            }
        }

        throw new InvalidOperationException("Run add-migration from the repository or the Dashboard folder.");
    }
}
