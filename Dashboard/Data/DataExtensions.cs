using Dashboard.Audit;
using Dashboard.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Data;

public static class DataExtensions
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Bind<DatabaseOptions>("Database");
        var database = options.Provider switch
        {
            DatabaseProvider.Sqlite => DashboardDatabase.Sqlite(ResolveWritable(options.Path)),
            DatabaseProvider.Postgres => DashboardDatabase.Postgres(CheckedConnectionString(options.ConnectionString)),
            _ => throw new StartupException($"Setting Database:Provider must be Sqlite or Postgres, not '{options.Provider}'."),
        };
        builder.Services.AddSingleton(database);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActorSource>();

        // Scoped, not singleton: each circuit's (or request's) contexts know who is saving, for the audit trail.
        builder.Services.AddScoped(sp => sp.GetRequiredService<DashboardDatabase>()
            .ContextFactory(sp.GetRequiredService<AuditActorSource>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext());
        return builder;
    }

    internal static string CheckedConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException("Setting Database:ConnectionString is empty; Database:Provider Postgres needs one, e.g. Host=127.0.0.1;Database=dashboard;Username=dashboard;Password=...");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupException($"Setting Database:ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }
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
}
