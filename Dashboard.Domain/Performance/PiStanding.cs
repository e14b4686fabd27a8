using Dashboard.Domain.Time;

namespace Dashboard.Domain.Performance;

/// <summary>The council-wide settings the performance rules use.</summary>
/// <param name="StabilityBandPercent">A change no bigger than this percentage of the earlier value counts as stable.</param>
/// <param name="Staleness">How late a figure may be for its frequency before it is stale.</param>
public sealed record PerformanceRules(decimal StabilityBandPercent, StalenessRule Staleness)
{
    public static PerformanceRules Default { get; } = new(2m, StalenessRule.Default);
}

/// <summary>One indicator's figures for one council: what the rules need, without the database.</summary>
public sealed record PiFigures(
    Polarity Polarity,
    CollectionFrequency Frequency,
    YtdAggregation Aggregation,
    decimal TolerancePercent,
    bool IsDataOnly,
    IReadOnlyDictionary<DateOnly, decimal> Values,
    IReadOnlyDictionary<DateOnly, decimal> PeriodTargets,
    IReadOnlyDictionary<int, decimal> AnnualTargets)
{
    public static PiFigures For(PerformanceIndicator pi, int councilId) => new(
        pi.Polarity, pi.Frequency, pi.Aggregation, pi.TolerancePercent, pi.IsDataOnly,
        pi.Values.Where(v => v.CouncilId == councilId).ToDictionary(v => v.PeriodStart, v => v.Value),
        pi.Targets.Where(t => t.CouncilId == councilId && t.PeriodStart is not null).ToDictionary(t => t.PeriodStart!.Value, t => t.Target),
        pi.Targets.Where(t => t.CouncilId == councilId && t.PeriodStart is null).ToDictionary(t => t.FinancialYear, t => t.Target));
}

/// <summary>
/// Where one indicator stands for one council as at the end of a month: year-to-date actual and target,
/// traffic light, trends, year-end projection and whether its latest figure is stale.
/// </summary>
public sealed record PiStanding(
    DateOnly AsAtMonth,
    DateOnly? LatestPeriod,
    decimal? LatestValue,
    decimal? YtdActual,
    decimal? YtdTarget,
    TrafficLight? Light,
    Trend? TrendOnPreviousPeriod,
    Trend? TrendOnLastYear,
    YearEndProjection? Projection,
    bool IsStale)
{
    /// <summary>Whether the indicator has a target to be judged against (data-only ones and years without targets do not).</summary>
    public bool HasTarget => YtdTarget is not null;

    /// <param name="figures">The council's values and targets.</param>
    /// <param name="asAtMonth">The first day of the month the figures are as at; periods that started by then count.</param>
    /// <param name="judgedOn">The day staleness is judged on (the reporting date, or the report date for a past month).</param>
    /// <param name="rules">Stability band and staleness limits.</param>
    public static PiStanding Assess(PiFigures figures, DateOnly asAtMonth, DateOnly judgedOn, PerformanceRules rules)
    {
        var year = FinancialYear.Of(asAtMonth);
        var yearToDate = figures.Values
            .Where(v => year.Contains(v.Key) && v.Key <= asAtMonth)
            .Select(v => (Period: v.Key, v.Value))
            .OrderBy(v => v.Period)
            .ToList();
        var latest = figures.Values.Keys.Where(p => p <= asAtMonth).Order().Cast<DateOnly?>().LastOrDefault();
        var ytdActual = YearToDate.Of(figures.Aggregation, yearToDate);
        decimal? annualTarget = !figures.IsDataOnly && figures.AnnualTargets.TryGetValue(year.StartYear, out var a) ? a : null;
        var ytdTarget = figures.IsDataOnly ? null : YtdTargetOf(figures, year, yearToDate, annualTarget);
        TrafficLight? light = ytdActual is { } actual && ytdTarget is { } target
            ? TrafficLights.Judge(actual, target, figures.Polarity, figures.TolerancePercent)
            : null;

        Trend? TrendAgainst(DateOnly earlier) =>
            yearToDate.Count > 0 && figures.Values.TryGetValue(earlier, out var before)
                ? Trends.Compare(yearToDate[^1].Value, before, figures.Polarity, rules.StabilityBandPercent)
                : null;

        var current = yearToDate.Count > 0 ? yearToDate[^1].Period : (DateOnly?)null;
        return new PiStanding(
            asAtMonth,
            latest,
            latest is { } l ? figures.Values[l] : null,
            ytdActual,
            ytdTarget,
            light,
            current is { } c ? TrendAgainst(PiPeriods.Previous(figures.Frequency, c)) : null,
            current is { } d ? TrendAgainst(PiPeriods.SamePeriodLastYear(d)) : null,
            YearEndProjection.RunRate(figures.Aggregation, figures.Frequency, yearToDate, annualTarget, figures.Polarity),
            latest is not { } last || rules.Staleness.IsStale(figures.Frequency, last, judgedOn));
    }

    /// <summary>
    /// The target for the same periods the actual covers, so a missing month is left out of both sides
    /// rather than counted as a miss. Without period targets, an annual target stands for a rate, or for a
    /// sum once the whole year is in.
    /// </summary>
    private static decimal? YtdTargetOf(PiFigures figures, FinancialYear year, List<(DateOnly Period, decimal Value)> yearToDate, decimal? annualTarget)
    {
        if (yearToDate.Count == 0)
        {
            return null;
        }

        if (yearToDate.All(v => figures.PeriodTargets.ContainsKey(v.Period)))
        {
            return YearToDate.Of(figures.Aggregation, yearToDate.Select(v => (v.Period, figures.PeriodTargets[v.Period])));
        }

        var wholeYear = yearToDate.Count >= PiPeriods.PeriodsPerYear(figures.Frequency) && year.Contains(yearToDate[0].Period);
        return figures.Aggregation != YtdAggregation.Sum || wholeYear ? annualTarget : null;
    }
}
