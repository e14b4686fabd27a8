using Dashboard.Data;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Audit;

/// <summary>
/// The nightly job that deletes audit entries older than the retention (Audit:RetentionYears), so personal data in
/// the trail is not kept longer than the council's retention schedule says. Real time, not the demo's pinned date:
/// entries carry the real time they were made. Idempotent: a retry deletes nothing more.
/// </summary>
public sealed class AuditPruning(IDbContextFactory<DashboardDbContext> dbFactory, AuditRetention retention, TimeProvider time, ILogger<AuditPruning> logger)
{
    public const string JobId = "prune-audit-trail";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ReportingClock.London).DateTime);
        var keepFrom = retention.KeepFrom(today);
        var midnight = keepFrom.ToDateTime(TimeOnly.MinValue);

        // In UTC: PostgreSQL takes instants only with offset zero.
        var cutOff = new DateTimeOffset(midnight, ReportingClock.London.GetUtcOffset(midnight)).ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.AuditEntries.Where(a => a.At < cutOff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} audit entries made before {KeepFrom:yyyy-MM-dd} (Audit:RetentionYears {Years})", deleted, keepFrom, retention.Years);
        }

        return deleted;
    }
}
