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
    public IndicatorRules Rules => new(Polarity, Frequency, Aggregation, TolerancePercent, IsDataOnly);

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
        decimal? ValueAt(DateOnly period) => figures.Values.TryGetValue(period, out var value) ? value : null;

        YearToDateTotals? totals = null;
        if (yearToDate.Count > 0)
        {
            var (current, currentValue) = yearToDate[^1];
            var targets = yearToDate.Where(v => figures.PeriodTargets.ContainsKey(v.Period)).Select(v => figures.PeriodTargets[v.Period]).ToList();
            totals = new YearToDateTotals(
                yearToDate.Count,
                yearToDate.Sum(v => v.Value),
                current,
                currentValue,
                ValueAt(PiPeriods.Previous(figures.Frequency, current)),
                ValueAt(PiPeriods.SamePeriodLastYear(current)),
                targets.Count,
                targets.Sum(),
                figures.PeriodTargets.TryGetValue(current, out var currentTarget) ? currentTarget : null);
        }

        decimal? annualTarget = figures.AnnualTargets.TryGetValue(year.StartYear, out var a) ? a : null;
        return FromTotals(figures.Rules, asAtMonth, totals, annualTarget, latest, latest is { } l ? figures.Values[l] : null, judgedOn, rules);
    }

    /// <summary>The standing of an indicator with no figure at all by the month: nothing to judge, and stale.</summary>
    public static PiStanding WithoutFigures(DateOnly asAtMonth) => new(asAtMonth, null, null, null, null, null, null, null, null, IsStale: true);

    /// <summary>
    /// The standing from year-to-date figures already added up (the quarterly rollup has the database add them
    /// up for every indicator at once); <see cref="Assess"/> adds them up in memory and comes here too.
    /// </summary>
    /// <param name="indicator">How the indicator is judged.</param>
    /// <param name="asAtMonth">The month the figures are as at.</param>
    /// <param name="totals">The financial year's figures up to that month; null when there are none.</param>
    /// <param name="annualTarget">The year's annual target, if any (ignored for a data-only indicator).</param>
    /// <param name="latest">The latest period with a value by that month, in any year.</param>
    /// <param name="latestValue">Its value.</param>
    /// <param name="judgedOn">The day staleness is judged on.</param>
    /// <param name="rules">Stability band and staleness limits.</param>
    public static PiStanding FromTotals(
        IndicatorRules indicator, DateOnly asAtMonth, YearToDateTotals? totals, decimal? annualTarget, DateOnly? latest, decimal? latestValue, DateOnly judgedOn, PerformanceRules rules)
    {
        annualTarget = indicator.IsDataOnly ? null : annualTarget;
        var ytdActual = totals?.Actual(indicator.Aggregation);
        var ytdTarget = indicator.IsDataOnly || totals is null ? null : YtdTargetOf(indicator, totals, annualTarget);
        TrafficLight? light = ytdActual is { } actual && ytdTarget is { } target
            ? TrafficLights.Judge(actual, target, indicator.Polarity, indicator.TolerancePercent)
            : null;

        Trend? TrendAgainst(decimal? earlier) =>
            totals is not null && earlier is { } before
                ? Trends.Compare(totals.CurrentValue, before, indicator.Polarity, rules.StabilityBandPercent)
                : null;

        return new PiStanding(
            asAtMonth,
            latest,
            latestValue,
            ytdActual,
            ytdTarget,
            light,
            TrendAgainst(totals?.PreviousPeriodValue),
            TrendAgainst(totals?.SamePeriodLastYearValue),
            totals is null ? null : YearEndProjection.RunRate(indicator.Aggregation, indicator.Frequency, totals.Actual(indicator.Aggregation), totals.Count, annualTarget, indicator.Polarity),
            latest is not { } last || rules.Staleness.IsStale(indicator.Frequency, last, judgedOn));
    }

    /// <summary>
    /// The target for the same periods the actual covers, so a missing month is left out of both sides
    /// rather than counted as a miss. Without period targets, an annual target stands for a rate, or for a
    /// sum once the whole year is in.
    /// </summary>
    private static decimal? YtdTargetOf(IndicatorRules indicator, YearToDateTotals totals, decimal? annualTarget)
    {
        if (totals.PeriodTargetCount == totals.Count)
        {
            return totals.PeriodTarget(indicator.Aggregation);
        }

        var wholeYear = totals.Count >= PiPeriods.PeriodsPerYear(indicator.Frequency);
        return indicator.Aggregation != YtdAggregation.Sum || wholeYear ? annualTarget : null;
    }
}

/// <summary>How an indicator is judged: the catalogue settings the rules read.</summary>
public sealed record IndicatorRules(Polarity Polarity, CollectionFrequency Frequency, YtdAggregation Aggregation, decimal TolerancePercent, bool IsDataOnly);

/// <summary>
/// One council's figures of an indicator for its financial year up to a month, already added up: all the
/// traffic light, trends and projection need, whether added up in memory or by the database.
/// </summary>
/// <param name="Count">Periods of the year with a value, up to the month (at least one).</param>
/// <param name="Sum">Their values added up.</param>
/// <param name="Current">The latest of those periods.</param>
/// <param name="CurrentValue">Its value.</param>
/// <param name="PreviousPeriodValue">The value of the period before <paramref name="Current"/>, if there is one.</param>
/// <param name="SamePeriodLastYearValue">The value of the same period a year before, if there is one.</param>
/// <param name="PeriodTargetCount">How many of the periods have a target of their own.</param>
/// <param name="PeriodTargetSum">Those targets added up.</param>
/// <param name="CurrentPeriodTarget">The target of <paramref name="Current"/>, if it has one.</param>
public sealed record YearToDateTotals(
    int Count,
    decimal Sum,
    DateOnly Current,
    decimal CurrentValue,
    decimal? PreviousPeriodValue,
    decimal? SamePeriodLastYearValue,
    int PeriodTargetCount,
    decimal PeriodTargetSum,
    decimal? CurrentPeriodTarget)
{
    /// <summary>The year-to-date actual, as <see cref="YearToDate.Of"/> works it out from the periods.</summary>
    public decimal Actual(YtdAggregation aggregation) => Aggregate(aggregation, Sum, CurrentValue);

    /// <summary>The period targets added up the same way; null unless every period has one.</summary>
    public decimal? PeriodTarget(YtdAggregation aggregation) =>
        PeriodTargetCount == Count && CurrentPeriodTarget is { } current ? Aggregate(aggregation, PeriodTargetSum, current) : null;

    private decimal Aggregate(YtdAggregation aggregation, decimal sum, decimal current) => aggregation switch
    {
        YtdAggregation.Sum => sum,
        YtdAggregation.Average => sum / Count,
        _ => current,
    };
}
