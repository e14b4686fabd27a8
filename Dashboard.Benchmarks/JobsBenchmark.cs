using System.Diagnostics;
using Dashboard.Data;
using Dashboard.Domain.Reminders;
using Dashboard.Features.Performance;
using Dashboard.Features.Reminders;
using Dashboard.Features.Risks;
using Dashboard.Features.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks;

/// <param name="Quarter">The quarter rolled up.</param>
/// <param name="PiValuesRead">The PI values of that quarter's financial year to date: the rows the rollup adds up and the GROUP BY reads.</param>
/// <param name="PiValuesTotal">All PI values in the database.</param>
public sealed record JobFigures(
    IReadOnlyList<double> RollupMs, IReadOnlyList<double> GroupByMs, string Quarter, long PiValuesRead, long PiValuesTotal, IReadOnlyList<double> ScanMs, int Obligations);

/// <summary>
/// The two scheduled jobs, timed in this process through the app's own registrations (the same services the
/// app's Hangfire jobs resolve): the quarterly rollup of the last closed quarter against a raw SQL GROUP BY
/// over the PI values it must add up (its financial year to date), and the reminder scan (what is outstanding,
/// which ladder step is due today) without sending anything.
/// </summary>
public static class JobsBenchmark
{
    // The physical limit for the rollup: one pass over exactly the values it adds up, grouped as it groups them.
    private const string GroupBySql = """
        SELECT "PerformanceIndicatorId", "CouncilId", COUNT(*), SUM("Value"), MAX("PeriodStart")
        FROM "PiValues"
        WHERE "PeriodStart" >= @from AND "PeriodStart" <= @to
        GROUP BY "PerformanceIndicatorId", "CouncilId"
        """;

    /// <summary>The reminder rules and reporting date the app will run with, for the generator to leave the right updates owed.</summary>
    public static async Task<ReminderPlan> ReminderPlanAsync(BenchmarkDatabase database)
    {
        await using var app = BuildApp(database);
        return new ReminderPlan(app.Services.GetRequiredService<ReminderRules>(), app.Services.GetRequiredService<ReportingClock>().Today);
    }

    public static async Task<JobFigures> RunAsync(BenchmarkDatabase database, int warmup, int samples)
    {
        await using var app = BuildApp(database);
        var clock = app.Services.GetRequiredService<ReportingClock>();
        var quarter = clock.CurrentQuarter.Previous;
        var rollup = await TimeAsync(warmup, samples, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<QuarterlyRollupJob>().RunAsync(quarter.Year.StartYear, quarter.Number, "Benchmark", CancellationToken.None);
        });

        long read = 0;
        var yearStart = quarter.Year.Start;
        var lastMonth = new DateOnly(quarter.End.Year, quarter.End.Month, 1);
        var groupBy = await TimeAsync(warmup, samples, async () =>
        {
            await using var connection = database.OpenConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = GroupBySql;
            command.Parameters.Add(database.DateParameter(command, "from", yearStart));
            command.Parameters.Add(database.DateParameter(command, "to", lastMonth));
            await using var reader = await command.ExecuteReaderAsync();
            read = 0;
            while (await reader.ReadAsync())
            {
                read += reader.GetInt64(2);
            }
        });

        long total;
        await using (var connection = database.OpenConnection())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM \"PiValues\"";
            total = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var rules = app.Services.GetRequiredService<ReminderRules>();
        var obligations = 0;
        var scan = await TimeAsync(warmup, samples, async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<ReminderQueries>();
            var calendar = await queries.CalendarAsync();
            var (from, to) = rules.Ladder.DeadlinesInPlay(clock.Today, calendar);
            var outstanding = await queries.OutstandingAsync(from, to, calendar: calendar);
            obligations = outstanding.Count;
            _ = ObligationSchedule.DueOn(outstanding, rules.Ladder, clock.Today, calendar).ToList();
        });

        return new JobFigures(rollup, groupBy, quarter.Label, read, total, scan, obligations);
    }

    private static WebApplication BuildApp(BenchmarkDatabase database)
    {
        var arguments = database.AppSettings.Select(s => $"--{s.Key.Replace("__", ":", StringComparison.Ordinal)}={s.Value}").Append("--Demo:Enabled=false").Append("--Logging:LogLevel:Default=Warning").ToArray();
        var builder = DashboardConfiguration.CreateBuilder(arguments);
        builder.AddReportingClock();
        builder.AddData();
        builder.AddRisks();
        builder.AddPerformance();
        builder.AddReminders();
        builder.AddQuarterlyRollups();
        // The rollup announces its result to open screens; none are open here.
        builder.Services.AddSingleton<Dashboard.Live.IChangeNotifier, Dashboard.Live.InProcessChangeNotifier>();
        return builder.Build();
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
