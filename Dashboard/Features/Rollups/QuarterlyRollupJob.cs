using Dashboard.Data;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Jobs;
using Dashboard.Live;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Rollups;

/// <summary>Computes and keeps a quarter's snapshot: after each quarter closes, and on demand by an administrator.</summary>
public sealed class QuarterlyRollupJob(IDbContextFactory<DashboardDbContext> dbFactory, ReportingClock clock, ScoreBandSet bands, PerformanceRules performanceRules, IChangeNotifier notifier, ILogger<QuarterlyRollupJob> log)
{
    public const string Id = "quarterly-rollup";

    public const string Schedule = "Schedule";

    /// <summary>
    /// 02:00 on the 5th day after each quarter ends (5 July, October, January and April), and at
    /// start-up, so a server that was down on the 5th still snapshots the quarter.
    /// </summary>
    public static RecurringJobDefinition Recurring { get; } = new(Id, "0 2 5 1,4,7,10 *",
        (manager, cron, options) => manager.AddOrUpdate<QuarterlyRollupJob>(Id, job => job.RunForClosedQuarterAsync(CancellationToken.None), cron, options),
        CatchUpAtStartUp: true);

    /// <summary>
    /// The scheduled run: the quarter that closed last. A retry or a second server finds the
    /// schedule's snapshot already there and adds nothing.
    /// </summary>
    public async Task RunForClosedQuarterAsync(CancellationToken cancellationToken)
    {
        var quarter = clock.CurrentQuarter.Previous;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.QuarterlyRollups.AnyAsync(r => r.FinancialYear == quarter.Year.StartYear && r.Quarter == quarter.Number && r.TriggeredBy == Schedule, cancellationToken))
            {
                return;
            }
        }

        await RunAsync(quarter.Year.StartYear, quarter.Number, Schedule, cancellationToken);
    }

    /// <summary>Computes the quarter now and saves it as its next version, in one transaction; returns the version.</summary>
    public async Task<int> RunAsync(int financialYear, int quarterNumber, string triggeredBy, CancellationToken cancellationToken)
    {
        var quarter = new FinancialYear(financialYear).Quarter(quarterNumber);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var councils = await db.Councils.OrderBy(c => c.Code).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var cards = (await db.StatusUpdates.Select(u => new { u.SharedServiceId, u.Period, u.Rag }).ToListAsync(cancellationToken)).ToLookup(u => u.SharedServiceId);
        var reports = (await db.HighlightReports.Select(r => new { r.SharedServiceId, r.PeriodEnding }).ToListAsync(cancellationToken)).ToLookup(r => r.SharedServiceId);
        // What was archived by the quarter's end had left the board's tables (and its register the counts) by then.
        var quarterEnd = quarter.End;
        var services = (await db.SharedServices.Where(s => s.ArchivedOn == null || s.ArchivedOn > quarterEnd)
                .Select(s => new { s.Id, s.Phase }).ToListAsync(cancellationToken))
            .Select(s => new ServiceAtQuarterEnd(s.Id, s.Phase, [.. cards[s.Id].Select(c => (c.Period, c.Rag))], [.. reports[s.Id].Select(r => r.PeriodEnding)]))
            .ToList();
        var risks = (await db.Risks.AsNoTracking().Where(r => r.RiskRegister!.ArchivedOn == null || r.RiskRegister.ArchivedOn > quarterEnd)
                .Include(r => r.Assessments).ToListAsync(cancellationToken))
            .Select(r => new RiskAtQuarterEnd(r.Id, r.CouncilId is { } c ? councils[c] : null, r.RaisedOn, r.ClosedOn, r.Assessments))
            .ToList();
        var savings = (await db.SavingsLines.Where(s => s.FinancialYear == financialYear).Select(s => new { s.CouncilId, s.Target, s.Forecast, s.Delivered }).ToListAsync(cancellationToken))
            .Select(s => new SavingsAtQuarterEnd(s.CouncilId is { } c ? councils[c] : null, s.Target, s.Forecast, s.Delivered))
            .ToList();

        var lastMonth = new DateOnly(quarter.End.Year, quarter.End.Month, 1);
        var indicators = await QuarterIndicatorTotals.LoadAsync(db, councils, lastMonth, clock.Today, performanceRules, cancellationToken);

        var figures = RollupCalculation.Compute(quarter, [.. councils.Values], services, risks, savings, indicators, bands);

        // Readers take the latest version, so the new one appears whole or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = 1 + (await db.QuarterlyRollups.Where(r => r.FinancialYear == financialYear && r.Quarter == quarterNumber).MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0);
        db.QuarterlyRollups.Add(new QuarterlyRollup
        {
            FinancialYear = financialYear,
            Quarter = quarterNumber,
            Version = version,
            ComputedAt = clock.UtcNow,
            TriggeredBy = triggeredBy,
            Figures = [.. figures],
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Rolled up {Quarter} as version {Version} for {TriggeredBy}.", quarter, version, triggeredBy);
        notifier.Publish(new DashboardChange(ChangeArea.Rollups, null, $"{quarter.Label} figures computed (version {version})"));
        return version;
    }
}
