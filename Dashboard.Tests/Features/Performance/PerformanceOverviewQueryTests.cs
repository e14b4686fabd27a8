using Dashboard.Domain.Performance;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Performance;

/// <summary>
/// The board's performance summary reads only the figures a month's standings depend on; what it shows must be
/// what the performance page works out from the whole history.
/// </summary>
public class PerformanceOverviewQueryTests : DashboardTestContext
{
    private static readonly DateOnly Today = new(2010, 12, 9);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_month_has_the_same_standings_and_summary_as_worked_out_from_the_whole_history()
    {
        await AddIndicatorBdcStoppedReportingAsync();
        await using var db = await Database.OpenAsync();
        var whole = await PerformanceQueries.LoadAsync(db, cancellationToken: Cancel);

        var months = await PerformanceQueries.ReportingMonthsAsync(db, Today, Cancel);
        Assert.True(months.Count > 24, "Reaches back past the year before the as-at month's year.");
        foreach (var month in months)
        {
            var expected = whole.OverviewAsAt(month, Today, PerformanceRules.Default);
            var actual = await PerformanceQueries.OverviewAsAtAsync(db, month, Today, PerformanceRules.Default, Cancel);
            Assert.Equal(Standings(expected), Standings(actual));
            Assert.Equal(expected.Summaries, actual.Summaries);
        }
    }

    [Fact]
    public async Task A_council_silent_for_over_a_year_still_has_its_last_figure_shown_as_stale()
    {
        await AddIndicatorBdcStoppedReportingAsync();
        await using var db = await Database.OpenAsync();

        var overview = await PerformanceQueries.OverviewAsAtAsync(db, new DateOnly(2010, 11, 1), Today, PerformanceRules.Default, Cancel);

        var bdc = overview.Indicators.Single(i => i.Indicator.Ref == "TEST 1").Councils.Single(c => c.Council.Code == "BDC").Standing;
        Assert.Equal(new DateOnly(2009, 2, 1), bdc.LatestPeriod);
        Assert.Equal(22m, bdc.LatestValue);
        Assert.True(bdc.IsStale);
    }

    private static List<(string Ref, string Council, PiStanding Standing)> Standings(PerformanceOverview overview) =>
        overview.Indicators.SelectMany(i => i.Councils.Select(c => (i.Indicator.Ref, c.Council.Code, c.Standing))).ToList();

    /// <summary>An indicator BDC reported monthly from April 2007 to February 2009 and RBC throughout, with targets each year.</summary>
    private async Task AddIndicatorBdcStoppedReportingAsync()
    {
        await using var db = await Database.OpenAsync();
        var councils = await db.Councils.ToDictionaryAsync(c => c.Code, c => c.Id, Cancel);
        var pi = new PerformanceIndicator
        {
            Ref = "TEST 1",
            Description = "Days to process a claim",
            Unit = "days",
            Polarity = Polarity.LowerIsBetter,
            Frequency = CollectionFrequency.Monthly,
            Aggregation = YtdAggregation.Average,
            TolerancePercent = 5,
            OwnerId = await db.People.Select(p => p.Id).FirstAsync(Cancel),
        };
        for (var month = new DateOnly(2007, 4, 1); month <= new DateOnly(2010, 11, 1); month = month.AddMonths(1))
        {
            if (month <= new DateOnly(2009, 2, 1))
            {
                pi.Values.Add(new PiValue { CouncilId = councils["BDC"], PeriodStart = month, Value = 20 + month.Month, EnteredAt = Time.GetUtcNow() });
            }

            pi.Values.Add(new PiValue { CouncilId = councils["RBC"], PeriodStart = month, Value = 30 - month.Month, EnteredAt = Time.GetUtcNow() });
        }

        for (var year = 2007; year <= 2010; year++)
        {
            foreach (var council in councils.Values)
            {
                pi.Targets.Add(new PiTarget { CouncilId = council, FinancialYear = year, Target = 24 - year % 3 });
            }
        }

        db.PerformanceIndicators.Add(pi);
        await db.SaveChangesAsync(Cancel);
    }
}

/// <summary>The same reads on PostgreSQL.</summary>
public sealed class PerformanceOverviewQueryTestsOnPostgres : PerformanceOverviewQueryTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
