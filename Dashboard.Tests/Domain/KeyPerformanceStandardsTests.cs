using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;

namespace Dashboard.Tests.Domain;

public sealed class KeyPerformanceStandardsTests
{
    private const int Bdc = 1;
    private const int Rbc = 2;
    private static readonly FinancialYear Year2010 = new(2010);

    /// <summary>Appendix B's household waste row: monthly kg, lower is better.</summary>
    private static PerformanceIndicator HouseholdWaste()
    {
        var pi = new PerformanceIndicator
        {
            Ref = "NI 191",
            Description = "Household waste (kg)",
            Unit = "kg",
            Polarity = Polarity.LowerIsBetter,
            Frequency = CollectionFrequency.Monthly,
            Aggregation = YtdAggregation.Sum,
            TolerancePercent = 5m,
        };
        pi.Baselines.Add(new PiBaseline { CouncilId = Bdc, Value = 580.4m });
        void Month(int council, int month, decimal value, decimal target)
        {
            var start = new DateOnly(2010, month, 1);
            pi.Values.Add(new PiValue { CouncilId = council, PeriodStart = start, Value = value });
            pi.Targets.Add(new PiTarget { CouncilId = council, FinancialYear = 2010, PeriodStart = start, Target = target });
        }

        Month(Bdc, 4, 49.12m, 47.66m);
        Month(Bdc, 5, 48.71m, 47.66m);
        Month(Bdc, 6, 49.15m, 47.67m);
        Month(Bdc, 7, 60m, 47.67m);
        Month(Rbc, 4, 192.6m, 192.67m);
        Month(Rbc, 5, 193.1m, 192.67m);
        Month(Rbc, 6, 192.3m, 192.66m);
        return pi;
    }

    [Fact]
    public void Reproduces_the_reports_household_waste_row_at_the_end_of_quarter_1()
    {
        var pi = HouseholdWaste();

        var bdc = KeyPerformanceStandards.For(pi, Bdc, Year2010, upTo: new DateOnly(2010, 6, 1));
        var rbc = KeyPerformanceStandards.For(pi, Rbc, Year2010, upTo: new DateOnly(2010, 6, 1));

        Assert.Equal((142.99m, 146.98m, 3), (bdc.YtdTarget, bdc.YtdActual, bdc.PeriodsCounted));
        Assert.Equal(Rag.Amber, bdc.TrafficLight); // 2.8% over a lower-is-better target, inside the 5% tolerance
        Assert.Equal(580.4m, bdc.Baseline);
        Assert.Equal((578m, 578m), (rbc.YtdTarget, rbc.YtdActual));
        Assert.Equal(Rag.Green, rbc.TrafficLight);
        Assert.Null(rbc.Baseline);
    }

    [Fact]
    public void The_target_covers_only_the_periods_with_actuals()
    {
        var pi = HouseholdWaste();

        var rbcToJuly = KeyPerformanceStandards.For(pi, Rbc, Year2010, upTo: new DateOnly(2010, 7, 1));
        var bdcToJuly = KeyPerformanceStandards.For(pi, Bdc, Year2010, upTo: new DateOnly(2010, 7, 1));

        Assert.Equal((578m, 3), (rbcToJuly.YtdTarget, rbcToJuly.PeriodsCounted));
        Assert.Equal(Rag.Red, bdcToJuly.TrafficLight);
    }

    [Theory]
    [InlineData(70, 70, Polarity.HigherIsBetter, Rag.Green)]
    [InlineData(66.5, 70, Polarity.HigherIsBetter, Rag.Amber)]
    [InlineData(66.4, 70, Polarity.HigherIsBetter, Rag.Red)]
    [InlineData(8.0, 8.5, Polarity.LowerIsBetter, Rag.Green)]
    [InlineData(8.9, 8.5, Polarity.LowerIsBetter, Rag.Amber)]
    [InlineData(9.0, 8.5, Polarity.LowerIsBetter, Rag.Red)]
    public void The_traffic_light_follows_polarity_and_tolerance(double actual, double target, Polarity polarity, Rag expected)
    {
        Assert.Equal(expected, KeyPerformanceStandards.TrafficLight((decimal)actual, (decimal)target, polarity, 5m));
    }

    [Fact]
    public void Averages_and_latest_values_and_an_annual_target_without_period_targets()
    {
        Assert.Equal(43.07m, KeyPerformanceStandards.Aggregate([43.06m, 43.08m, 43.075m], YtdAggregation.Average, 2));
        Assert.Equal(95.1m, KeyPerformanceStandards.Aggregate([93m, 95.1m], YtdAggregation.Latest, 1));
        Assert.Null(KeyPerformanceStandards.Aggregate([], YtdAggregation.Sum, 2));

        var savings = new PerformanceIndicator
        {
            Ref = "PRO 01", Description = "Savings", Unit = "£k", Polarity = Polarity.HigherIsBetter,
            Frequency = CollectionFrequency.Quarterly, Aggregation = YtdAggregation.Sum, TolerancePercent = 10m, DecimalPlaces = 1,
        };
        savings.Targets.Add(new PiTarget { CouncilId = Bdc, FinancialYear = 2010, Target = 90m });
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2010, 4, 1), Value = 20m });
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2010, 7, 1), Value = 25m });

        var standard = KeyPerformanceStandards.For(savings, Bdc, Year2010, new DateOnly(2010, 11, 1));

        Assert.Equal((45m, 45m, Rag.Green), (standard.YtdTarget, standard.YtdActual, standard.TrafficLight));
    }

    [Fact]
    public void Data_only_indicators_have_no_target_or_traffic_light()
    {
        var pi = HouseholdWaste();
        pi.IsDataOnly = true;

        var bdc = KeyPerformanceStandards.For(pi, Bdc, Year2010, new DateOnly(2010, 6, 1));

        Assert.Equal((null, 146.98m, (Rag?)null), (bdc.YtdTarget, bdc.YtdActual, bdc.TrafficLight));
    }
}
