using Dashboard.Audit;
using Dashboard.Data;
using Dashboard.Domain.Audit;
using Dashboard.Hosting;
using Dashboard.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dashboard.Operations;

/// <summary>What a council's IT team runs the app with: health endpoints, backups, metrics and traces, JSON logs.</summary>
public static class OperationsExtensions
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.Bind<DatabaseOptions>("Database");
        var checks = builder.Services.AddHealthChecks()
            .AddDbContextCheck<DashboardDbContext>("database", tags: [Ready], customTestQuery: ReadinessChecks.DatabaseIsCurrentAsync)
            .AddCheck<ReadinessChecks.HangfireServer>("jobs", tags: [Ready])
            .AddCheck<ReadinessChecks.EmailTransport>("email", tags: [Ready]);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            checks.AddCheck<ReadinessChecks.ChangeChannel>("change-channel", tags: [Ready]);
        }
        else
        {
            AddBackups(builder);
        }

        builder.Services.AddSingleton<CircuitHandler, CircuitMetrics>();
        AddAuditRetention(builder);
        AddTelemetry(builder);

        // Started by Windows' service manager the app reports its state to it; anywhere else this does nothing.
        builder.Host.UseWindowsService();
        return builder;
    }

    /// <summary>Anonymous, and only the status word: a load balancer needs nothing more, and an outsider should learn nothing more.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// An upgrade (migrations pending on an existing SQLite database) first takes a checked backup into the backup
    /// folder, unless Backups:BeforeUpgrade is false: a council can go back to the version it ran before.
    /// </summary>
    public static async Task BackUpBeforeUpgradeAsync(this WebApplication app)
    {
        var backups = app.Services.GetService<DatabaseBackups>();
        if (backups is null || !app.Services.GetRequiredService<BackupOptions>().BeforeUpgrade || !File.Exists(app.Services.GetRequiredService<DashboardDatabase>().File!.FullPath))
        {
            return;
        }

        await using (var db = await app.Services.GetRequiredService<DashboardDatabase>().ContextFactory().CreateDbContextAsync())
        {
            var applied = await db.Database.GetAppliedMigrationsAsync();
            if (!applied.Any() || !(await db.Database.GetPendingMigrationsAsync()).Any())
            {
                return;
            }
        }

        var backup = await backups.TakeAsync();
        app.Logger.LogInformation("Backed up the database to {Path} before upgrading it", backup.Path);
    }

    private static void AddBackups(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Bind<BackupOptions>("Backups");
        if (options.Keep < 1)
        {
            throw new StartupException($"Setting Backups:Keep must be at least 1, not {options.Keep}.");
        }

        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            throw new StartupException("Setting Backups:Folder is empty; give the folder for database backups, e.g. data/backups.");
        }

        string folder;
        try
        {
            folder = Path.GetFullPath(options.Folder);
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new StartupException($"Setting Backups:Folder '{options.Folder}' cannot be used: {e.Message}", e);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new DatabaseBackups(
            sp.GetRequiredService<DashboardDatabase>().File!, folder, options.Keep, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DatabaseBackups>>()));
        builder.Services.AddSingleton(new RecurringJobDefinition(DatabaseBackups.JobId, "30 1 * * *",
            (manager, cron, jobOptions) => manager.AddOrUpdate<DatabaseBackups>(DatabaseBackups.JobId, backups => backups.RunAsync(CancellationToken.None), cron, jobOptions)));
    }

    /// <summary>Audit:RetentionYears (empty: the trail is kept for ever) schedules the nightly pruning of older entries.</summary>
    private static void AddAuditRetention(WebApplicationBuilder builder)
    {
        if (builder.Configuration.Bind<AuditSettings>("Audit").RetentionYears is not { } years)
        {
            return;
        }

        if (AuditRetention.Problem(years) is { } problem)
        {
            throw new StartupException($"Setting Audit:RetentionYears {problem}.");
        }

        builder.Services.AddSingleton(new AuditRetention(years));
        builder.Services.AddScoped<AuditPruning>();
        builder.Services.AddSingleton(new RecurringJobDefinition(AuditPruning.JobId, "0 3 * * *",
            (manager, cron, jobOptions) => manager.AddOrUpdate<AuditPruning>(AuditPruning.JobId, pruning => pruning.RunAsync(CancellationToken.None), cron, jobOptions)));
    }

    private sealed class AuditSettings
    {
        public int? RetentionYears { get; set; }
    }

    /// <summary>
    /// Metrics and traces go out over OTLP only when Telemetry:OtlpEndpoint is set (nothing is collected otherwise);
    /// logs are written as one JSON object per line when Logging:Format is json.
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => (o.UseUtcTimestamp, o.TimestampFormat) = (true, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
        }

        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https"))
        {
            throw new StartupException($"Setting Telemetry:OtlpEndpoint must be the collector's http(s) address, e.g. http://localhost:4317, not '{endpoint}'.");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("shared-services-dashboard"))
            .WithMetrics(m => m
                .AddMeter(DashboardMetrics.MeterName, Live.FanOutLog.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithTracing(t => t
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddOtlpExporter(o => o.Endpoint = otlp));
    }
}
