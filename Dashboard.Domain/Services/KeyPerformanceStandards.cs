using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;

namespace Dashboard.Domain.Services;

/// <summary>One council's side of a key performance standard row (Appendix B).</summary>
/// <param name="Baseline">The pre-shared-services baseline.</param>
/// <param name="YtdTarget">The target for the same periods as <paramref name="YtdActual"/>.</param>
/// <param name="YtdActual">The year-to-date actual.</param>
/// <param name="PeriodsCounted">How many periods' values make up the year to date.</param>
/// <param name="TrafficLight">Null for data-only indicators or without both a target and an actual.</param>
public sealed record CouncilStandard(decimal? Baseline, decimal? YtdTarget, decimal? YtdActual, int PeriodsCounted, Rag? TrafficLight);

/// <summary>
/// The key performance standards table of a live service's benefits realisation report (Appendix B):
/// baseline, YTD target, YTD actual and a traffic light for each council, side by side.
/// </summary>
public static class KeyPerformanceStandards
{
    /// <param name="indicator">The PI with its values, targets and baselines loaded.</param>
    /// <param name="councilId">Whose figures.</param>
    /// <param name="year">The financial year the YTD runs in.</param>
    /// <param name="upTo">The last period to count (a period starting after it is left out).</param>
    public static CouncilStandard For(PerformanceIndicator indicator, int councilId, FinancialYear year, DateOnly upTo)
    {
        var baseline = indicator.Baselines.FirstOrDefault(b => b.CouncilId == councilId)?.Value;
        var values = indicator.Values
            .Where(v => v.CouncilId == councilId && year.Contains(v.PeriodStart) && v.PeriodStart <= upTo)
            .OrderBy(v => v.PeriodStart)
            .ToList();
        var actual = Aggregate(values.Select(v => v.Value), indicator.Aggregation, indicator.DecimalPlaces);
        if (indicator.IsDataOnly)
        {
            return new CouncilStandard(baseline, null, actual, values.Count, null);
        }

        var target = YtdTarget(indicator, councilId, year, values.Select(v => v.PeriodStart).ToList());
        var light = actual is { } a && target is { } t ? TrafficLight(a, t, indicator.Polarity, indicator.TolerancePercent) : (Rag?)null;
        return new CouncilStandard(baseline, target, actual, values.Count, light);
    }

    /// <summary>Adds, averages or takes the latest of the period values, as the indicator is defined.</summary>
    public static decimal? Aggregate(IEnumerable<decimal> valuesInPeriodOrder, YtdAggregation aggregation, int decimalPlaces)
    {
        var values = valuesInPeriodOrder.ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            YtdAggregation.Sum => values.Sum(),
            YtdAggregation.Average => Math.Round(values.Average(), decimalPlaces, MidpointRounding.AwayFromZero),
            _ => values[^1],
        };
    }

    /// <summary>
    /// Green when the target is met; Amber when missed by no more than the indicator's tolerance
    /// (a percentage of the target); Red beyond it. Polarity decides which side of the target is better.
    /// </summary>
    public static Rag TrafficLight(decimal actual, decimal target, Polarity polarity, decimal tolerancePercent)
    {
        var shortfall = polarity == Polarity.HigherIsBetter ? target - actual : actual - target;
        if (shortfall <= 0)
        {
            return Rag.Green;
        }

        return shortfall <= Math.Abs(target) * tolerancePercent / 100 ? Rag.Amber : Rag.Red;
    }

    /// <summary>
    /// The target for exactly the periods that have actuals, so a late value does not make the
    /// comparison unfair. Without period targets, the annual target stands (pro rata for summed indicators).
    /// </summary>
    private static decimal? YtdTarget(PerformanceIndicator indicator, int councilId, FinancialYear year, IReadOnlyList<DateOnly> periods)
    {
        if (periods.Count == 0)
        {
            return null;
        }

        var targets = indicator.Targets.Where(t => t.CouncilId == councilId && t.FinancialYear == year.StartYear).ToList();
        var byPeriod = targets.Where(t => t.PeriodStart is not null).ToDictionary(t => t.PeriodStart!.Value, t => t.Target);
        if (periods.All(byPeriod.ContainsKey))
        {
            return Aggregate(periods.Select(p => byPeriod[p]), indicator.Aggregation, indicator.DecimalPlaces);
        }

        if (targets.FirstOrDefault(t => t.PeriodStart is null) is not { } annual)
        {
            return null;
        }

        if (indicator.Aggregation != YtdAggregation.Sum)
        {
            return annual.Target;
        }

        var periodsPerYear = indicator.Frequency switch
        {
            CollectionFrequency.Monthly => 12,
            CollectionFrequency.Quarterly => 4,
            _ => 1,
        };
        return Math.Round(annual.Target * periods.Count / periodsPerYear, indicator.DecimalPlaces, MidpointRounding.AwayFromZero);
    }
}
