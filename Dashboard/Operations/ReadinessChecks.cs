using System.Net.Sockets;
using Dashboard.Data;
using Dashboard.Email;
using Dashboard.Live;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Operations;

/// <summary>What /health/ready checks beyond the process being up.</summary>
public static class ReadinessChecks
{
    /// <summary>
    /// The database answers and has every migration this version knows. On SQLite the check opens the file afresh
    /// (no pooled connection, no creating it): a pooled handle would keep reading a file that has gone or become unreadable.
    /// </summary>
    public static async Task<bool> DatabaseIsCurrentAsync(DashboardDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            db.Database.SetConnectionString(SqliteFileCheck.Unpooled(file, SqliteOpenMode.ReadWrite));
        }

        return !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>This process's Hangfire server is running: registered and beating within the last few minutes.</summary>
    public sealed class HangfireServer(JobStorage storage, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var recent = time.GetUtcNow().UtcDateTime.AddMinutes(-5);
            var running = storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", StringComparison.OrdinalIgnoreCase) && s.Heartbeat > recent);
            return Task.FromResult(running ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No background job server is running."));
        }
    }

    /// <summary>On PostgreSQL, this server listens on the change channel (else other servers' saves never reach its screens).</summary>
    public sealed class ChangeChannel(PostgresChangeNotifier notifier) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(notifier.IsListening ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not listening on the change channel."));
    }

    /// <summary>
    /// The mail server accepts a connection (or the pickup folder exists). Degraded, not unhealthy: reminders wait in
    /// the outbox and are retried, and every screen still works.
    /// </summary>
    public sealed class EmailTransport(EmailOptions options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!string.Equals(options.Transport, EmailOptions.Smtp, StringComparison.OrdinalIgnoreCase))
            {
                return Directory.Exists(options.PickupFolder) || !File.Exists(options.PickupFolder)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Degraded("The pickup folder is a file.");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(options.Host!, options.Port, timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return HealthCheckResult.Degraded("The mail server does not answer.", e);
            }
        }
    }
}
