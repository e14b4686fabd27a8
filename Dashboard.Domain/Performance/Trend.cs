namespace Dashboard.Domain.Performance;

/// <summary>Direction of travel, already turned the right way by the indicator's polarity.</summary>
public enum Trend
{
    Improving = 1,
    Stable = 2,
    Worsening = 3,
}

public static class Trends
{
    /// <summary>
    /// Compares a value with an earlier one. A change no bigger than the stability band (a percentage of
    /// the earlier value) is stable, so noise of a few tenths does not flip the arrow every month.
    /// </summary>
    public static Trend Compare(decimal current, decimal earlier, Polarity polarity, decimal stabilityBandPercent)
    {
        var change = current - earlier;
        if (Math.Abs(change) <= Math.Abs(earlier) * stabilityBandPercent / 100m)
        {
            return Trend.Stable;
        }

        var better = polarity == Polarity.HigherIsBetter ? change > 0 : change < 0;
        return better ? Trend.Improving : Trend.Worsening;
    }

    public static string Word(Trend trend) => trend switch
    {
        Trend.Improving => "Improving",
        Trend.Stable => "Stable",
        _ => "Worsening",
    };
}
