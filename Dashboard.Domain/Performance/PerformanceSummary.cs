namespace Dashboard.Domain.Performance;

/// <summary>One of the board's summary figures: how many of how many, and how many were left out.</summary>
/// <param name="Count">Indicators that meet the measure.</param>
/// <param name="OutOf">Indicators the measure applies to (the denominator).</param>
/// <param name="Excluded">Indicators left out of the denominator, said on screen with the reason.</param>
public sealed record SummaryMeasure(int Count, int OutOf, int Excluded)
{
    /// <summary>The whole-number percentage the report prints; null when no indicator counts.</summary>
    public int? Percent => OutOf == 0 ? null : (int)Math.Round(100m * Count / OutOf, MidpointRounding.AwayFromZero);
}

/// <summary>
/// The three figures the quarterly Integrated Finance and Performance Report resolves, worked out over a
/// set of indicator standings (one council's, or both councils' together, each council's figure counting once).
/// </summary>
public sealed record PerformanceSummary(SummaryMeasure StableOrImproving, SummaryMeasure MetTarget, SummaryMeasure ProjectedToMeet)
{
    public const string StableOrImprovingWording = "% of performance indicators stable or improving";
    public const string MetTargetWording = "% of performance indicators that have a target that have met their target as at the month end";
    public const string ProjectedToMeetWording = "% projected to meet their target at the year end";

    /// <summary>
    /// Stable-or-improving compares with the same period last year, because month-on-month moves of seasonal
    /// figures such as waste tonnage say more about the weather than performance; indicators without that
    /// much history are left out. Only indicators with a target count towards "met" and "projected".
    /// </summary>
    public static PerformanceSummary Of(IReadOnlyCollection<PiStanding> standings)
    {
        var withTrend = standings.Where(s => s.TrendOnLastYear is not null).ToList();
        var judged = standings.Where(s => s.Light is not null).ToList();
        var projected = standings.Where(s => s.Projection?.WillMeetTarget is not null).ToList();
        return new PerformanceSummary(
            new SummaryMeasure(withTrend.Count(s => s.TrendOnLastYear is Trend.Stable or Trend.Improving), withTrend.Count, standings.Count - withTrend.Count),
            new SummaryMeasure(judged.Count(s => s.Light == TrafficLight.Met), judged.Count, standings.Count - judged.Count),
            new SummaryMeasure(projected.Count(s => s.Projection!.WillMeetTarget == true), projected.Count, standings.Count - projected.Count));
    }
}
