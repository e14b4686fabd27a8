using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Features.Rollups;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Features.Rollups;

/// <summary>The quarterly rollup on the demo data: versions kept, the scheduled run idempotent, Q3 2010/11 shown beside Q2.</summary>
public class QuarterlyRollupTests : DashboardTestContext
{
    private readonly EnqueueRecorder enqueued = new();

    public QuarterlyRollupTests() => Services.AddSingleton<Hangfire.IBackgroundJobClient>(enqueued);

    private QuarterlyRollupJob Job => new(Database.Factory, new ReportingClock(Time, new DateOnly(2010, 12, 9)), ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, Notifier, NullLogger<QuarterlyRollupJob>.Instance);

    [Fact]
    public async Task Rerunning_a_quarter_adds_a_version_with_identical_figures_and_keeps_the_first()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;

        Assert.Equal(1, await Job.RunAsync(2010, 3, "Priya Shah", ct));
        Assert.Equal(2, await Job.RunAsync(2010, 3, "Priya Shah", ct));

        await using var db = await Database.OpenAsync();
        var versions = await db.QuarterlyRollups.Include(r => r.Figures).Where(r => r.FinancialYear == 2010 && r.Quarter == 3).OrderBy(r => r.Version).ToListAsync(ct);
        Assert.Equal(2, versions.Count);
        Assert.Equal(versions[0].Figures.Select(f => (f.Scope, f.Measure, f.Value)), versions[1].Figures.Select(f => (f.Scope, f.Measure, f.Value)));
        Assert.Equal(12, versions[1].Figures.Single(f => f.Scope == RollupFigure.Combined && f.Measure == "Services Green").Value);
        Assert.Equal(964_000m, versions[1].Figures.Single(f => f.Scope == RollupFigure.Combined && f.Measure == RollupCalculation.SavingsTarget).Value);
        Assert.Equal(450_000m, versions[1].Figures.Single(f => f.Scope == "BDC" && f.Measure == RollupCalculation.SavingsTarget).Value);
    }

    [Fact]
    public async Task The_scheduled_run_rolls_up_the_last_closed_quarter_once_however_often_it_runs()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;

        await Job.RunForClosedQuarterAsync(ct);
        await Job.RunForClosedQuarterAsync(ct);

        await using var db = await Database.OpenAsync();
        var rollup = await db.QuarterlyRollups.SingleAsync(ct);
        Assert.Equal((2010, 2, QuarterlyRollupJob.Schedule), (rollup.FinancialYear, rollup.Quarter, rollup.TriggeredBy));
    }

    [Fact]
    public async Task An_administrator_sees_q3_beside_q2_with_a_note_when_it_was_recomputed_and_can_compute_a_quarter()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await Job.RunAsync(2010, 2, QuarterlyRollupJob.Schedule, ct);
        await Job.RunAsync(2010, 3, "Priya Shah", ct);
        await Job.RunAsync(2010, 3, "Priya Shah", ct);
        await SignInAsAsync("Priya Shah", Roles.Administrator);

        var page = Render<QuarterlyReportPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll("tbody tr")));
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudSelect<FinancialQuarter>>().Instance.ValueChanged.InvokeAsync(new FinancialYear(2010).Quarter(3)));

        page.WaitForAssertion(() => Assert.Contains("These figures were recomputed: version 2, by Priya Shah", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var green = page.FindAll("tbody tr").First(r => r.QuerySelector("td")!.TextContent == "Services Green");
        Assert.Equal(["Services Green", "12", "0", "–"], green.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("Q2 2010/11", page.Find("thead").TextContent, StringComparison.Ordinal);

        await page.FindAll("button").Single(b => b.TextContent.Contains("Compute Q3 2010/11 now", StringComparison.Ordinal)).ClickAsync(new());
        Assert.Equal(["RunAsync(2010, 3, Priya Shah)"], enqueued.Jobs);
    }

    [Fact]
    public async Task The_q2_2010_11_integrated_report_shows_minute_40_10s_bdc_percentages_worked_out_by_the_rollup()
    {
        await Job.RunAsync(2010, 2, QuarterlyRollupJob.Schedule, Xunit.TestContext.Current.CancellationToken);
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<QuarterlyReportPage>();

        page.WaitForAssertion(() => Assert.Contains("Minute 40/10", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Integrated Finance and Performance Report", page.Find("h1").TextContent, StringComparison.Ordinal);
        var bdc = page.FindAll(".mud-table").Single(t => t.QuerySelector("h2")?.TextContent == "BDC");
        string Value(string measure) => bdc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == measure).QuerySelectorAll("td")[1].TextContent.Trim();
        Assert.Equal("59", Value(PerformanceSummary.StableOrImprovingWording));
        Assert.Equal("59", Value(PerformanceSummary.MetTargetWording));
        Assert.Equal("76", Value(PerformanceSummary.ProjectedToMeetWording));
        Assert.EndsWith("as at the month end", PerformanceSummary.MetTargetWording, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarter_computed_while_the_report_is_open_appears_without_a_refresh()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var page = Render<QuarterlyReportPage>();
        page.WaitForAssertion(() => Assert.Contains("No snapshot of Q2 2010/11 has been computed yet.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        await Job.RunAsync(2010, 2, QuarterlyRollupJob.Schedule, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Contains("Minute 40/10", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("No snapshot of Q2 2010/11", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_member_reads_the_snapshot_but_cannot_compute_one()
    {
        await Job.RunAsync(2010, 2, QuarterlyRollupJob.Schedule, Xunit.TestContext.Current.CancellationToken);
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<QuarterlyReportPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Compute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trends_chart_each_computed_quarter_with_a_gap_for_one_never_computed_and_show_as_tables()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var module = JSInterop.SetupModule(Dashboard.Components.Charts.ApexChart.ModulePath);
        module.SetupVoid("draw", _ => true).SetVoidResult();
        await Job.RunAsync(2010, 1, QuarterlyRollupJob.Schedule, ct);
        await Job.RunAsync(2010, 3, "Priya Shah", ct);
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<QuarterlyReportPage>();

        page.WaitForAssertion(() => Assert.Equal(2, module.Invocations.Count(i => i.Identifier == "draw")), TimeSpan.FromSeconds(10));
        var charts = module.Invocations.Where(i => i.Identifier == "draw").Select(i => Assert.IsType<string>(i.Arguments[1])).ToList();
        Assert.Contains($"\"name\":\"{Dashboard.Domain.Performance.PerformanceSummary.MetTargetWording}\"", charts[0], StringComparison.Ordinal);
        Assert.Contains("{\"x\":\"Q2 2010/11\",\"y\":null}", charts[0], StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Amber\"", charts[1], StringComparison.Ordinal);
        Assert.Contains("{\"x\":\"Q3 2010/11\",\"y\":12}", charts[1], StringComparison.Ordinal);

        await page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Show as table: Trend in shared services by RAG status").ClickAsync(new());
        var table = page.FindAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Shared services by RAG status at each quarter's end");
        Assert.Equal(["Q2 2010/11", "–", "–", "–"], table.QuerySelectorAll("tbody tr")[1].Children.Select(c => c.TextContent.Trim()));
        Assert.Equal("12", table.QuerySelectorAll("tbody tr")[2].QuerySelector("td")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(2009, 4)]
    [InlineData(2010, 1)]
    [InlineData(2010, 2)]
    [InlineData(2010, 3)]
    public async Task The_snapshots_pi_figures_are_the_performance_pages_as_at_the_quarters_last_month(int financialYear, int quarterNumber)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var quarter = new FinancialYear(financialYear).Quarter(quarterNumber);
        var lastMonth = new DateOnly(quarter.End.Year, quarter.End.Month, 1);

        await Job.RunAsync(financialYear, quarterNumber, "Priya Shah", ct);

        await using var db = await Database.OpenAsync();
        var page = (await PerformanceQueries.LoadAsync(db, cancellationToken: ct)).OverviewAsAt(lastMonth, new DateOnly(2010, 12, 9), PerformanceRules.Default);
        var expected = page.Summaries.SelectMany(column => PiFigures(column.Label, column.Summary,
            page.Indicators.SelectMany(i => i.Councils).Where(c => column.Label == RollupFigure.Combined || c.Council.Code == column.Label).Select(c => c.Standing.Light)));
        var snapshot = await db.QuarterlyRollups.Include(r => r.Figures).SingleAsync(ct);
        var pi = snapshot.Figures.Where(f => f.Measure.StartsWith('%') || f.Measure.StartsWith("Indicators", StringComparison.Ordinal));
        Assert.Equal(expected.Order(), pi.Select(f => (f.Scope, f.Measure, f.Value)).Order());

        // Each standing behind them, indicator by indicator, as the performance page shows it.
        var councils = await db.Councils.ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var rollup = await QuarterIndicatorTotals.LoadAsync(db, councils, lastMonth, new DateOnly(2010, 12, 9), PerformanceRules.Default, ct);
        Assert.Equal(
            page.Indicators.SelectMany(i => i.Councils.Select(c => Judged(c.Council.Code, c.Standing))).Order(),
            rollup.Select(i => Judged(i.CouncilCode, i.Standing)).Order());
    }

    private static IEnumerable<(string Scope, string Measure, decimal Value)> PiFigures(string scope, PerformanceSummary summary, IEnumerable<TrafficLight?> lights)
    {
        foreach (var (wording, measure) in new[]
        {
            (PerformanceSummary.StableOrImprovingWording, summary.StableOrImproving),
            (PerformanceSummary.MetTargetWording, summary.MetTarget),
            (PerformanceSummary.ProjectedToMeetWording, summary.ProjectedToMeet),
        })
        {
            if (measure.Percent is { } percent)
            {
                yield return (scope, wording, percent);
            }
        }

        yield return (scope, RollupCalculation.IndicatorsExcludedFromTrend, summary.StableOrImproving.Excluded);
        var all = lights.ToList();
        foreach (var light in Enum.GetValues<TrafficLight>())
        {
            yield return (scope, RollupCalculation.Indicators(light), all.Count(l => l == light));
        }
    }

    private static string Judged(string council, PiStanding s) =>
        $"{council} {s.YtdActual:0.######} {s.YtdTarget:0.######} {s.Light} {s.TrendOnPreviousPeriod} {s.TrendOnLastYear} {s.Projection?.Outturn:0.######} {s.Projection?.Method} {s.Projection?.WillMeetTarget}";

    /// <summary>Records the jobs the page asked Hangfire to run.</summary>
    private sealed class EnqueueRecorder : Hangfire.IBackgroundJobClient
    {
        public List<string> Jobs { get; } = [];

        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
        {
            Jobs.Add($"{job.Method.Name}({string.Join(", ", job.Args.Take(3))})");
            return "1";
        }

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => throw new NotSupportedException("Pages do not change job states.");
    }
}

public sealed class QuarterlyRollupTestsOnPostgres : QuarterlyRollupTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
