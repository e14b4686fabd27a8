using Dashboard.Components.Shared;
using Dashboard.Domain.Performance;

namespace Dashboard.Features.Performance;

/// <summary>Indicator figures written the way the councils' reports write them.</summary>
public static class PiFormat
{
    public static string Value(PerformanceIndicator pi, decimal? value) =>
        value is { } v ? v.ToString("N" + pi.DecimalPlaces, UkFormat.Culture) : "–";

    /// <summary>A stored figure as an input box shows it: no thousands separators, so it reads back exactly.</summary>
    public static string Editable(PerformanceIndicator pi, decimal value) => value.ToString("F" + pi.DecimalPlaces, UkFormat.Culture);

    public static string WithUnit(PerformanceIndicator pi, decimal? value) =>
        value is null ? "–" : pi.Unit switch
        {
            "%" => $"{Value(pi, value)}%",
            "£k" => $"£{Value(pi, value)}k",
            _ => $"{Value(pi, value)} {pi.Unit}",
        };

    public static string BetterWhen(Polarity polarity) => polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better";

    public static string Period(PerformanceIndicator pi, DateOnly start) => PiPeriods.Label(pi.Frequency, start);

    public static string Percent(int? percent) => percent is { } p ? $"{p}%" : "–";

    /// <summary>Why a traffic light has its colour: actual against target, how far off, the tolerance and the polarity.</summary>
    public static string Explain(PerformanceIndicator pi, PiStanding standing)
    {
        if (standing.Light is not { } light || standing.YtdActual is not { } actual || standing.YtdTarget is not { } target)
        {
            return pi.IsDataOnly ? "Data only: this indicator has no target, so no traffic light." : "No target or no figures yet for this year, so no traffic light.";
        }

        var comparison = $"Year-to-date actual {WithUnit(pi, actual)} against a target of {WithUnit(pi, target)}; {BetterWhen(pi.Polarity)}";
        if (light == TrafficLight.Met)
        {
            return $"{TrafficLights.Word(light)}. {comparison}.";
        }

        var off = target == 0 ? "" : $" by {Math.Abs((actual - target) / target) * 100:0.#}%";
        var verdict = light == TrafficLight.WithinTolerance ? "within" : "beyond";
        return $"{TrafficLights.Word(light)}. {comparison}, so it is worse than target{off}, {verdict} the {pi.TolerancePercent:0.##}% tolerance.";
    }
}
