using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Time;
using Dashboard.Hosting;
using Hangfire;
using Hangfire.PostgreSql;

namespace Dashboard.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Hangfire with in-memory storage by default, PostgreSQL when "Jobs:Storage" says so or the database is PostgreSQL.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Bind<JobOptions>("Jobs");
        if (options.WorkerCount < 1)
        {
            throw new StartupException($"Setting Jobs:WorkerCount must be at least 1, not {options.WorkerCount}.");
        }

        // On a PostgreSQL database there may be several app servers: the queue must be shared so each job runs once.
        var database = builder.Configuration.Bind<DatabaseOptions>("Database");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.Storage = JobOptions.PostgreSql;
            options.PostgreSqlConnection ??= database.ConnectionString;
        }

        var postgres = string.Equals(options.Storage, JobOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);
        if (!postgres && !string.Equals(options.Storage, JobOptions.InMemory, StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"Setting Jobs:Storage must be {JobOptions.InMemory} or {JobOptions.PostgreSql}, not '{options.Storage}'.");
        }

        if (postgres && string.IsNullOrWhiteSpace(options.PostgreSqlConnection))
        {
            throw new StartupException("Setting Jobs:PostgreSqlConnection is empty; Jobs:Storage PostgreSql needs a connection string.");
        }

        builder.Services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new Operations.JobRunMetrics());
            if (postgres)
            {
                configuration.UsePostgreSqlStorage(p => p.UseNpgsqlConnection(options.PostgreSqlConnection));
            }
            else
            {
                configuration.UseInMemoryStorage();
            }
        });

        builder.Services.AddHangfireServer(s => s.WorkerCount = options.WorkerCount);
        builder.Services.AddSingleton(options);
        return builder;
    }

    /// <summary>
    /// Registers every recurring job under its fixed id (so a restart updates rather than duplicates
    /// it) and maps the Hangfire dashboard for administrators only.
    /// </summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<JobOptions>();
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
        {
            var cron = options.Schedules.GetValueOrDefault(job.Id) ?? job.DefaultCron;
            try
            {
                job.Register(manager, cron, new RecurringJobOptions { TimeZone = ReportingClock.London });
            }
            catch (ArgumentException e)
            {
                throw new StartupException($"Setting Jobs:Schedules:{job.Id} '{cron}' is not a valid cron expression: {e.Message}", e);
            }

            if (job.CatchUpAtStartUp)
            {
                manager.Trigger(job.Id);
            }
        }

        // Hangfire's own filter would only allow local requests; ASP.NET Core's policy decides instead.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions { Authorization = [], AppPath = "/" })
            .RequireAuthorization(AuthExtensions.AdministratorsOnly);
        return app;
    }
}

/// <summary>
/// A recurring job (registered as a singleton by its feature): its fixed id, the cron used when
/// "Jobs:Schedules:{Id}" is not set, and how to register it. <see cref="CatchUpAtStartUp"/> also runs
/// it once at start-up, for an idempotent job whose occurrence a stopped server would otherwise miss.
/// </summary>
public sealed record RecurringJobDefinition(string Id, string DefaultCron, Action<IRecurringJobManager, string, RecurringJobOptions> Register, bool CatchUpAtStartUp = false);
