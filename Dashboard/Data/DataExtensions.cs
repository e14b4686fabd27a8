using Dashboard.Audit;
using Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Bind<DatabaseOptions>("Database");
        var file = ResolveWritable(options.Path);
        builder.Services.AddSingleton(file);
        builder.Services.AddSingleton(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(file.ConnectionString).Options);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActorSource>();

        // Scoped, not singleton: each circuit's (or request's) contexts know who is saving, for the audit trail.
        builder.Services.AddScoped<IDbContextFactory<DashboardDbContext>, AuditedContextFactory>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>Fails start-up with the setting's name when the file cannot be created or written.</summary>
    internal static DatabaseFile ResolveWritable(string? configuredPath)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            throw new StartupException("Setting Database:Path is empty; give the SQLite file to use, e.g. data/dashboard.db.");
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(configuredPath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            if (File.Exists(fullPath))
            {
                using var _ = File.Open(fullPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            else
            {
                var probe = Path.Combine(Path.GetDirectoryName(fullPath)!, $".write-test-{Guid.NewGuid():N}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new StartupException($"Setting Database:Path '{configuredPath}' cannot be used: {e.Message}", e);
        }

        return new DatabaseFile(fullPath);
    }

    private sealed class AuditedContextFactory(DbContextOptions<DashboardDbContext> options, AuditActorSource actors, TimeProvider clock)
        : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options) { ActorSource = actors, Clock = clock };
    }
}
