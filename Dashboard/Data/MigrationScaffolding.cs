#pragma warning disable EF1001 // SqliteDesignTimeServices is "internal" API; it is what dotnet-ef itself calls.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;

namespace Dashboard.Data;

/// <summary>
/// `dotnet run --project Dashboard -- add-migration Name` writes a new migration into Data/Migrations.
/// The dotnet-ef tool is not in this registry, so the app drives EF's own scaffolder instead.
/// </summary>
public static class MigrationScaffolding
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["add-migration", var name])
        {
            return false;
        }

        var projectDir = FindProjectDirectory();
        using var db = new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite("Data Source=:memory:").Options);
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(db);
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
        using var provider = services.BuildServiceProvider();
        var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Dashboard", "Data.Migrations", "C#");
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations"));
        Console.WriteLine($"Wrote {files.MigrationFile}, {files.MetadataFile} and {files.SnapshotFile}");
        return true;
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
