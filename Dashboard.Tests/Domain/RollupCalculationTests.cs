using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;

namespace Dashboard.Tests.Domain;

/// <summary>Q3 2010/11's figures on a small dataset, checked against values worked out by hand.</summary>
public sealed class RollupCalculationTests
{
    private static readonly FinancialQuarter Q3 = new FinancialYear(2010).Quarter(3);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static RiskAssessment A(int y, int m, int d, Likelihood l, Impact i, int hour = 10) =>
        new() { Likelihood = l, Impact = i, AssessedAt = new DateTimeOffset(y, m, d, hour, 0, 0, TimeSpan.Zero), Reason = "Reviewed." };

    private static IReadOnlyList<RollupFigure> Figures() => RollupCalculation.Compute(
        Q3,
        ["BDC", "RBC"],
        [
            new(1, ServicePhase.Live, [(D(2010, 10, 1), Rag.Green), (D(2010, 12, 1), Rag.Amber)], []),
            new(2, ServicePhase.Live, [(D(2010, 11, 1), Rag.Red), (D(2011, 1, 1), Rag.Green)], []), // January is after the quarter
            new(3, ServicePhase.ProjectUnderway, [(D(2010, 12, 1), Rag.Amber)], [D(2010, 11, 30)]),
            new(4, ServicePhase.ProjectUnderway, [(D(2010, 11, 1), Rag.Red)], [D(2010, 9, 30)]), // Red, no report this quarter
            new(5, ServicePhase.ProjectUnderway, [], []),
        ],
        [
            new(1, "BDC", D(2010, 6, 1), null, [A(2010, 7, 1, Likelihood.Significant, Impact.Major), A(2010, 11, 15, Likelihood.Medium, Impact.Marginal)]), // 9 → 4: down
            new(2, null, D(2010, 6, 1), null, [A(2010, 8, 1, Likelihood.Low, Impact.Marginal), A(2010, 12, 31, Likelihood.Significant, Impact.Critical, hour: 18)]), // 2 → 12 on the last day: up
            new(3, "RBC", D(2010, 10, 1), null, [A(2010, 10, 1, Likelihood.Medium, Impact.Major)]), // 6, new this quarter
            new(4, "RBC", D(2010, 6, 1), D(2010, 12, 1), [A(2010, 6, 1, Likelihood.High, Impact.Critical)]), // closed in the quarter
            new(5, "BDC", D(2011, 1, 5), null, [A(2011, 1, 5, Likelihood.High, Impact.Critical)]), // raised after it
        ],
        [
            new("BDC", 246_000m, 240_000m, 123_000m), new("BDC", 120_000m, 120_000m, null), new("RBC", 268_000m, 268_000m, null),
            new(null, 330_000m, 330_000m, null), // not split between the councils: in no total
        ],
        [
            new("BDC", Standing(TrafficLight.Met, Trend.Improving, willMeet: true)),
            new("BDC", Standing(TrafficLight.Missed, Trend.Worsening, willMeet: false)),
            new("RBC", Standing(TrafficLight.WithinTolerance, Trend.Stable, willMeet: true)),
            new("RBC", Standing(light: null, lastYear: null, willMeet: null)), // data only, no figure a year ago
        ],
        ScoreBandSet.Default);

    private static PiStanding Standing(TrafficLight? light, Trend? lastYear, bool? willMeet) => new(
        D(2010, 12, 1), D(2010, 12, 1), 10m, 30m, light is null ? null : 30m, light, Trend.Stable, lastYear,
        willMeet is null ? null : new YearEndProjection(120m, "Run rate", willMeet), IsStale: false);

    private static decimal Value(string scope, string measure) => Figures().Single(f => f.Scope == scope && f.Measure == measure).Value;

    [Fact]
    public void Services_are_counted_by_their_latest_rag_at_quarter_end()
    {
        Assert.Equal(0, Value("Combined", "Services Green"));
        Assert.Equal(2, Value("Combined", "Services Amber"));
        Assert.Equal(2, Value("Combined", "Services Red"));
        Assert.Equal(1, Value("Combined", "Services No status"));
        Assert.Equal(1, Value("Combined", RollupCalculation.ProjectsMissingHighlightReports));
        Assert.DoesNotContain(Figures(), f => f.Scope == "BDC" && f.Measure.StartsWith("Services", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Combined", 0, 2, 1, 1, 1)]
    [InlineData("BDC", 0, 1, 1, 1, 1)]
    [InlineData("RBC", 0, 1, 1, 1, 0)]
    public void Risks_open_at_quarter_end_are_counted_per_band_with_movement_since_the_previous_quarter(string scope, int low, int medium, int high, int up, int down)
    {
        Assert.Equal(low, Value(scope, "Risks Tolerable"));
        Assert.Equal(medium, Value(scope, "Risks Moderate"));
        Assert.Equal(high, Value(scope, "Risks Severe"));
        Assert.Equal(up, Value(scope, RollupCalculation.RisksMovedUp));
        Assert.Equal(down, Value(scope, RollupCalculation.RisksMovedDown));
    }

    [Theory]
    [InlineData("Combined", 634_000, 628_000, 123_000, 2)]
    [InlineData("BDC", 366_000, 360_000, 123_000, 1)]
    public void Savings_forecast_and_delivered_to_date_are_set_against_target_per_council_and_combined(string scope, int target, int forecast, int delivered, int notReported)
    {
        Assert.Equal(target, Value(scope, RollupCalculation.SavingsTarget));
        Assert.Equal(forecast, Value(scope, RollupCalculation.SavingsForecast));
        Assert.Equal(delivered, Value(scope, RollupCalculation.SavingsDelivered));
        Assert.Equal(notReported, Value(scope, RollupCalculation.SavingsLinesNotReported));
    }

    [Fact]
    public void A_council_whose_lines_have_not_reported_delivered_to_date_has_no_delivered_figure_rather_than_nothing_delivered()
    {
        Assert.Equal((268_000m, 268_000m, 1m), (Value("RBC", RollupCalculation.SavingsTarget), Value("RBC", RollupCalculation.SavingsForecast), Value("RBC", RollupCalculation.SavingsLinesNotReported)));
        Assert.DoesNotContain(Figures(), f => f.Scope == "RBC" && f.Measure == RollupCalculation.SavingsDelivered);
    }

    [Fact]
    public void The_same_inputs_give_identical_figures()
    {
        Assert.Equal(
            Figures().Select(f => (f.Scope, f.Measure, f.Value)),
            Figures().Select(f => (f.Scope, f.Measure, f.Value)));
    }

    [Theory]
    [InlineData("BDC", 50, 50, 50, 0, 1, 0, 1)]
    [InlineData("RBC", 100, 0, 100, 1, 0, 1, 0)]
    [InlineData("Combined", 67, 33, 67, 1, 1, 1, 1)]
    public void The_boards_three_pi_figures_and_traffic_light_counts_are_kept_per_council_and_combined(
        string scope, int stableOrImproving, int metTarget, int projected, int excluded, int met, int withinTolerance, int missed)
    {
        Assert.Equal(stableOrImproving, Value(scope, PerformanceSummary.StableOrImprovingWording));
        Assert.Equal(metTarget, Value(scope, PerformanceSummary.MetTargetWording));
        Assert.Equal(projected, Value(scope, PerformanceSummary.ProjectedToMeetWording));
        Assert.Equal(excluded, Value(scope, RollupCalculation.IndicatorsExcludedFromTrend));
        Assert.Equal(met, Value(scope, RollupCalculation.Indicators(TrafficLight.Met)));
        Assert.Equal(withinTolerance, Value(scope, RollupCalculation.Indicators(TrafficLight.WithinTolerance)));
        Assert.Equal(missed, Value(scope, RollupCalculation.Indicators(TrafficLight.Missed)));
    }
}
