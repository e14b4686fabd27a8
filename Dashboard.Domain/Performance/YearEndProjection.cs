namespace Dashboard.Domain.Performance;

/// <summary>A forecast of the year-end outturn and whether it meets the year-end target.</summary>
/// <param name="Outturn">The projected figure for the whole financial year.</param>
/// <param name="Method">How it was worked out, in words the page shows beside it.</param>
/// <param name="WillMeetTarget">Whether the outturn meets the annual target; null when there is no target.</param>
public sealed record YearEndProjection(decimal Outturn, string Method, bool? WillMeetTarget)
{
    /// <summary>
    /// Projects by run rate: a summed indicator carries its average period on for the periods still to come;
    /// an averaged one stays at its year-to-date average; a "latest" one stays at its latest value.
    /// Null when the year has no figures yet.
    /// </summary>
    public static YearEndProjection? RunRate(
        YtdAggregation aggregation, CollectionFrequency frequency, IReadOnlyCollection<(DateOnly Period, decimal Value)> yearToDate,
        decimal? annualTarget, Polarity polarity) =>
        YearToDate.Of(aggregation, yearToDate) is { } ytd ? RunRate(aggregation, frequency, ytd, yearToDate.Count, annualTarget, polarity) : null;

    /// <summary>The same, from the year-to-date figure and how many periods it covers (at least one).</summary>
    public static YearEndProjection RunRate(
        YtdAggregation aggregation, CollectionFrequency frequency, decimal ytd, int periods, decimal? annualTarget, Polarity polarity)
    {
        var perYear = PiPeriods.PeriodsPerYear(frequency);
        var (outturn, method) = aggregation switch
        {
            YtdAggregation.Sum when periods >= perYear => (ytd, "Year complete: the actual outturn"),
            YtdAggregation.Sum => (ytd / periods * perYear, $"Run rate: average of {periods} of {perYear} periods × {perYear}"),
            YtdAggregation.Average => (ytd, "Run rate: the year-to-date average continues"),
            _ => (ytd, "Run rate: the latest value continues"),
        };
        bool? meets = annualTarget is { } target ? TrafficLights.Judge(outturn, target, polarity, 0) == TrafficLight.Met : null;
        return new YearEndProjection(outturn, method, meets);
    }
}
