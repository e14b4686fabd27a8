using CsCheck;
using Dashboard.Domain.Performance;

namespace Dashboard.Tests.Domain;

public sealed class PerformanceRulesTests
{
    private static readonly Gen<decimal> Amount = Gen.Int[0, 1_000_000].Select(i => i / 100m);
    private static readonly Gen<decimal> Percent = Gen.Int[0, 2_000].Select(i => i / 100m);

    private static PiFigures Figures(
        Dictionary<DateOnly, decimal> values,
        Dictionary<DateOnly, decimal>? periodTargets = null,
        Dictionary<int, decimal>? annualTargets = null,
        Polarity polarity = Polarity.LowerIsBetter,
        CollectionFrequency frequency = CollectionFrequency.Monthly,
        YtdAggregation aggregation = YtdAggregation.Sum,
        decimal tolerancePercent = 2m,
        bool dataOnly = false) =>
        new(polarity, frequency, aggregation, tolerancePercent, dataOnly, values, periodTargets ?? [], annualTargets ?? []);

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    [Fact]
    public void Household_waste_at_Bromsgrove_missed_its_first_quarter_target()
    {
        var figures = Figures(
            new() { [Month(2010, 4)] = 49.12m, [Month(2010, 5)] = 48.71m, [Month(2010, 6)] = 49.15m },
            new() { [Month(2010, 4)] = 47.66m, [Month(2010, 5)] = 47.66m, [Month(2010, 6)] = 47.67m });

        var standing = PiStanding.Assess(figures, Month(2010, 6), new DateOnly(2010, 7, 9), PerformanceRules.Default);

        Assert.Equal(146.98m, standing.YtdActual);
        Assert.Equal(142.99m, standing.YtdTarget);
        Assert.Equal(TrafficLight.Missed, standing.Light);
    }

    [Fact]
    public void An_indicator_without_a_figure_has_nothing_judged_and_is_stale_as_the_rollup_records_it() =>
        Assert.Equal(
            PiStanding.Assess(Figures([], annualTargets: new() { [2010] = 50m }), Month(2010, 9), new DateOnly(2010, 10, 9), PerformanceRules.Default),
            PiStanding.WithoutFigures(Month(2010, 9)));

    [Theory]
    [InlineData(Polarity.LowerIsBetter, 142.99, 0, TrafficLight.Met)]
    [InlineData(Polarity.LowerIsBetter, 146.98, 5, TrafficLight.WithinTolerance)]
    [InlineData(Polarity.LowerIsBetter, 146.98, 2, TrafficLight.Missed)]
    [InlineData(Polarity.HigherIsBetter, 146.98, 0, TrafficLight.Met)]
    [InlineData(Polarity.HigherIsBetter, 136.00, 5, TrafficLight.WithinTolerance)]
    [InlineData(Polarity.HigherIsBetter, 135.00, 5, TrafficLight.Missed)]
    public void The_light_follows_polarity_and_tolerance(Polarity polarity, double actual, double tolerance, TrafficLight expected) =>
        Assert.Equal(expected, TrafficLights.Judge((decimal)actual, 142.99m, polarity, (decimal)tolerance));

    [Fact]
    public void Reversing_polarity_swaps_met_and_not_met_unless_on_target() =>
        Gen.Select(Amount, Amount, Percent).Sample((actual, target, tolerance) =>
        {
            var higher = TrafficLights.Judge(actual, target, Polarity.HigherIsBetter, tolerance);
            var lower = TrafficLights.Judge(actual, target, Polarity.LowerIsBetter, tolerance);
            Assert.Equal(actual == target, higher == TrafficLight.Met && lower == TrafficLight.Met);
            Assert.True(actual == target || (higher == TrafficLight.Met) != (lower == TrafficLight.Met));
        });

    [Fact]
    public void Widening_the_tolerance_never_makes_the_light_worse() =>
        Gen.Select(Amount, Amount, Percent, Gen.Enum<Polarity>()).Sample((actual, target, tolerance, polarity) =>
            Assert.True(TrafficLights.Judge(actual, target, polarity, tolerance + 5) <= TrafficLights.Judge(actual, target, polarity, tolerance)));

    [Fact]
    public void Year_to_date_sums_averages_or_takes_the_latest_and_gaps_are_not_zeros()
    {
        // May is missing: the average is of the two months reported, not of three with a zero.
        (DateOnly, decimal)[] periods = [(Month(2010, 6), 40m), (Month(2010, 4), 44m)];

        Assert.Equal(84m, YearToDate.Of(YtdAggregation.Sum, periods));
        Assert.Equal(42m, YearToDate.Of(YtdAggregation.Average, periods));
        Assert.Equal(40m, YearToDate.Of(YtdAggregation.Latest, periods));
        Assert.Null(YearToDate.Of(YtdAggregation.Sum, []));
    }

    [Fact]
    public void An_average_lies_between_the_smallest_and_largest_period() =>
        Amount.List[1, 12].Sample(values =>
        {
            var ytd = YearToDate.Of(YtdAggregation.Average, values.Select((v, i) => (Month(2010, 4).AddMonths(i), v)))!.Value;
            Assert.InRange(ytd, values.Min(), values.Max());
        });

    [Theory]
    [InlineData(Polarity.LowerIsBetter, 100, 95, Trend.Improving)]
    [InlineData(Polarity.LowerIsBetter, 100, 105, Trend.Worsening)]
    [InlineData(Polarity.HigherIsBetter, 100, 105, Trend.Improving)]
    [InlineData(Polarity.HigherIsBetter, 100, 101.5, Trend.Stable)]
    [InlineData(Polarity.HigherIsBetter, 100, 98, Trend.Stable)]
    [InlineData(Polarity.HigherIsBetter, 100, 97.9, Trend.Worsening)]
    public void Trend_respects_polarity_and_the_two_percent_stability_band(Polarity polarity, double earlier, double current, Trend expected) =>
        Assert.Equal(expected, Trends.Compare((decimal)current, (decimal)earlier, polarity, 2m));

    [Fact]
    public void Swapping_polarity_swaps_improving_and_worsening() =>
        Gen.Select(Amount, Amount, Percent).Sample((current, earlier, band) =>
        {
            var higher = Trends.Compare(current, earlier, Polarity.HigherIsBetter, band);
            var lower = Trends.Compare(current, earlier, Polarity.LowerIsBetter, band);
            Assert.Equal(higher == Trend.Stable, lower == Trend.Stable);
            Assert.True(higher == Trend.Stable || higher != lower);
        });

    [Fact]
    public void Trends_compare_with_the_previous_period_and_the_same_period_last_year()
    {
        var figures = Figures(new() { [Month(2009, 11)] = 50m, [Month(2010, 10)] = 40m, [Month(2010, 11)] = 45m });

        var standing = PiStanding.Assess(figures, Month(2010, 11), new DateOnly(2010, 12, 9), PerformanceRules.Default);

        Assert.Equal(Trend.Worsening, standing.TrendOnPreviousPeriod);
        Assert.Equal(Trend.Improving, standing.TrendOnLastYear);
    }

    [Fact]
    public void A_missing_previous_period_gives_no_trend_rather_than_a_comparison_with_zero()
    {
        var figures = Figures(new() { [Month(2010, 9)] = 40m, [Month(2010, 11)] = 45m });

        var standing = PiStanding.Assess(figures, Month(2010, 11), new DateOnly(2010, 12, 9), PerformanceRules.Default);

        Assert.Null(standing.TrendOnPreviousPeriod);
        Assert.Null(standing.TrendOnLastYear);
        Assert.Equal(85m, standing.YtdActual);
    }

    [Fact]
    public void A_summed_indicator_projects_its_run_rate_to_the_year_end()
    {
        (DateOnly, decimal)[] quarterOne = [(Month(2010, 4), 49.12m), (Month(2010, 5), 48.71m), (Month(2010, 6), 49.15m)];

        var projection = YearEndProjection.RunRate(YtdAggregation.Sum, CollectionFrequency.Monthly, quarterOne, 572m, Polarity.LowerIsBetter)!;

        Assert.Equal(587.92m, projection.Outturn);
        Assert.False(projection.WillMeetTarget);
        Assert.StartsWith("Run rate", projection.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void An_averaged_indicator_projects_its_average_and_no_target_means_no_verdict()
    {
        (DateOnly, decimal)[] months = [(Month(2010, 4), 42m), (Month(2010, 5), 46m)];

        Assert.True(YearEndProjection.RunRate(YtdAggregation.Average, CollectionFrequency.Monthly, months, 44m, Polarity.HigherIsBetter)!.WillMeetTarget);
        Assert.Null(YearEndProjection.RunRate(YtdAggregation.Average, CollectionFrequency.Monthly, months, null, Polarity.HigherIsBetter)!.WillMeetTarget);
        Assert.Null(YearEndProjection.RunRate(YtdAggregation.Average, CollectionFrequency.Monthly, [], 44m, Polarity.HigherIsBetter));
    }

    [Fact]
    public void A_summed_run_rate_over_a_full_year_is_the_actual_outturn() =>
        Amount.List[1, 4].Sample(values =>
        {
            var quarters = values.Select((v, i) => (Month(2010, 4).AddMonths(3 * i), v)).ToList();
            var projection = YearEndProjection.RunRate(YtdAggregation.Sum, CollectionFrequency.Quarterly, quarters, null, Polarity.HigherIsBetter)!;
            Assert.Equal(values.Sum() / values.Count * 4, projection.Outturn);
        });

    [Theory]
    [InlineData(CollectionFrequency.Monthly, "2010-10-01", "2010-12-02", false)]
    [InlineData(CollectionFrequency.Monthly, "2010-10-01", "2010-12-03", true)]
    [InlineData(CollectionFrequency.Quarterly, "2010-07-01", "2011-01-03", false)]
    [InlineData(CollectionFrequency.Quarterly, "2010-07-01", "2011-01-04", true)]
    [InlineData(CollectionFrequency.Annual, "2009-04-01", "2011-04-05", false)]
    [InlineData(CollectionFrequency.Annual, "2009-04-01", "2011-04-06", true)]
    public void A_figure_is_stale_once_its_frequency_allows_no_more_days(CollectionFrequency frequency, string period, string today, bool stale) =>
        Assert.Equal(stale, StalenessRule.Default.IsStale(frequency, DateOnly.Parse(period, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Staleness_limits_are_configurable()
    {
        var strict = new StalenessRule(MonthlyDays: 10);

        Assert.True(strict.IsStale(CollectionFrequency.Monthly, Month(2010, 10), new DateOnly(2010, 11, 11)));
        Assert.Contains("MonthlyDays must be at least 1 day (it is 0).", new StalenessRule(MonthlyDays: 0).Validate());
    }

    [Theory]
    [InlineData(CollectionFrequency.Monthly, "2010-11-01", true)]
    [InlineData(CollectionFrequency.Monthly, "2010-11-02", false)]
    [InlineData(CollectionFrequency.Quarterly, "2010-10-01", true)]
    [InlineData(CollectionFrequency.Quarterly, "2010-11-01", false)]
    [InlineData(CollectionFrequency.Quarterly, "2011-01-01", true)]
    [InlineData(CollectionFrequency.Annual, "2010-04-01", true)]
    [InlineData(CollectionFrequency.Annual, "2010-01-01", false)]
    public void Periods_start_where_the_financial_year_divides(CollectionFrequency frequency, string date, bool isStart) =>
        Assert.Equal(isStart, PiPeriods.IsPeriodStart(frequency, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    private static PiStanding Standing(TrafficLight? light, Trend? trendOnLastYear, bool? projectedToMeet) =>
        new(Month(2010, 11), Month(2010, 11), 1m, 1m, light is null ? null : 1m, light, null, trendOnLastYear,
            projectedToMeet is null ? null : new YearEndProjection(1m, "Run rate", projectedToMeet), IsStale: false);

    [Fact]
    public void The_summary_leaves_out_indicators_without_a_target_or_enough_history_and_says_how_many()
    {
        PiStanding[] standings =
        [
            Standing(TrafficLight.Met, Trend.Improving, true),
            Standing(TrafficLight.WithinTolerance, Trend.Stable, true),
            Standing(TrafficLight.Missed, Trend.Worsening, false),
            Standing(null, Trend.Worsening, null),
            Standing(TrafficLight.Met, null, false),
        ];

        var summary = PerformanceSummary.Of(standings);

        Assert.Equal(new SummaryMeasure(2, 4, 1), summary.StableOrImproving);
        Assert.Equal(50, summary.StableOrImproving.Percent);
        Assert.Equal(new SummaryMeasure(2, 4, 1), summary.MetTarget);
        Assert.Equal(new SummaryMeasure(2, 4, 1), summary.ProjectedToMeet);
        Assert.Null(PerformanceSummary.Of([]).MetTarget.Percent);
    }

    [Fact]
    public void Summary_percentages_stay_between_0_and_100_and_count_every_indicator() =>
        Gen.Select(Gen.Enum<TrafficLight>(), Gen.Enum<Trend>(), Gen.Bool, Gen.Bool).Select((l, t, hasTarget, hasHistory) =>
                Standing(hasTarget ? l : null, hasHistory ? t : null, hasTarget ? l == TrafficLight.Met : null))
            .Array[0, 30].Sample(standings =>
            {
                var summary = PerformanceSummary.Of(standings);
                foreach (var measure in new[] { summary.StableOrImproving, summary.MetTarget, summary.ProjectedToMeet })
                {
                    Assert.Equal(standings.Length, measure.OutOf + measure.Excluded);
                    Assert.InRange(measure.Percent ?? 0, 0, 100);
                }
            });
}
