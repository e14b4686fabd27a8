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
/// baseline, YTD target, YTD actual and a traffic light for each council, side by side. The figures are
/// the performance rules' own (<see cref="PiStanding"/>), so an indicator is judged the same on every page.
/// </summary>
public static class KeyPerformanceStandards
{
    /// <param name="indicator">The PI with its values, targets and baselines loaded.</param>
    /// <param name="councilId">Whose figures.</param>
    /// <param name="upTo">The last period to count (a period starting after it is left out); its financial year is the one shown.</param>
    /// <param name="rules">The councils' stability band and staleness limits.</param>
    public static CouncilStandard For(PerformanceIndicator indicator, int councilId, DateOnly upTo, PerformanceRules rules)
    {
        var baseline = indicator.Baselines.FirstOrDefault(b => b.CouncilId == councilId)?.Value;
        var year = FinancialYear.Of(upTo);
        var standing = PiStanding.Assess(PiFigures.For(indicator, councilId), new DateOnly(upTo.Year, upTo.Month, 1), upTo, rules);
        var periods = indicator.Values.Count(v => v.CouncilId == councilId && year.Contains(v.PeriodStart) && v.PeriodStart <= upTo);
        Rag? light = standing.Light switch
        {
            Performance.TrafficLight.Met => Rag.Green,
            Performance.TrafficLight.WithinTolerance => Rag.Amber,
            Performance.TrafficLight.Missed => Rag.Red,
            _ => null,
        };
        return new CouncilStandard(baseline, standing.YtdTarget, standing.YtdActual, periods, light);
    }
}
