using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Domain.Reminders;
using Dashboard.Features.Performance;
using Dashboard.Features.Reminders;
using Dashboard.Features.Risks;
using Dashboard.Features.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks;

public sealed record JobFigures(IReadOnlyList<double> RollupMs, IReadOnlyList<double> GroupByMs, long PiValues, IReadOnlyList<double> ScanMs, int Obligations);

/// <summary>
/// The two scheduled jobs, timed in this process through the app's own registrations (the same services the
/// app's Hangfire jobs resolve): the quarterly rollup of the last closed quarter against a raw SQL GROUP BY
/// over the same PI values, and the reminder scan (what is outstanding, which ladder step is due today)
/// without sending anything.
/// </summary>
public static class JobsBenchmark
{
    private const string GroupBySql = """
        SELECT "PerformanceIndicatorId", "CouncilId", COUNT(*), SUM("Value"), MAX("PeriodStart")
        FROM "PiValues"
        GROUP BY "PerformanceIndicatorId", "CouncilId"
        """;

    public static async Task<JobFigures> RunAsync(BenchmarkDatabase database, int warmup, int samples)
    {
        var arguments = database.AppSettings.Select(s => $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}").Append("--Demo:Enabled=false").Append("--Logging:LogLevel:Default=Warning").ToArray();
        var builder = DashboardConfiguration.CreateBuilder(arguments);
        builder.AddReportingClock();
        builder.AddData();
        builder.AddRisks();
        builder.AddPerformance();
        builder.AddReminders();
        builder.AddQuarterlyRollups();
        await using var app = builder.Build();

        var clock = app.Services.GetRequiredService<ReportingClock>();
        var quarter = clock.CurrentQuarter.Previous;
        var rollup = await TimeAsync(warmup, samples, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<QuarterlyRollupJob>().RunAsync(quarter.Year.StartYear, quarter.Number, "Benchmark", CancellationToken.None);
        });

        long values = 0;
        var groupBy = await TimeAsync(warmup, samples, async () =>
        {
            await using var connection = database.OpenConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = GroupBySql;
            await using var reader = await command.ExecuteReaderAsync();
            values = 0;
            while (await reader.ReadAsync())
            {
                values += reader.GetInt64(2);
            }
        });

        var rules = app.Services.GetRequiredService<ReminderRules>();
        var obligations = 0;
        var scan = await TimeAsync(warmup, samples, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (from, to) = rules.Ladder.DeadlinesInPlay(clock.Today, rules.Calendar);
            var outstanding = await scope.ServiceProvider.GetRequiredService<ReminderQueries>().OutstandingAsync(from, to);
            obligations = outstanding.Count;
            _ = ObligationSchedule.DueOn(outstanding, rules.Ladder, clock.Today, rules.Calendar).ToList();
        });

        return new JobFigures(rollup, groupBy, values, scan, obligations);
    }

    private static async Task<List<double>> TimeAsync(int warmup, int samples, Func<Task> run)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            if (i >= warmup)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }
}
