namespace Dashboard.Domain.Performance;

/// <summary>Adds a financial year's period figures up to a year-to-date figure, the way the indicator says.</summary>
public static class YearToDate
{
    /// <summary>
    /// The year-to-date figure of the periods given (in any order); null when there are none. Missing periods
    /// are simply absent — a gap, never a zero that would drag a sum or an average down.
    /// </summary>
    public static decimal? Of(YtdAggregation aggregation, IEnumerable<(DateOnly Period, decimal Value)> periods)
    {
        var list = periods.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            YtdAggregation.Sum => list.Sum(p => p.Value),
            YtdAggregation.Average => list.Average(p => p.Value),
            _ => list.MaxBy(p => p.Period).Value,
        };
    }
}
