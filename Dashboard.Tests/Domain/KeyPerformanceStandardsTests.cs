using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

public sealed class KeyPerformanceStandardsTests
{
    private const int Bdc = 1;
    private const int Rbc = 2;

    /// <summary>
    /// Household waste, monthly kg, lower is better: BDC's quarter adds up to Appendix B's 142.99 target and 146.98
    /// actual; RBC's months are illustrative (the report prints no RBC actual).
    /// </summary>
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
        Month(Rbc, 4, 46.6m, 47.2m);
        Month(Rbc, 5, 47.1m, 47.2m);
        Month(Rbc, 6, 46.3m, 47.1m);
        return pi;
    }

    [Fact]
    public void Reproduces_the_reports_household_waste_row_at_the_end_of_quarter_1()
    {
        var pi = HouseholdWaste();

        var bdc = KeyPerformanceStandards.For(pi, Bdc, new DateOnly(2010, 6, 1), PerformanceRules.Default);
        var rbc = KeyPerformanceStandards.For(pi, Rbc, new DateOnly(2010, 6, 1), PerformanceRules.Default);

        Assert.Equal((142.99m, 146.98m, 3), (bdc.YtdTarget, bdc.YtdActual, bdc.PeriodsCounted));
        Assert.Equal(Rag.Amber, bdc.TrafficLight); // 2.8% over a lower-is-better target, inside the 5% tolerance
        Assert.Equal(580.4m, bdc.Baseline);
        Assert.Equal((141.5m, 140m), (rbc.YtdTarget, rbc.YtdActual));
        Assert.Equal(Rag.Green, rbc.TrafficLight);
        Assert.Null(rbc.Baseline);
    }

    [Fact]
    public void The_target_covers_only_the_periods_with_actuals()
    {
        var pi = HouseholdWaste();

        var rbcToJuly = KeyPerformanceStandards.For(pi, Rbc, new DateOnly(2010, 7, 1), PerformanceRules.Default);
        var bdcToJuly = KeyPerformanceStandards.For(pi, Bdc, new DateOnly(2010, 7, 1), PerformanceRules.Default);

        Assert.Equal((141.5m, 3), (rbcToJuly.YtdTarget, rbcToJuly.PeriodsCounted));
        Assert.Equal(Rag.Red, bdcToJuly.TrafficLight);
    }

    [Fact]
    public void An_annual_sum_target_without_period_targets_is_judged_once_the_whole_year_is_in()
    {
        var savings = new PerformanceIndicator
        {
            Ref = "PRO 01", Description = "Savings", Unit = "£k", Polarity = Polarity.HigherIsBetter,
            Frequency = CollectionFrequency.Quarterly, Aggregation = YtdAggregation.Sum, TolerancePercent = 10m, DecimalPlaces = 1,
        };
        savings.Targets.Add(new PiTarget { CouncilId = Bdc, FinancialYear = 2010, Target = 90m });
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2010, 4, 1), Value = 20m });
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2010, 7, 1), Value = 25m });

        // Half-way through the year a yearly sum is not yet comparable: no target, no light (never a made-up pro rata).
        var partWay = KeyPerformanceStandards.For(savings, Bdc, new DateOnly(2010, 11, 1), PerformanceRules.Default);
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2010, 10, 1), Value = 25m });
        savings.Values.Add(new PiValue { CouncilId = Bdc, PeriodStart = new DateOnly(2011, 1, 1), Value = 22m });
        var yearEnd = KeyPerformanceStandards.For(savings, Bdc, new DateOnly(2011, 3, 1), PerformanceRules.Default);

        Assert.Equal((null, 45m, (Rag?)null), (partWay.YtdTarget, partWay.YtdActual, partWay.TrafficLight));
        Assert.Equal((90m, 92m, Rag.Green, 4), (yearEnd.YtdTarget, yearEnd.YtdActual, yearEnd.TrafficLight, yearEnd.PeriodsCounted));
    }

    [Fact]
    public void Data_only_indicators_have_no_target_or_traffic_light()
    {
        var pi = HouseholdWaste();
        pi.IsDataOnly = true;

        var bdc = KeyPerformanceStandards.For(pi, Bdc, new DateOnly(2010, 6, 1), PerformanceRules.Default);

        Assert.Equal((null, 146.98m, (Rag?)null), (bdc.YtdTarget, bdc.YtdActual, bdc.TrafficLight));
    }
}
